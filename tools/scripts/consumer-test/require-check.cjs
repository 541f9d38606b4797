'use strict';
// CommonJS consumer: plain require() of every package (and the /testing entries) as installed from the tarballs.
const PaytmChecksum = require('paytmchecksum');
const { Secret, isSecret, DEFAULT_MASK } = require('@prism-sessions/masking');
const { parseConnectorConfig, ConnectorConfigError, createMoney } = require('@prism-sessions/domain-types');
const { executeFlow } = require('@prism-sessions/connector-interfaces');
const { FixedClock, RecordingTransport, respondWithRoutes } = require('@prism-sessions/connector-interfaces/testing');
const { nuveiConnector, nuveiSessionChecksum, nuveiPaymentChecksum } = require('@prism-sessions/connectors-nuvei');
const { createNuveiFakeGateway } = require('@prism-sessions/connectors-nuvei/testing');
const { signPaytmBody, verifyPaytmSignature } = require('@prism-sessions/connectors-paytm');
const { CONNECTORS } = require('@prism-sessions/connectors-registry');
const { paypalConnector } = require('@prism-sessions/connectors-paypal');
const { signClientPayload, verifyClientPayload } = require('@prism-sessions/client-auth');
const { runChecks } = require('./checks.cjs');

runChecks('CommonJS require', {
  PaytmChecksum, Secret, isSecret, DEFAULT_MASK, parseConnectorConfig, ConnectorConfigError, createMoney, executeFlow,
  FixedClock, RecordingTransport, respondWithRoutes, nuveiConnector, nuveiSessionChecksum, nuveiPaymentChecksum,
  createNuveiFakeGateway, signPaytmBody, verifyPaytmSignature, CONNECTORS, paypalConnector, signClientPayload, verifyClientPayload,
  loadDeep: async (specifier) => require(specifier),
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
