import { DEFAULT_MASK, isSecret, type Secret } from './secret';

/**
 * One HTTP header value: a plain string (safe to log) or a {@link Secret} (API keys, signatures,
 * `Authorization`, connector configuration).
 */
export type MaskableHeaderValue = string | Secret<string>;

/**
 * Outgoing HTTP headers whose sensitive values stay wrapped until the request is sent.
 *
 * @example
 * const headers: MaskableHeaders = {
 *   'content-type': 'application/json',
 *   authorization: new Secret(`Bearer ${token}`),
 * };
 */
export type MaskableHeaders = Record<string, MaskableHeaderValue>;

/**
 * Unwraps every header for the wire: secrets are exposed, plain strings are copied.
 * Only call this right where the request is sent, and never log its result.
 *
 * @throws TypeError if a value is neither a string nor a `Secret<string>` (the message names the
 * header, never the value).
 *
 * @example
 * fetchLike(url, { headers: exposeHeaders(headers) });
 */
export function exposeHeaders(headers: Readonly<MaskableHeaders>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]): [string, string] => {
      const raw: unknown = isSecret(value) ? value.expose() : value;
      if (typeof raw !== 'string') {
        throw new TypeError(`Header "${name}" must be a string or a Secret<string>`);
      }
      return [name, raw];
    }),
  );
}

/**
 * Renders every header for logs: secrets become their masked string, plain strings are kept as is.
 * A value of any other type (possible only from untyped callers) renders as {@link DEFAULT_MASK};
 * this function never throws, so it is safe inside error handlers.
 *
 * @example
 * logger.info({ headers: maskHeaders(headers) }, 'calling connector');
 * // { 'content-type': 'application/json', authorization: '*** Secret ***' }
 */
export function maskHeaders(headers: Readonly<MaskableHeaders>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]): [string, string] => {
      if (isSecret(value)) return [name, value.masked()];
      return [name, typeof value === 'string' ? value : DEFAULT_MASK];
    }),
  );
}
