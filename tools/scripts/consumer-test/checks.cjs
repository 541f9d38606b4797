'use strict';
// The consumer checks, shared by require-check.cjs (CommonJS) and import-check.mjs (ESM): each
// caller loads the packages its own way and hands over what it got. Runs in the temporary consumer
// project, never in the workspace; it may use only the installed packages and Node.
const assert = require('node:assert/strict');
const { inspect } = require('node:util');

// Reference vectors (shared/spec/upstream-session-token.md §4.5 and §5.8, checked there with sha256sum / openssl).
const PAYTM_VECTOR_B = {
  key: 'abcdefgh12345678',
  salt: [1, 2, 3],
  body: '{"requestType":"Payment","mid":"probe_merchant","orderId":"order_001","websiteName":"WEBSTAGING","txnAmount":{"value":"10.00","currency":"INR"},"userInfo":{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null},"enablePaymentMode":[{"mode":"UPI","channels":["UPIPUSH","UPI"]}],"callbackUrl":"https://default-callback.com","shippingInfo":[{"trackingNo":"order_001","chargeAmount":{"value":"10.00","currency":"INR"}}]}',
  signature: 'MnvUehz56DRsfWys3d9HuTyK1T9IpcWhT7s8clRy3EU4k1FeKtgz5qufhXFzNf0rikErwyEABHYPSDg+9LMhnjEc+bisOL6c7K25wXgt6I8=',
};
const NUVEI_PROBE = { merchantId: 'probe_merchant', merchantSiteId: 'probe_id', merchantSecret: 'probe_secret' };
const NUVEI_SESSION_VECTOR = '1b12e41c3c8da77088fca2d1df1c1fd8514e4b3193649c0546610eb82ba11f41';
const NUVEI_PAYMENT_VECTOR = 'de4f285a657c89d0124aa9d05a06dcebe1027f0b5f160ad615e567a40dac43af';
const CANARY = 'sk_live_consumer_canary_7f3a';

/**
 * Runs every check against `api` (named exports gathered by the caller, plus `PaytmChecksum`) and
 * prints one `ok` line per check. Throws (non-zero exit) on the first failure.
 *
 * @param {string} mode - "CommonJS require" or "ESM import", for the output.
 * @param {Record<string, any>} api - Also `loadDeep(specifier)`: the caller's own way to load a module (require or import()).
 */
