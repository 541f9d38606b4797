import { AuthenticationError } from '../errors/app-errors';
import type { Merchant } from '../merchants/merchant.repository';
import type { GraphQLContext } from './context';

/** The calling merchant, or an UNAUTHENTICATED error. */
export function requireMerchant(context: GraphQLContext): Merchant {
  if (!context.merchant) throw new AuthenticationError('Missing API key: send Authorization: Bearer <api key> (or an api-key header)');
  return context.merchant;
}
