import type { ConnectorHeaders } from '../connectors/connector-headers';
import type { ApiKeyKind } from '../merchants/api-key';
import type { AuthenticatedMerchant } from '../merchants/merchant.repository';
import type { Logger } from '../logging/logger';

/** What the HTTP layer learns about a request while it runs, for its metrics. */
export interface RequestObservation {
  /** A bounded label: a schema root field, `health`, `metrics` or `other` (see metrics/operation-label). */
  operation: string;
}

/** Request-scoped data handed to resolvers. */
export interface GraphQLContext {
  readonly requestId: string;
  /** The authenticated merchant, or null (only introspection is allowed then). */
  readonly merchant: AuthenticatedMerchant | null;
  /** Kind of the key the caller authenticated with (null when anonymous). PUBLISHABLE keys only reach `@ClientFacing()` fields. */
  readonly apiKeyKind: ApiKeyKind | null;
  /** Raw connector headers; parsed (and masked) by the mutation mapper. */
  readonly connectorHeaders: ConnectorHeaders;
  readonly logger: Logger;
  readonly observation: RequestObservation;
}
