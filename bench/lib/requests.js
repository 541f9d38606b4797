'use strict';
/**
 * The request kinds the bench sends (Nuvei create, Paytm create, Nuvei create from a stored connector
 * account (`stored`: no x-connector-config), replay, paymentSession read) and how
 * each answer is checked. Bodies are prefix + id + suffix, so the load generator does no JSON work per
 * request.
 */
const crypto = require('node:crypto');

// Demo merchants of the gateway simulator (apps/gateway-simulator/src/demo-credentials.ts).
const NUVEI_CONFIG = JSON.stringify({ config: { Nuvei: { merchant_id: 'demo_nuvei_merchant', merchant_site_id: 'demo_site', merchant_secret: 'demo_nuvei_secret' } } });
const PAYTM_CONFIG = JSON.stringify({ config: { Paytm: { merchant_id: 'DEMOMID00000000000001', merchant_key: 'demoPaytmKey0001', website: 'WEBSTAGING' } } });

// The documents the integration and e2e suites send too (CREATE_SESSION_TOKEN: every field a client may read).
const { CREATE_CONNECTOR_ACCOUNT, CREATE_SESSION_TOKEN, PAYMENT_SESSION } = require('../../libs/testing/graphql-documents/src/index.js');

function splitBody(query, variables, marker) {
  const text = JSON.stringify({ query, variables });
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}
const MARK = '__ID__';
const NUVEI_BODY = splitBody(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', merchantSessionId: MARK, amount: { minorAmount: 1000, currency: 'USD' } } }, MARK);
const PAYTM_BODY = splitBody(CREATE_SESSION_TOKEN, { input: { connector: 'PAYTM', merchantSessionId: MARK, amount: { minorAmount: 1000, currency: 'INR' } } }, MARK);
const READ_BODY = splitBody(PAYMENT_SESSION, { id: MARK }, MARK);

const RUN_TAG = crypto.randomBytes(4).toString('hex');
let sequence = 0;
const freshId = (prefix) => `${prefix}${RUN_TAG}_${(sequence++).toString(36)}`;

const isCreated = (body) => body.includes('"statusCode":200') && body.includes('"replayed":false') && body.includes('"sessionToken":"') && !body.includes('"errors"');
const isReplayed = (body) => body.includes('"statusCode":200') && body.includes('"replayed":true') && body.includes('"sessionToken":"') && !body.includes('"errors"');
const isRead = (body) => body.includes('"paymentSession":{"id":"') && body.includes('"token":"') && !body.includes('"errors"');

/**
 * Gives the target's merchant a default test-mode Nuvei connector account with the demo credentials
 * (the API's `stored` scenario). The floor has no accounts: its `stored` requests carry the header.
 */
async function createStoredAccount(target) {
  const credentials = JSON.parse(NUVEI_CONFIG).config.Nuvei;
  const input = { connector: 'NUVEI', label: 'bench', testMode: true, isDefault: true, credentials };
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey}` },
    body: JSON.stringify({ query: CREATE_CONNECTOR_ACCOUNT, variables: { input } }),
  });
  const body = await res.json();
  const account = body.data?.createConnectorAccount?.connectorAccount;
  if (!account) throw new Error(`could not create the bench connector account: ${JSON.stringify(body).slice(0, 300)}`);
  target.storedAccount = true;
  return account.id;
}

/** The request kinds, for one target (API or floor). */
function requestKinds(target) {
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey}` };
  const nuveiHeaders = { ...auth, 'x-connector-config': NUVEI_CONFIG };
  const paytmHeaders = { ...auth, 'x-connector-config': PAYTM_CONFIG };
  let replayCursor = 0;
  let readCursor = 0;
  return {
    nuvei: { headers: nuveiHeaders, body: () => NUVEI_BODY[0] + freshId('n') + NUVEI_BODY[1], verify: isCreated },
    paytm: { headers: paytmHeaders, body: () => PAYTM_BODY[0] + freshId('p') + PAYTM_BODY[1], verify: isCreated },
    stored: { headers: target.storedAccount ? auth : nuveiHeaders, body: () => NUVEI_BODY[0] + freshId('s') + NUVEI_BODY[1], verify: isCreated },
    replay: {
      headers: nuveiHeaders,
      body: () => NUVEI_BODY[0] + target.replayIds[replayCursor++ % target.replayIds.length] + NUVEI_BODY[1],
      verify: isReplayed,
    },
    read: { headers: auth, body: () => READ_BODY[0] + target.readIds[readCursor++ % target.readIds.length] + READ_BODY[1], verify: isRead },
  };
}

module.exports = { requestKinds, createStoredAccount };
