import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { requireMerchant } from '../graphql/require-merchant';
import { ConnectorEnum, toConnectorId } from '../graphql/types/enums';
import { CreateConnectorAccountInput, UpdateConnectorAccountInput } from './connector-account.input';
import { toConnectorAccount, toConnectorAccountPayload } from './connector-account.mapper';
import type { ConnectorAccountService } from './connector-account.service';
import { ConnectorAccountPayload, ConnectorAccountType } from './connector-account.type';

@Resolver(() => ConnectorAccountType)
export class ConnectorAccountResolver {
  constructor(private readonly service: ConnectorAccountService) {}

  @Mutation(() => ConnectorAccountPayload, { description: 'Stores gateway credentials for the calling merchant (validated by the connector’s schema; sealed; never read back).' })
  async createConnectorAccount(@Arg('input', () => CreateConnectorAccountInput) input: CreateConnectorAccountInput, @Ctx() ctx: GraphQLContext): Promise<ConnectorAccountPayload> {
    const merchant = requireMerchant(ctx);
    const result = await this.service.create({
      merchantId: merchant.id,
      connector: toConnectorId(input.connector),
      label: input.label,
      testMode: input.testMode,
      credentials: input.credentials,
      isDefault: input.isDefault ?? false,
      wallets: input.wallets ?? [],
      ...(input.walletConfig != null ? { walletConfig: input.walletConfig } : {}),
      verify: input.verify ?? false,
    });
    return toConnectorAccountPayload(result);
  }

  @Mutation(() => ConnectorAccountPayload, { description: 'Changes one of the calling merchant’s accounts; credentials are replaced whole.' })
  async updateConnectorAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateConnectorAccountInput) input: UpdateConnectorAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectorAccountPayload> {
    const merchant = requireMerchant(ctx);
    const result = await this.service.update(merchant.id, id, {
      ...(input.label != null ? { label: input.label } : {}),
      ...(input.credentials != null ? { credentials: input.credentials } : {}),
      ...(input.isDefault != null ? { isDefault: input.isDefault } : {}),
      ...(input.wallets != null ? { wallets: input.wallets } : {}),
      ...(input.walletConfig != null ? { walletConfig: input.walletConfig } : {}),
      ...(input.verify != null ? { verify: input.verify } : {}),
    });
    return toConnectorAccountPayload(result);
  }

  @Mutation(() => ConnectorAccountPayload, { description: 'Stops createSessionToken from using the account (on every instance within CONNECTOR_ACCOUNT_CACHE_TTL_MS).' })
  async disableConnectorAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ConnectorAccountPayload> {
    return toConnectorAccountPayload(await this.service.setEnabled(requireMerchant(ctx).id, id, false));
  }

  @Mutation(() => ConnectorAccountPayload, { description: 'Lets createSessionToken use the account again.' })
  async enableConnectorAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ConnectorAccountPayload> {
    return toConnectorAccountPayload(await this.service.setEnabled(requireMerchant(ctx).id, id, true));
  }

  @Query(() => [ConnectorAccountType], { description: 'The calling merchant’s connector accounts, oldest first.' })
  async connectorAccounts(@Ctx() ctx: GraphQLContext, @Arg('connector', () => ConnectorEnum, { nullable: true }) connector?: ConnectorEnum): Promise<ConnectorAccountType[]> {
    const records = await this.service.list(requireMerchant(ctx).id, connector == null ? undefined : toConnectorId(connector));
    return records.map(toConnectorAccount);
  }
}
