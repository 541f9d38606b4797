import type { CreateSessionTokenResponseMessage, ErrorInfoMessage } from '@prism-sessions/grpc-contract';
import type { CreateSessionResult } from '../payment-sessions/create-session';
import { describeError, type SessionError } from '../payment-sessions/session-error';

function errorInfo(error: SessionError): ErrorInfoMessage {
  const catalog = describeError(error.unifiedCode);
  return {
    unified_details: {
      code: error.unifiedCode,
      message: catalog.message,
      ...(error.description !== undefined ? { description: error.description } : {}),
      user_guidance_message: catalog.guidance,
    },
    ...(error.connector ? { connector_details: { ...error.connector } } : {}),
  };
}

/**
 * The upstream response message for a service result: `session_token` and `status_code` 200 on
 * success; otherwise the error in `error` (unified and connector details) with its HTTP-style
 * `status_code` and an empty token, as upstream's FFI path answers. Never a gRPC error status.
 */
export function toSessionTokenResponse(result: CreateSessionResult): CreateSessionTokenResponseMessage {
  if (result.token && !result.error) return { session_token: result.token.expose(), status_code: result.statusCode };
  return { session_token: '', status_code: result.statusCode, ...(result.error ? { error: errorInfo(result.error) } : {}) };
}
