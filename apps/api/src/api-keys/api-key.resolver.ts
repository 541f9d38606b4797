import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { InvalidInputError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { requireMerchant } from '../graphql/require-merchant';
import { isUuid } from '../payment-sessions/session-cursor';
import { validateExpiry, validateKeyName } from './api-key-input';
import type { ApiKeyRepository } from './api-key.repository';
import { ApiKeyType, CreateApiKeyInput, CreateApiKeyPayload } from './api-key.types';

/** API key management for the calling merchant (secret keys only: none of these is client-facing). */
@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
    /** Drops a revoked key from this instance's authentication cache. */
    private readonly forget: (apiKeyId: string) => void,
  ) {}

  @Mutation(() => CreateApiKeyPayload, { description: 'Mints a key. The key is in the payload only: store it now.' })
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: GraphQLContext): Promise<CreateApiKeyPayload> {
    const merchant = requireMerchant(ctx);
    const name = validateKeyName(input.name, 'input.name');
    const expiresAt = validateExpiry(input.expiresAt, this.clock.now(), 'input.expiresAt');
    const { record, key } = await this.keys.create(merchant.id, { name, kind: input.kind, expiresAt });
    return { apiKey: record, key };
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes a key: refused from now on on this instance, within API_KEY_CACHE_TTL_MS on the others.' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKeyType> {
    const merchant = requireMerchant(ctx);
    const revoked = isUuid(id) ? await this.keys.revoke(merchant.id, id, this.clock.now()) : null;
    if (!revoked) throw new InvalidInputError('NOT_FOUND', 'id', 'No API key with this id');
    this.forget(revoked.id);
    return revoked;
  }

  @Query(() => [ApiKeyType], { description: 'The calling merchant’s keys (revoked and expired ones included), oldest first.' })
  async apiKeys(@Ctx() ctx: GraphQLContext): Promise<ApiKeyType[]> {
    return this.keys.list(requireMerchant(ctx).id);
  }
}
