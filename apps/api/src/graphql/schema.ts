import { buildSchema, type ContainerType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ConnectorAccountResolver } from '../connector-accounts/connector-account.resolver';
import { ConnectorResolver } from '../connectors/connector.resolver';
import { PaymentSessionResolver } from '../payment-sessions/payment-session.resolver';

/** Builds the schema with resolver instances from the composition root (no DI framework). */
export async function buildAppSchema(resolvers: { paymentSessions: PaymentSessionResolver; connectors: ConnectorResolver; connectorAccounts: ConnectorAccountResolver }): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>([
    [PaymentSessionResolver, resolvers.paymentSessions],
    [ConnectorResolver, resolvers.connectors],
    [ConnectorAccountResolver, resolvers.connectorAccounts],
  ]);
  const container: ContainerType = { get: (someClass) => instances.get(someClass) };
  return buildSchema({
    resolvers: [PaymentSessionResolver, ConnectorResolver, ConnectorAccountResolver],
    container,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  });
}
