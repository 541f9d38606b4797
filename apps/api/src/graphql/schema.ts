import { buildSchema, type ContainerType } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ApiKeyResolver } from '../api-keys/api-key.resolver';
import { ConnectorAccountResolver } from '../connector-accounts/connector-account.resolver';
import { ConnectorResolver } from '../connectors/connector.resolver';
import { PaymentSessionResolver } from '../payment-sessions/payment-session.resolver';
import { PaymentResolver } from '../payments/payment.resolver';
import { WalletSessionTokensResolver } from '../wallet-sessions/wallet-session-tokens.resolver';
import { ClientSigningKeyResolver } from '../signing-keys/client-signing-key.resolver';
import { HyperApiResolver } from '../hyperapi/hyperapi.resolver';
import { UpiCustomerResolver } from '../hyperapi/upi-customer.resolver';

/** The resolver instances, built by the composition root. */
export interface AppResolvers {
  readonly paymentSessions: PaymentSessionResolver;
  readonly connectors: ConnectorResolver;
  readonly apiKeys: ApiKeyResolver;
  readonly clientSigningKeys: ClientSigningKeyResolver;
  readonly connectorAccounts: ConnectorAccountResolver;
  readonly hyperApi: HyperApiResolver;
  readonly upiCustomers: UpiCustomerResolver;
  readonly payments: PaymentResolver;
  readonly walletSessionTokens: WalletSessionTokensResolver;
}

/**
 * Builds the schema with resolver instances from the composition root (no DI framework). Without
 * resolvers the schema can be printed (see schema-file.ts) but not executed.
 */
export async function buildAppSchema(resolvers?: AppResolvers): Promise<GraphQLSchema> {
  const instances = new Map<unknown, unknown>(
    resolvers
      ? [
          [PaymentSessionResolver, resolvers.paymentSessions],
          [ConnectorResolver, resolvers.connectors],
          [ApiKeyResolver, resolvers.apiKeys],
          [ClientSigningKeyResolver, resolvers.clientSigningKeys],
          [ConnectorAccountResolver, resolvers.connectorAccounts],
          [HyperApiResolver, resolvers.hyperApi],
          [UpiCustomerResolver, resolvers.upiCustomers],
          [PaymentResolver, resolvers.payments],
          [WalletSessionTokensResolver, resolvers.walletSessionTokens],
        ]
      : [],
  );
  const container: ContainerType = {
    get: (someClass) => {
      const instance = instances.get(someClass);
      if (instance === undefined) throw new Error('This schema was built without resolvers: it can be printed, not executed');
      return instance;
    },
  };
  return buildSchema({
    resolvers: [
      PaymentSessionResolver,
      ConnectorResolver,
      ApiKeyResolver,
      ClientSigningKeyResolver,
      ConnectorAccountResolver,
      HyperApiResolver,
      UpiCustomerResolver,
      PaymentResolver,
      WalletSessionTokensResolver,
    ],
    container,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  });
}