async function runChecks(mode, api) {
  const ok = (what) => console.log(`ok - [${mode}] ${what}`);
  for (const [name, value] of Object.entries(api)) assert.notEqual(value, undefined, `${name} is not exported by its package`);
  ok(`${Object.keys(api).length} named exports present`);

  const { Secret, isSecret, DEFAULT_MASK } = api;
  const secret = new Secret(CANARY);
  assert.equal(String(secret), DEFAULT_MASK);
  assert.equal(`${secret}`, '*** Secret ***');
  assert.equal(JSON.stringify({ secret }), '{"secret":"*** Secret ***"}');
  assert.ok(!inspect({ nested: { secret } }, { depth: 5 }).includes(CANARY), 'util.inspect shows the secret');
  assert.ok(isSecret(secret) && !isSecret(CANARY));
  assert.equal(secret.expose(), CANARY);
  ok('masking: a Secret renders masked in String(), JSON and util.inspect, and expose() returns it');

  const { signPaytmBody, verifyPaytmSignature, PaytmChecksum } = api;
  const merchantKey = new Secret(PAYTM_VECTOR_B.key);
  const fixed = signPaytmBody(PAYTM_VECTOR_B.body, merchantKey, Uint8Array.from(PAYTM_VECTOR_B.salt));
  assert.equal(fixed, PAYTM_VECTOR_B.signature, 'Paytm signature differs from reference vector B');
  assert.equal(PaytmChecksum.verifySignature(PAYTM_VECTOR_B.body, PAYTM_VECTOR_B.key, fixed), true, 'paytmchecksum rejects our signature');
  const random = signPaytmBody(PAYTM_VECTOR_B.body, merchantKey, require('node:crypto').randomBytes(3));
  assert.equal(random.length, 108);
  assert.equal(PaytmChecksum.verifySignature(PAYTM_VECTOR_B.body, PAYTM_VECTOR_B.key, random), true, 'paytmchecksum rejects a random-salt signature');
  const theirs = await PaytmChecksum.generateSignature(PAYTM_VECTOR_B.body, PAYTM_VECTOR_B.key);
  assert.equal(verifyPaytmSignature(PAYTM_VECTOR_B.body, merchantKey, theirs), true, 'verifyPaytmSignature rejects paytmchecksum');
  assert.equal(verifyPaytmSignature(`${PAYTM_VECTOR_B.body} `, merchantKey, theirs), false, 'a changed body still verifies');
  ok('connectors-paytm: signs vector B exactly; paytmchecksum verifies our signatures and we verify its');

  const { nuveiSessionChecksum, nuveiPaymentChecksum } = api;
  const fields = { ...NUVEI_PROBE, clientRequestId: 'session_001', timeStamp: '20250101120000' };
  assert.equal(nuveiSessionChecksum(fields), NUVEI_SESSION_VECTOR);
  assert.equal(nuveiPaymentChecksum({ ...fields, clientRequestId: 'txn_001', amount: '10.00', currency: 'USD' }), NUVEI_PAYMENT_VECTOR);
  ok('connectors-nuvei: getSessionToken.do and payment.do checksums equal the reference vectors');

  const { parseConnectorConfig, ConnectorConfigError, CONNECTORS } = api;
  const schemas = CONNECTORS.map((connector) => connector.credentials);
  const header = JSON.stringify({ config: { Nuvei: { merchant_id: NUVEI_PROBE.merchantId, merchant_site_id: NUVEI_PROBE.merchantSiteId, merchant_secret: CANARY } } });
  const parsed = parseConnectorConfig(header, schemas);
  assert.equal(parsed.schema.configKey, 'Nuvei');
  assert.equal(parsed.credentials.merchantSecret.expose(), CANARY);
  assert.ok(!JSON.stringify(parsed).includes(CANARY) && !inspect(parsed, { depth: 8 }).includes(CANARY), 'parsed credentials show the secret');
  const paytm = parseConnectorConfig(JSON.stringify({ config: { Paytm: { merchant_id: 'MID', merchant_key: PAYTM_VECTOR_B.key, website: 'WEBSTAGING' } } }), schemas);
  assert.equal(paytm.schema.configKey, 'Paytm');
  assert.throws(() => parseConnectorConfig('{"config":', schemas), (error) => error instanceof ConnectorConfigError && error.code === 'INVALID_CONNECTOR_CONFIG_JSON');
  assert.throws(
    () => parseConnectorConfig(JSON.stringify({ config: { Nuvei: { merchant_id: 'm', merchant_site_id: 's' } } }), schemas),
    (error) => error instanceof ConnectorConfigError && error.field.includes('merchant_secret') && !error.message.includes(CANARY),
  );
  assert.deepEqual(CONNECTORS.map((connector) => connector.id), ['nuvei', 'paytm', 'paypal']);
  const paypal = parseConnectorConfig(JSON.stringify({ config: { Paypal: { client_id: 'consumer_client', client_secret: CANARY } } }), schemas);
  assert.equal(paypal.schema.configKey, 'Paypal');
  assert.ok(!JSON.stringify(paypal).includes(CANARY), 'parsed PayPal credentials show the secret');
  ok('domain-types + connectors-registry: x-connector-config parses into masked credentials; bad headers name the field');

  const { executeFlow, createMoney, FixedClock, RecordingTransport, respondWithRoutes, nuveiConnector, createNuveiFakeGateway } = api;
  const clock = new FixedClock('2025-01-01T12:00:00Z');
  const gateway = createNuveiFakeGateway({ merchants: [{ ...NUVEI_PROBE, merchantSecret: CANARY }], clock, newToken: () => 'tok_consumer' });
  const transport = new RecordingTransport(respondWithRoutes(nuveiConnector.baseUrls.sandbox, gateway.routes));
  const result = await executeFlow(
    nuveiConnector,
    'sessionToken',
    {
      credentials: parsed.credentials,
      baseUrl: nuveiConnector.baseUrls.sandbox,
      clock,
      flowData: { merchantId: 'consumer', connectorRequestReferenceId: 'session_001', testMode: true },
      request: { amount: createMoney(1000, 'USD') },
    },
    transport,
  );
  assert.equal(result.status, 'SUCCESS', `session-token flow failed: ${JSON.stringify(result)}`);
  assert.equal(result.data.sessionToken.expose(), 'tok_consumer');
  assert.ok(!JSON.stringify(result).includes('tok_consumer'), 'the outcome shows the token');
  const sent = JSON.parse(transport.requests[0].body);
  assert.equal(sent.checksum, nuveiSessionChecksum({ ...fields, merchantSecret: CANARY }));
  ok('connector-interfaces (+ /testing): executeFlow runs the Nuvei session-token flow against the packaged fake gateway');

  const { signClientPayload, verifyClientPayload, paypalConnector } = api;
  const { generateKeyPairSync, verify } = require('node:crypto');
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' });
  const signed = signClientPayload(privatePem, { merchant_id: 'm1', customer_id: 'c1', timestamp: '1764900000000' });
  assert.equal(signed.signaturePayload, '{"merchant_id":"m1","customer_id":"c1","timestamp":"1764900000000"}');
  assert.equal(verify('sha256', Buffer.from(signed.signaturePayload, 'utf8'), keys.publicKey, Buffer.from(signed.signature, 'base64')), true, 'node:crypto rejects the client-auth signature');
  assert.equal(verifyClientPayload(keys.publicKey, signed.signature, signed.signaturePayload), true);
  assert.equal(verifyClientPayload(keys.publicKey, signed.signature, signed.signaturePayload.replace('c1', 'c2')), false);
  assert.equal(paypalConnector.id, 'paypal');
  ok('client-auth: signs {merchant_id, customer_id, timestamp}; node:crypto and verifyClientPayload accept it, a changed payload fails');

  await assert.rejects(async () => api.loadDeep('@prism-sessions/connectors-paytm/src/lib/paytm.signature'), (error) => error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED');
  ok('exports map: internal files are not importable');
}

module.exports = { runChecks };
