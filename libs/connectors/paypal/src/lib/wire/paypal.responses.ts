import { ConnectorError, tryParseJson, type FlowName, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { z } from 'zod';
import { PAYPAL_CONNECTOR_ID } from '../paypal.constants';

const lifetime = z.number().int().positive();

/** `POST /v1/oauth2/token` answer (other fields, e.g. `scope`, `app_id`, `nonce`, are ignored). */
export const paypalAccessTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1).optional(),
  expires_in: lifetime,
});

/** `POST /v1/identity/generate-token` answer. */
export const paypalClientTokenResponseSchema = z.object({
  client_token: z.string().min(1),
  expires_in: lifetime,
});

/** OAuth error body: `{"error":"invalid_client","error_description":"Client Authentication failed"}`. */
export const paypalOAuthErrorSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
});

/** REST error body: `{"name","message","debug_id","details":[{"issue","description"}]}`. */
export const paypalRestErrorSchema = z.object({
  name: z.string().min(1),
  message: z.string().optional(),
  debug_id: z.string().optional(),
  details: z.array(z.object({ issue: z.string().optional(), description: z.string().optional(), field: z.string().optional() })).optional(),
});

/**
 * Parses a 2xx body with `schema`. The error names the wrong fields, never their values, and never
 * quotes the body: a 2xx body holds a token.
 *
 * @throws ConnectorError `MALFORMED_RESPONSE` for a non-JSON body, or `MISSING_REQUIRED_FIELD` for JSON without the token.
 */
export function parsePaypalSuccessBody<S extends z.ZodType>(schema: S, response: HttpResponse, flow: FlowName): z.output<S> {
  const context = { connector: PAYPAL_CONNECTOR_ID, flow, httpStatus: response.status };
  const json = tryParseJson(response.body);
  if (json === undefined) {
    throw new ConnectorError('MALFORMED_RESPONSE', 'PayPal answered with a body that is not JSON', { ...context, reason: `non-JSON body of ${response.body.length} characters` });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
    throw new ConnectorError('MISSING_REQUIRED_FIELD', 'PayPal answered without the expected token fields', { ...context, reason: fields.slice(0, 200) });
  }
  return parsed.data;
}
