import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import { z } from 'zod';

/**
 * A failure the fake server injects instead of (or around) the connector route's normal answer.
 *
 * - `latency`: wait `ms`, then answer normally.
 * - `timeout`: accept the request and never answer; the socket stays open until the client gives up or the server stops.
 * - `reset`: drop the connection (TCP RST) without any response.
 * - `status`: answer `status` with `body` (`contentType` defaults from the body: HTML, JSON or plain text).
 * - `malformed-json`: 200 `application/json` with the invalid body `{"status":"SUCC`.
 * - `truncated`: answer normally but declare a longer `content-length`, send half the body, then drop the connection.
 * - `answer`: any canned answer, e.g. `nuveiFakeAnswers.statusError(1069, 'Session expired')`.
 *
 * The connector route runs only for `latency` (after the delay) and `truncated`; for the other kinds
 * the gateway never sees the request (it is still recorded by the server).
 */
export type Fault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'status'; readonly status: number; readonly body: string; readonly contentType?: string }
  | { readonly kind: 'malformed-json' }
  | { readonly kind: 'truncated' }
  | { readonly kind: 'answer'; readonly response: FakeGatewayResponse };

/** The fault kinds, for listings and error messages. */
export const FAULT_KINDS = ['latency', 'timeout', 'reset', 'status', 'malformed-json', 'truncated', 'answer'] as const satisfies readonly Fault['kind'][];

/** Longest `latency` accepted: 10 minutes. */
export const MAX_LATENCY_MS = 600_000;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Anything node:http would refuse to write (control characters, CR/LF).
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const httpStatus = z.number().int().min(200).max(599);
// A JSON object or array is accepted for convenience (curl users) and sent as its JSON text.
const bodyText = z.union([z.string(), z.array(z.unknown()), z.record(z.string(), z.unknown())]).transform((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
const headerMap = z.record(z.string().regex(HEADER_NAME, 'invalid header name'), z.string().regex(HEADER_VALUE, 'invalid header value'));

/** Validates a {@link Fault} coming from JSON (control endpoint) or from `setFault`. */
export const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().min(0).max(MAX_LATENCY_MS) }),
  z.strictObject({ kind: z.literal('timeout') }),
  z.strictObject({ kind: z.literal('reset') }),
  z.strictObject({ kind: z.literal('status'), status: httpStatus, body: bodyText, contentType: z.string().regex(HEADER_VALUE).min(1).optional() }),
  z.strictObject({ kind: z.literal('malformed-json') }),
  z.strictObject({ kind: z.literal('truncated') }),
  z.strictObject({ kind: z.literal('answer'), response: z.strictObject({ status: httpStatus, headers: headerMap.optional(), body: bodyText }) }),
]);

/** How many requests a fault hits before it clears itself; absent means until cleared. */
export const faultTimesSchema = z.number().int().min(1).optional();

/** The body of `POST /__control/faults`. */
export const faultRequestSchema = z.strictObject({
  connector: z.string(),
  fault: faultSchema,
  times: faultTimesSchema,
});

/** A one-line description of a zod failure, naming each offending field: `fault.ms: Too small…; times: …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`).join('; ');
}

/**
 * Checks a fault given in code, with the same rules as the control endpoint.
 * @throws TypeError naming the offending fields.
 */
export function validateFault(fault: Fault, times: number | undefined): Fault {
  const parsed = faultSchema.safeParse(fault);
  if (!parsed.success) throw new TypeError(`Invalid fault: ${describeIssues(parsed.error)}`);
  const parsedTimes = faultTimesSchema.safeParse(times);
  if (!parsedTimes.success) throw new TypeError(`Invalid fault times: ${describeIssues(parsedTimes.error)}`);
  return parsed.data;
}
