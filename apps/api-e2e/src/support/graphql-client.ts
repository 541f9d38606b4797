/** A small GraphQL-over-HTTP client for the specs (global fetch, 127.0.0.1 only). */
import { CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';

/** One GraphQL error as received. */
export interface GraphQLErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

/** A GraphQL answer as received over HTTP, with the time it took. */
export interface GraphQLResult<T> {
  readonly httpStatus: number;
  readonly data?: T;
  readonly errors?: readonly GraphQLErrorBody[];
  /** The raw body text, for "never contains" assertions. */
  readonly raw: string;
  readonly elapsedMs: number;
}

/** POSTs one operation to `url` and parses the JSON answer. */
export async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await response.text();
  const elapsedMs = performance.now() - started;
  let parsed: { data?: T; errors?: GraphQLErrorBody[] };
  try {
    parsed = JSON.parse(raw) as { data?: T; errors?: GraphQLErrorBody[] };
  } catch {
    throw new Error(`non-JSON answer (HTTP ${response.status}) from ${url}: ${raw.slice(0, 500)}`);
  }
  return { httpStatus: response.status, raw, elapsedMs, ...(parsed.data != null ? { data: parsed.data } : {}), ...(parsed.errors ? { errors: parsed.errors } : {}) };
}

/** `Authorization` (+ `x-connector-config`) headers for a merchant. */
export function authHeaders(apiKey: string, connectorConfig?: string): Record<string, string> {
  return { authorization: `Bearer ${apiKey}`, ...(connectorConfig !== undefined ? { 'x-connector-config': connectorConfig } : {}) };
}

/** The createSessionToken payload selected by `CREATE_SESSION_TOKEN` (@prism-sessions/testing-graphql-documents). */
export interface CreateSessionTokenPayload {
  readonly sessionToken: string | null;
  readonly statusCode: number;
  readonly replayed: boolean;
  readonly error: null | {
    readonly retryable: boolean;
    readonly source: string;
    readonly gatewayHttpStatus: number | null;
    readonly unifiedDetails: { readonly code: string; readonly message: string; readonly description: string | null; readonly userGuidanceMessage: string | null };
    readonly connectorDetails: { readonly code: string | null; readonly message: string | null; readonly reason: string | null } | null;
  };
  readonly session: null | {
    readonly id: string;
    readonly merchantSessionId: string;
    readonly connector: 'NUVEI' | 'PAYTM';
    readonly status: string;
    readonly testMode: boolean;
    readonly expiresAt: string | null;
    readonly createdAt: string;
    readonly attemptCount: number;
    readonly amount: { readonly minorAmount: string; readonly currency: string; readonly formatted: string };
  };
}

/** Connectors as the GraphQL enum names them. */
export type GraphQLConnector = 'NUVEI' | 'PAYTM' | 'PAYPAL';

/** A createSessionToken input for `connector` in a currency it supports. */
export function sessionInput(connector: GraphQLConnector, merchantSessionId: string, minorAmount = 1000): Record<string, unknown> {
  return { connector, merchantSessionId, amount: { minorAmount, currency: connector === 'PAYTM' ? 'INR' : 'USD' }, testMode: true };
}

/** Runs createSessionToken and returns its payload (throws on GraphQL errors). */
export async function createSession(
  url: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLResult<{ createSessionToken: CreateSessionTokenPayload }> & { payload: CreateSessionTokenPayload }> {
  const result = await gql<{ createSessionToken: CreateSessionTokenPayload }>(url, CREATE_SESSION_TOKEN, { input }, headers);
  const payload = result.data?.createSessionToken;
  if (!payload || result.errors) throw new Error(`createSessionToken failed (HTTP ${result.httpStatus}): ${result.raw.slice(0, 1000)}`);
  return { ...result, payload };
}

/** A merchantSessionId unique to this run (letters, digits, `_`: valid for both gateways). */
export function uniqueSessionId(label: string): string {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return `${label.replace(/[^A-Za-z0-9_]/g, '_')}_${suffix}`.slice(-50);
}
