import { ConnectorError, type FlowContext, type FlowOutcome, type HttpResponse } from '@prism-sessions/connector-interfaces';
import type { SessionTokenRequestData, SessionTokenResponseData } from '@prism-sessions/domain-types';
import type { NuveiCredentials } from '../nuvei.credentials';
import { Secret } from '@prism-sessions/masking';
import { formatNuveiTimestamp, nuveiSessionChecksum } from '../nuvei.checksum';
import { nuveiStatusErrorResponse } from '../nuvei.errors';
import type { NuveiSessionTokenRequest } from '../wire/nuvei.requests';
import { nuveiSessionTokenResponseSchema, parseNuveiSuccessBody } from '../wire/nuvei.responses';

type SessionTokenContext = FlowContext<SessionTokenRequestData, NuveiCredentials>;

/**
 * Builds the `getSessionToken.do` body. `clientRequestId` is the connector reference id (`""` when
 * the caller gave none, as upstream); `timeStamp` comes from the injected clock.
 *
 */
export function toNuveiSessionTokenRequest(ctx: SessionTokenContext): NuveiSessionTokenRequest {
  const { merchantId, merchantSiteId, merchantSecret } = ctx.credentials;
  const clientRequestId = ctx.flowData.connectorRequestReferenceId;
  const timeStamp = formatNuveiTimestamp(ctx.clock.now());
  const checksum = nuveiSessionChecksum({
    merchantId: merchantId.peek(),
    merchantSiteId: merchantSiteId.peek(),
    clientRequestId,
    timeStamp,
    merchantSecret: merchantSecret.peek(),
  });
  return { merchantId, merchantSiteId, clientRequestId, timeStamp, checksum };
}

/**
 * Reads a 2xx `getSessionToken.do` answer.
 * - `status: "ERROR"` (Nuvei answers most failures with HTTP 200) → `FAILURE` outcome.
 * - any other status needs a `sessionToken`; upstream accepts even `FAILED` when a token is present.
 *
 * @throws ConnectorError `MALFORMED_RESPONSE` (no/unknown `status`, not JSON) or
 *   `MISSING_REQUIRED_FIELD` (no token).
 */
export function fromNuveiSessionTokenResponse(_ctx: SessionTokenContext, response: HttpResponse): FlowOutcome<SessionTokenResponseData> {
  const body = parseNuveiSuccessBody(nuveiSessionTokenResponseSchema, response, 'sessionToken');
  if (body.status === 'ERROR') {
    return { status: 'FAILURE', error: nuveiStatusErrorResponse(body, response.status) };
  }
  if (body.sessionToken === undefined) {
    throw new ConnectorError('MISSING_REQUIRED_FIELD', 'sessionToken missing in Nuvei response', {
      connector: 'nuvei',
      flow: 'sessionToken',
      httpStatus: response.status,
      reason: `status ${body.status} without sessionToken`,
    });
  }
  return { status: 'SUCCESS', data: { sessionToken: new Secret(body.sessionToken) }, attemptStatus: 'PENDING' };
}
