import { CreateSessionTokenPayload } from './create-session-token.payload';
import { toErrorInfo, toPaymentSession } from './payment-session.mapper';
import type { CreateSessionResult } from './payment-session.service';

/** GraphQL payload of a createSessionToken result. The token is exposed here, to its owner only. */
export function toCreateSessionTokenPayload(result: CreateSessionResult, now: Date): CreateSessionTokenPayload {
  return Object.assign(new CreateSessionTokenPayload(), {
    statusCode: result.statusCode,
    replayed: result.replayed,
    session: toPaymentSession(result.session, now),
    ...(result.token ? { sessionToken: result.token.expose() } : {}),
    ...(result.error ? { error: toErrorInfo(result.error) } : {}),
  });
}
