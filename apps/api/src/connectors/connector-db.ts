import type { Connector as DbConnector } from '../generated/prisma/client';
import type { ConnectorId } from './connector-registry';

// A registered connector whose upper-case id is not a value of the database `Connector` enum makes
// this line fail to compile: add the value with a migration (`npm run db:create-migration`).
type EveryConnectorInTheDatabase = Uppercase<ConnectorId> extends DbConnector ? true : never;
const everyConnectorInTheDatabase: EveryConnectorInTheDatabase = true;
void everyConnectorInTheDatabase;

/** The database enum value of a connector (its id in upper case). */
export function toDbConnector(id: ConnectorId): DbConnector {
  return id.toUpperCase() as Uppercase<ConnectorId>;
}

/** The connector id of a database enum value. */
export function fromDbConnector(value: DbConnector): ConnectorId {
  return value.toLowerCase() as ConnectorId;
}
