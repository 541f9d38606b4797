import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { InvalidInputError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { requireMerchant } from '../graphql/require-merchant';
import type { ClientSigningKeyRepository } from './client-signing-key.repository';
import { ClientSigningKeyType, RegisterClientSigningKeyInput } from './client-signing-key.types';
import { parseRsaPublicKeyPem } from './public-key-pem';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

function validateKeyId(keyId: string, field: string): string {
  if (!KEY_ID.test(keyId)) throw new InvalidInputError('INVALID_KEY_ID', field, `${field} must be 1–64 characters of A–Z, a–z, 0–9, ".", "_" or "-"`);
  return keyId;
}

/** Client signing keys of the calling merchant (secret keys only). */
@Resolver(() => ClientSigningKeyType)
export class ClientSigningKeyResolver {
  constructor(
    private readonly keys: ClientSigningKeyRepository,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => ClientSigningKeyType, { description: 'Registers an RSA public key (≥ 2048 bits) under a new keyId.' })
  async registerClientSigningKey(@Arg('input', () => RegisterClientSigningKeyInput) input: RegisterClientSigningKeyInput, @Ctx() ctx: GraphQLContext): Promise<ClientSigningKeyType> {
    const merchant = requireMerchant(ctx);
    const keyId = validateKeyId(input.keyId, 'input.keyId');
    const parsed = parseRsaPublicKeyPem(input.publicKeyPem);
    const registered = await this.keys.register(merchant.id, keyId, parsed);
    if (!registered) throw new InvalidInputError('DUPLICATE_KEY_ID', 'input.keyId', 'input.keyId is already registered (key ids are never reused, even after revocation)');
    return registered;
  }

  @Mutation(() => ClientSigningKeyType, { description: 'Revokes a signing key: signatures made with it are refused from now on.' })
  async revokeClientSigningKey(@Arg('keyId', () => String) keyId: string, @Ctx() ctx: GraphQLContext): Promise<ClientSigningKeyType> {
    const merchant = requireMerchant(ctx);
    const revoked = await this.keys.revoke(merchant.id, validateKeyId(keyId, 'keyId'), this.clock.now());
    if (!revoked) throw new InvalidInputError('NOT_FOUND', 'keyId', 'No client signing key with this keyId');
    return revoked;
  }

  @Query(() => [ClientSigningKeyType], { description: 'The calling merchant’s signing keys (revoked ones included), oldest first.' })
  async clientSigningKeys(@Ctx() ctx: GraphQLContext): Promise<ClientSigningKeyType[]> {
    return this.keys.list(requireMerchant(ctx).id);
  }
}
