import { AuthenticationError } from '../errors/app-errors';
import type { AuthenticatedMerchant } from '../merchants/merchant.repository';
import type { GraphQLContext } from './context';

/** The calling merchant, or an UNAUTHENTICATED error. */
export function requireMerchant(context: GraphQLContext): AuthenticatedMerchant {
  if (!context.merchant) throw new AuthenticationError('Missing API key: send Authorization: Bearer <api key> (or an api-key header)');
  return context.merchant;
}
