import { registerEnumType } from 'type-graphql';
import { CURRENCY_CODES } from '@prism-sessions/domain-types';
import { CONNECTOR_IDS, type ConnectorId } from '../../connectors/connector-registry';

/** A GraphQL connector name: the registered id in upper case (`nuvei` → `NUVEI`). */
export type ConnectorEnum = Uppercase<ConnectorId>;

/** The GraphQL `Connector` enum, derived from the registered connectors. */
export const ConnectorEnum = Object.freeze(Object.fromEntries(CONNECTOR_IDS.map((id) => [id.toUpperCase(), id.toUpperCase()]))) as {
  readonly [K in ConnectorEnum]: K;
};
registerEnumType(ConnectorEnum, { name: 'Connector', description: 'Payment gateways that issue session tokens.' });

/** GraphQL name → internal id. */
export function toConnectorId(connector: ConnectorEnum): ConnectorId {
  return connector.toLowerCase() as ConnectorId;
}

/** Internal id → GraphQL name. */
export function fromConnectorId(id: ConnectorId): ConnectorEnum {
  return id.toUpperCase() as ConnectorEnum;
}

/** Lifecycle of a payment session. */
export enum SessionStatusEnum {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  FAILED = 'FAILED',
  REVOKED = 'REVOKED',
  OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN',
}
registerEnumType(SessionStatusEnum, {
  name: 'SessionStatus',
  description: 'Lifecycle of a payment session.',
  valuesConfig: {
    PENDING: { description: 'A gateway call is in flight.' },
    ACTIVE: { description: 'A live token is held; see expiresAt.' },
    EXPIRED: { description: 'The token lifetime is over.' },
    FAILED: { description: 'The gateway rejected the request or answered something unusable. A new attempt is allowed.' },
    REVOKED: { description: 'Revoked by the merchant; the token is no longer handed out.' },
    OUTCOME_UNKNOWN: { description: 'No answer in time: the gateway may have issued a token we never saw. Retryable.' },
  },
});

/** ISO 4217 codes of the upstream protocol. */
export const CurrencyCodeEnum: Record<string, string> = Object.fromEntries(CURRENCY_CODES.map((code) => [code, code]));
registerEnumType(CurrencyCodeEnum, { name: 'CurrencyCode', description: 'ISO 4217 currency code.' });
