// TypeScript consumer (CommonJS, module nodenext: imports compile to require and resolve the
// packages' "require" condition). The ESM consumer (consumer.mts) covers the rest.
import { Secret } from '@prism-sessions/masking';
import { parseConnectorConfig } from '@prism-sessions/domain-types';
import { nuveiPaymentChecksum } from '@prism-sessions/connectors-nuvei';
import { signPaytmBody } from '@prism-sessions/connectors-paytm';
import { CONNECTORS } from '@prism-sessions/connectors-registry';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';

const signature: string = signPaytmBody('{"mid":"M1"}', new Secret('abcdefgh12345678'), new Uint8Array(3));
const checksum: string = nuveiPaymentChecksum({ merchantId: 'm', merchantSiteId: 's', clientRequestId: 'c', amount: '10.00', currency: 'USD', timeStamp: '20250101120000', merchantSecret: 'x' });
const parsed = parseConnectorConfig('{"config":{"Paytm":{"merchant_id":"MID","merchant_key":"k","website":"W"}}}', CONNECTORS.map((connector) => connector.credentials));
const configKey: string = parsed.schema.configKey;
const now: Date = new FixedClock('2025-01-01T12:00:00Z').now();
// @ts-expect-error FixedClock needs a date
new FixedClock();

export = { signature, checksum, configKey, now };
