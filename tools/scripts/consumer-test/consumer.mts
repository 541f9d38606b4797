// TypeScript consumer (ESM, module nodenext), type-checked with `tsc --noEmit` against the shipped
// declarations only. The @ts-expect-error lines prove the types are real: with a package's types
// missing, its imports fail (TS7016) and these lines become unused directives (TS2578).
import PaytmChecksum from 'paytmchecksum';
import { Secret, type MaskingStrategy } from '@prism-sessions/masking';
import { ConnectorConfigError, createMoney, parseConnectorConfig, type ConnectorConfigErrorCode, type Money } from '@prism-sessions/domain-types';
import { executeFlow, type ConnectorDefinition, type FlowResult, type HttpTransport } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport, respondWithRoutes } from '@prism-sessions/connector-interfaces/testing';
import { nuveiConnector, nuveiSessionChecksum, type NuveiCredentials } from '@prism-sessions/connectors-nuvei';
import { createNuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { paytmConnector, signPaytmBody, verifyPaytmSignature, type PaytmCredentials } from '@prism-sessions/connectors-paytm';
import { CONNECTORS, type ConnectorId } from '@prism-sessions/connectors-registry';
import { signClientPayload, type SignedClientPayload } from '@prism-sessions/client-auth';
import { paypalConnector } from '@prism-sessions/connectors-paypal';

const lastFour: MaskingStrategy<string> = (value) => `****${value.slice(-4)}`;
const merchantKey = new Secret('abcdefgh12345678', lastFour);
const body = '{"mid":"M1"}';
const signature: string = signPaytmBody(body, merchantKey, new Uint8Array([0, 0, 0]));
const verified: boolean = verifyPaytmSignature(body, merchantKey, signature) && PaytmChecksum.verifySignature(body, merchantKey.expose(), signature);
// @ts-expect-error the merchant key must be a Secret, never a plain string
signPaytmBody(body, 'abcdefgh12345678', new Uint8Array(3));

const checksum: string = nuveiSessionChecksum({ merchantId: 'm', merchantSiteId: 's', clientRequestId: 'c', timeStamp: '20250101120000', merchantSecret: 'x' });
// @ts-expect-error timeStamp is required
nuveiSessionChecksum({ merchantId: 'm', merchantSiteId: 's', clientRequestId: 'c', merchantSecret: 'x' });

const ids: ConnectorId[] = CONNECTORS.map((connector) => connector.id);
// @ts-expect-error only registered connectors are ConnectorIds
const unknownId: ConnectorId = 'stripe';

const config = parseConnectorConfig('{"config":{"Nuvei":{"merchant_id":"m","merchant_site_id":"s","merchant_secret":"x"}}}', [nuveiConnector.credentials]);
const nuveiCredentials: NuveiCredentials = config.credentials;
const paytmCredentials: PaytmCredentials = paytmConnector.credentials.parse({ merchant_id: 'MID', merchant_key: 'abcdefgh12345678', website: 'WEBSTAGING' });
const wrapped: Secret<string> = paytmCredentials.merchantKey;
// @ts-expect-error credentials are Secrets, not strings
const leaked: string = paytmCredentials.merchantKey;
const code: ConnectorConfigErrorCode = new ConnectorConfigError('INVALID_CONNECTOR', 'config', 'unsupported connector').code;

const clock = new FixedClock('2025-01-01T12:00:00Z');
const gateway = createNuveiFakeGateway({ merchants: [{ merchantId: 'm', merchantSiteId: 's', merchantSecret: 'x' }], clock });
const transport: HttpTransport = new RecordingTransport(respondWithRoutes(nuveiConnector.baseUrls.sandbox, gateway.routes));
const amount: Money = createMoney(1000, 'USD');
const definition: ConnectorDefinition<NuveiCredentials, 'nuvei'> = nuveiConnector;
const result = await executeFlow(
  definition,
  'sessionToken',
  { credentials: nuveiCredentials, baseUrl: nuveiConnector.baseUrls.sandbox, clock, flowData: { merchantId: 'consumer', connectorRequestReferenceId: 'session_001', testMode: true }, request: { amount } },
  transport,
);
const typed: FlowResult<unknown> = result;
if (result.status === 'SUCCESS') {
  const token: Secret<string> = result.data.sessionToken;
  console.log(`${token}`);
}

const signedPayload: SignedClientPayload = signClientPayload('-----BEGIN PRIVATE KEY-----\n…', { merchant_id: 'm', customer_id: 'c', timestamp: '1764900000000' });
// @ts-expect-error the timestamp claim is a string of 13 digits, not a number
signClientPayload('pem', { merchant_id: 'm', customer_id: 'c', timestamp: 1764900000000 });
const paypalId: ConnectorId = paypalConnector.id;

export { signedPayload, paypalId, verified, checksum, ids, unknownId, wrapped, leaked, code, typed };
