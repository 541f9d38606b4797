import { ConnectorError, tryParseJson, type FlowName, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { z } from 'zod';

/** Request-level `status` of every Nuvei answer. */
export const NUVEI_RESPONSE_STATUSES = ['SUCCESS', 'FAILED', 'ERROR', 'PROCESSING'] as const;

/** One of {@link NUVEI_RESPONSE_STATUSES}. */
export type NuveiResponseStatus = (typeof NUVEI_RESPONSE_STATUSES)[number];

/** `transactionStatus` of a `payment.do` answer, normalised to upper snake case. */
export const NUVEI_TRANSACTION_STATUSES = ['APPROVED', 'DECLINED', 'ERROR', 'FILTER_ERROR', 'REDIRECT', 'PENDING', 'PROCESSING'] as const;

/** One of {@link NUVEI_TRANSACTION_STATUSES}. */
export type NuveiTransactionStatus = (typeof NUVEI_TRANSACTION_STATUSES)[number];

const TRANSACTION_STATUSES: ReadonlySet<string> = new Set(NUVEI_TRANSACTION_STATUSES);

function isTransactionStatus(value: string): value is NuveiTransactionStatus {
  return TRANSACTION_STATUSES.has(value);
}

// Nuvei sends transactionStatus in several casings ("APPROVED", "Approved", "Filter Error").
const transactionStatus = z.string().transform((raw, ctx): NuveiTransactionStatus => {
  const normalised = raw.trim().toUpperCase().replace(/[\s_]+/g, '_');
  if (isTransactionStatus(normalised)) return normalised;
  ctx.addIssue({ code: 'custom', message: 'unknown transactionStatus' });
  return z.NEVER;
});

// errCode is an integer in 2xx bodies but upstream declares it a string in 4xx bodies; accept both.
const errCode = z.union([z.number(), z.string()]).transform(String);

/** Optional text: `null` and `""` mean absent. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value === null || value === '' ? undefined : value));

const optionalId = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || value === '' ? undefined : String(value)));

/** `getSessionToken.do` answer (only the fields we read; others are ignored). */
export const nuveiSessionTokenResponseSchema = z.object({
  status: z.enum(NUVEI_RESPONSE_STATUSES),
  sessionToken: optionalText,
  errCode: errCode.nullish().transform((value) => value ?? undefined),
  reason: optionalText,
});

/** Parsed `getSessionToken.do` answer. */
export type NuveiSessionTokenResponse = z.infer<typeof nuveiSessionTokenResponseSchema>;

/** `payment.do` answer (only the fields we read; others are ignored). */
export const nuveiPaymentResponseSchema = z.object({
  status: z.enum(NUVEI_RESPONSE_STATUSES),
  transactionStatus: transactionStatus.nullish().transform((value) => value ?? undefined),
  errCode: errCode.nullish().transform((value) => value ?? undefined),
  reason: optionalText,
  gwErrorCode: errCode.nullish().transform((value) => value ?? undefined),
  gwErrorReason: optionalText,
  transactionId: optionalId,
  orderId: optionalId,
  paymentOption: z
    .object({ redirectUrl: optionalText })
    .nullish()
    .transform((value) => value ?? undefined),
});

/** Parsed `payment.do` answer. */
export type NuveiPaymentResponse = z.infer<typeof nuveiPaymentResponseSchema>;

/** 4xx error body (upstream `NuveiErrorResponse`, with `errCode` accepted as number or string). */
export const nuveiErrorResponseSchema = z.object({
  reason: optionalText,
  errCode: errCode.nullish().transform((value) => (value === null || value === undefined || value === '' ? undefined : value)),
  status: optionalText,
});

/** Parsed 4xx error body. */
export type NuveiErrorResponse = z.infer<typeof nuveiErrorResponseSchema>;

/**
 * Parses a 2xx body with `schema`. The error says which fields were wrong, never their values,
 * and never quotes the body: a 2xx body may carry a session token.
 *
 * @throws ConnectorError `MALFORMED_RESPONSE` for a non-JSON body or one that does not match.
 */
export function parseNuveiSuccessBody<S extends z.ZodType>(schema: S, response: HttpResponse, flow: FlowName): z.output<S> {
  const context = { connector: 'nuvei' as const, flow, httpStatus: response.status };
  const json = tryParseJson(response.body);
  if (json === undefined) {
    throw new ConnectorError('MALFORMED_RESPONSE', 'Nuvei answered with a body that is not JSON', {
      ...context,
      reason: `non-JSON body of ${response.body.length} characters`,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
    throw new ConnectorError('MALFORMED_RESPONSE', 'Nuvei answered with an unexpected JSON shape', { ...context, reason: fields.slice(0, 200) });
  }
  return parsed.data;
}
