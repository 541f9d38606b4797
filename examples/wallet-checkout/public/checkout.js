// Browser half of the wallet checkout example (plain JS, no build step, no framework).
// 1. Ask the merchant's server (which holds the secret key) to create a payment: it answers the
//    payment id, its client secret, the publishable key and the API's URL.
// 2. Call the API's POST /payments/session_tokens with only the publishable key and the client secret,
//    exactly as Hyperswitch's web SDK does, and list the wallets that came back.
(function () {
  'use strict';

  var statusLine = document.getElementById('status');
  var walletList = document.getElementById('wallets');
  var errorLine = document.getElementById('error');

  function setState(state, text) {
    document.body.dataset.state = state;
    statusLine.textContent = text;
  }

  function fail(message) {
    errorLine.hidden = false;
    errorLine.textContent = message;
    setState('failed', 'Could not load the wallets.');
  }

  async function postJson(url, headers, body) {
    var response = await fetch(url, { method: 'POST', headers: Object.assign({ 'content-type': 'application/json' }, headers), body: JSON.stringify(body) });
    var json = null;
    try {
      json = await response.json();
    } catch (ignored) {
      json = null;
    }
    return { status: response.status, ok: response.ok, json: json };
  }

  // A line of detail per wallet, from the seed's snake_case shapes.
  function describe(token) {
    if (token.wallet_name === 'google_pay' && token.transaction_info) return token.transaction_info.total_price + ' ' + token.transaction_info.currency_code;
    if (token.wallet_name === 'apple_pay') return token.session_token_data ? 'merchant session ready' : 'no merchant session (app platform)';
    if (token.wallet_name === 'paypal') return 'client id ' + token.session_token;
    if (token.wallet_name === 'paytm_checkout') return 'order ' + token.order_id;
    return '';
  }

  function render(tokens) {
    walletList.textContent = '';
    tokens.forEach(function (token) {
      var item = document.createElement('li');
      item.dataset.walletName = token.wallet_name;
      item.dataset.connector = token.connector || '';
      var name = document.createElement('strong');
      name.textContent = token.wallet_name;
      item.appendChild(name);
      item.appendChild(document.createTextNode(' via ' + (token.connector || '?')));
      var detail = describe(token);
      if (detail) item.appendChild(document.createTextNode(' (' + detail + ')'));
      walletList.appendChild(item);
    });
  }

  async function main() {
    var params = new URLSearchParams(window.location.search);
    var created = await postJson('/checkout/payments', {}, { amount: params.get('amount') || '1999', currency: params.get('currency') || 'USD' });
    if (!created.ok || !created.json) return fail('The merchant server could not create the payment: ' + ((created.json && created.json.error) || 'HTTP ' + created.status));
    var checkout = created.json;
    document.getElementById('payment').hidden = false;
    document.getElementById('payment-id').textContent = checkout.paymentId;
    setState('loading', 'Asking for the wallet session tokens…');

    var wallets = (params.get('wallets') || '').split(',').filter(Boolean);
    var answer = await postJson(checkout.apiUrl + '/payments/session_tokens', { 'api-key': checkout.publishableKey }, { payment_id: checkout.paymentId, client_secret: checkout.clientSecret, wallets: wallets });
    if (!answer.ok || !answer.json || !Array.isArray(answer.json.session_token)) {
      var error = answer.json && answer.json.error;
      return fail('POST /payments/session_tokens answered ' + answer.status + (error ? ' ' + error.code + ': ' + error.message : ''));
    }
    render(answer.json.session_token);
    var count = answer.json.session_token.length;
    setState('ready', count === 0 ? 'No wallet is available for this payment.' : count + (count === 1 ? ' wallet' : ' wallets') + ' available.');
  }

  main().catch(function (error) {
    fail('Unexpected error: ' + (error && error.message ? error.message : String(error)));
  });
})();
