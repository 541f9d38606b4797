// ESM consumer: static named imports, so a name Node cannot see in a package (CommonJS interop) fails at link time.
import PaytmChecksum from 'paytmchecksum';
import { Secret, isSecret, DEFAULT_MASK } from '@prism-sessions/masking';
import { parseConnectorConfig, ConnectorConfigError, createMoney } from '@prism-sessions/domain-types';
import { executeFlow } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport, respondWithRoutes } from '@prism-sessions/connector-interfaces/testing';
import { nuveiConnector, nuveiSessionChecksum, nuveiPaymentChecksum } from '@prism-sessions/connectors-nuvei';
import { createNuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { signPaytmBody, verifyPaytmSignature } from '@prism-sessions/connectors-paytm';
import { CONNECTORS } from '@prism-sessions/connectors-registry';
import { paypalConnector } from '@prism-sessions/connectors-paypal';
import { signClientPayload, verifyClientPayload } from '@prism-sessions/client-auth';
import checks from './checks.cjs';

await checks.runChecks('ESM import', {
  PaytmChecksum, Secret, isSecret, DEFAULT_MASK, parseConnectorConfig, ConnectorConfigError, createMoney, executeFlow,
  FixedClock, RecordingTransport, respondWithRoutes, nuveiConnector, nuveiSessionChecksum, nuveiPaymentChecksum,
  createNuveiFakeGateway, signPaytmBody, verifyPaytmSignature, CONNECTORS, paypalConnector, signClientPayload, verifyClientPayload,
  loadDeep: (specifier) => import(specifier),
});
