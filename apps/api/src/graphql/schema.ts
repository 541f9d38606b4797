import { buildSchema, type ContainerType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ConnectorResolver } from '../connectors/connector.resolver';
import { PaymentSessionResolver } from '../payment-sessions/payment-session.resolver';

/** The resolver instances the composition root built. */
export interface AppResolvers {
  readonly paymentSessions: PaymentSessionResolver;
  readonly connectors: ConnectorResolver;
}

/**
 * Builds the schema with resolver instances from the composition root (no DI framework). Without
 * resolvers the schema can be printed (see schema-file.ts) but not executed.
 */
export async function buildAppSchema(resolvers?: AppResolvers): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(resolvers ? [
    [PaymentSessionResolver, resolvers.paymentSessions],
    [ConnectorResolver, resolvers.connectors],
  ] : []);
  const container: ContainerType = {
    get: (someClass) => {
      const instance = instances.get(someClass);
      if (instance === undefined) throw new Error('This schema was built without resolvers: it can be printed, not executed');
      return instance;
    },
  };
  return buildSchema({
    resolvers: [PaymentSessionResolver, ConnectorResolver],
    container,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  });
}
