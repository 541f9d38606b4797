import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Secret } from '@prism-sessions/masking';
import { CallsGateway, ClientFacing } from '../access/field-policy';
import type { GraphQLContext } from '../graphql/context';
import { parseClientContext } from './client-context';
import { WalletSessionTokensInput } from './wallet-session-tokens.input';
import { toWalletSessionTokensPayload } from './wallet-session-tokens.mapper';
import { WalletSessionTokensPayload } from './wallet-session-tokens.type';
import type { WalletSessionService } from './wallet-session.service';

@Resolver()
export class WalletSessionTokensResolver {
  constructor(private readonly service: WalletSessionService) {}

  @Mutation(() => WalletSessionTokensPayload, {
    description:
      'The wallet session tokens of a payment for its client (publishable key + client secret), as POST /payments/session_tokens answers them, plus why each left-out wallet was omitted. Always includes PAYTM_CHECKOUT.',
  })
  @ClientFacing()
  @CallsGateway()
  async createWalletSessionTokens(@Arg('input', () => WalletSessionTokensInput) input: WalletSessionTokensInput, @Ctx() ctx: GraphQLContext): Promise<WalletSessionTokensPayload> {
    const headers: Record<string, string | undefined> = { 'x-client-platform': input.clientPlatform ?? undefined, 'x-browser-name': input.browserName ?? undefined, 'x-merchant-domain': input.merchantDomain ?? undefined };
    const result = await this.service.createTokens({
      caller: ctx.merchant && ctx.apiKeyKind ? { merchantId: ctx.merchant.id, keyKind: ctx.apiKeyKind } : null,
      paymentId: input.paymentId,
      clientSecret: new Secret(input.clientSecret),
      wallets: (input.wallets ?? []).map((wallet) => wallet.toLowerCase()),
      client: parseClientContext((name) => headers[name], ctx.logger),
      extensions: true,
      logger: ctx.logger,
    });
    return toWalletSessionTokensPayload(input.paymentId, result);
  }
}
