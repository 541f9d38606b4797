import { randomBytes } from 'node:crypto';
import { notImplemented, type ConnectorDefinition } from '@org/connector-interfaces';
import type { PaytmCredentials } from '@org/domain-types';
import { parsePaytmCredentials } from './paytm.auth';
import { PAYTM_BASE_URLS, PAYTM_CAPABILITIES, PAYTM_SALT_LENGTH } from './paytm.constants';
import { parsePaytmErrorResponse } from './paytm.errors';
import { paytmAuthorizeFlow } from './transformers/authorize.transformer';
import { createPaytmSessionTokenFlow } from './transformers/session-token.transformer';

/** Options of {@link createPaytmConnector}. */
export interface PaytmConnectorOptions {
  /**
   * Supplies the 3 salt bytes of each request signature. Defaults to `crypto.randomBytes(3)`;
   * override only in tests, to make signatures deterministic.
   */
  readonly saltSource?: () => Uint8Array;
}

/**
 * Creates the Paytm connector: sessionToken (initiateTransaction → `txnToken`) and authorize
 * (UPI processTransaction); psync, capture, refund and void are not implemented yet.
 *
 * @example
 * const connector = createPaytmConnector();
 * const result = await executeFlow(connector, 'sessionToken', ctx, transport);
 */
export function createPaytmConnector(options: PaytmConnectorOptions = {}): ConnectorDefinition<PaytmCredentials> {
  const saltSource = options.saltSource ?? (() => randomBytes(PAYTM_SALT_LENGTH));
  const connector: ConnectorDefinition<PaytmCredentials> = {
    id: 'paytm',
    displayName: 'Paytm',
    capabilities: PAYTM_CAPABILITIES,
    baseUrls: PAYTM_BASE_URLS,
    parseCredentials: (credentials) => parsePaytmCredentials(credentials),
    parseErrorResponse: parsePaytmErrorResponse,
    flows: {
      sessionToken: createPaytmSessionTokenFlow(saltSource),
      authorize: paytmAuthorizeFlow,
      psync: notImplemented,
      capture: notImplemented,
      refund: notImplemented,
      void: notImplemented,
    },
  };
  Object.freeze(connector.flows);
  return Object.freeze(connector);
}

/** The Paytm connector with random signature salt: the one production code uses. */
export const paytmConnector: ConnectorDefinition<PaytmCredentials> = createPaytmConnector();
