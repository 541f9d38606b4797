import type { Merchant } from '../merchants/merchant.repository';
import type { ConnectorHeaders } from '../connectors/connector-headers';
import type { Logger } from '../logging/logger';

/** Request-scoped data handed to resolvers. */
export interface GraphQLContext {
  readonly requestId: string;
  /** The authenticated merchant, or null (only introspection is allowed then). */
  readonly merchant: Merchant | null;
  /** Raw connector headers; parsed (and masked) by the mutation mapper. */
  readonly connectorHeaders: ConnectorHeaders;
  readonly logger: Logger;
}
