import { randomUUID } from 'node:crypto';
import type { HttpResponse } from '@prism-sessions/connector-interfaces';
// Types only: this entry must load no '@prism-sessions/connector-interfaces/testing' code at runtime, so it also
// works outside Jest (e.g. in the simulator or a globalSetup fake server).
import type { FakeGatewayRequest, FakeGatewayResponse, FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import { PAYPAL_ACCESS_TOKEN_BODY } from '../lib/transformers/access-token.transformer';
import { PAYPAL_ERROR_CODES, PAYPAL_PATHS, PAYPAL_SESSION_TOKEN_LIFETIME_SECONDS } from '../lib/paypal.constants';

/** A REST app the fake gateway knows. */
export interface PaypalFakeMerchant {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Options of {@link createPaypalFakeGateway}. */
export interface PaypalFakeGatewayOptions {
  readonly merchants: readonly PaypalFakeMerchant[];
  /** Token generator for access and client tokens (default `randomUUID`). */
  readonly newToken?: () => string;
  /** `expires_in` of issued access tokens (default 32400 s, PayPal's usual nine hours). */
  readonly accessTokenLifetimeSeconds?: number;
  /** `expires_in` of issued client tokens (default 3600 s). */
  readonly clientTokenLifetimeSeconds?: number;
  /** Current time in ms, to expire access tokens (default `Date.now`). */
  readonly now?: () => number;
}

/** An in-process PayPal: routes plus what it saw and issued. */
export interface PaypalFakeGateway {
  /** The token and generate-token routes, relative to the base URL. */
  readonly routes: readonly FakeGatewayRoute[];
  /** Every request received, in order (also those answered from the queue). */
  readonly requests: FakeGatewayRequest[];
  /** Every access token issued, in order. */
  readonly issuedAccessTokens: string[];
  /** Every client token issued, in order. */
  readonly issuedTokens: string[];
  /** The next request to any route gets `answer` instead of the simulated one. */
  enqueue(answer: FakeGatewayResponse): void;
  /** Makes every access token issued so far invalid (a 401 on its next use). */
  revokeAccessTokens(): void;
  /** Forgets requests, tokens and queued answers. */
  reset(): void;
}

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** Canned PayPal answers, in PayPal's shapes. */
export const paypalFakeAnswers = Object.freeze({
  accessToken: (token: string, expiresIn = 32400): HttpResponse =>
    json(200, { scope: 'https://uri.paypal.com/services/payments/payment', access_token: token, token_type: 'Bearer', app_id: 'APP-80W284485P519543T', expires_in: expiresIn, nonce: '2025-01-01T12:00:00Z-nonce' }),
  clientToken: (token: string, expiresIn = PAYPAL_SESSION_TOKEN_LIFETIME_SECONDS): HttpResponse => json(200, { client_token: token, expires_in: expiresIn }),
  oauthError: (status: number, error: string, description: string): HttpResponse => json(status, { error, error_description: description }),
  invalidClient: (): HttpResponse => json(401, { error: PAYPAL_ERROR_CODES.INVALID_CLIENT, error_description: 'Client Authentication failed' }),
  expiredBearer: (): HttpResponse => json(401, { error: PAYPAL_ERROR_CODES.INVALID_TOKEN, error_description: 'Token signature verification failed' }),
  restError: (status: number, name: string, message: string, debugId: string, issue?: string): HttpResponse =>
    json(status, { name, message, debug_id: debugId, ...(issue === undefined ? {} : { details: [{ issue, description: `${issue} description` }] }) }),
  serverError: (status = 503): HttpResponse => ({ status, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' }),
  htmlError: (status = 403): HttpResponse => ({ status, headers: { 'content-type': 'text/html' }, body: `<html><body>${'<p>Forbidden</p>'.repeat(50)}</body></html>` }),
  malformedJson: (): HttpResponse => json(200, '{"client_token":'),
  emptyBody: (): HttpResponse => ({ status: 200, headers: {}, body: '' }),
  withoutToken: (): HttpResponse => json(200, { expires_in: PAYPAL_SESSION_TOKEN_LIFETIME_SECONDS }),
});

function header(request: FakeGatewayRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function basicCredentials(value: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(value ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * A fake PayPal for in-process round trips (`RecordingTransport(respondWithRoutes(baseUrl, routes))`)
 * and for an HTTP test server: `POST /v1/oauth2/token` checks HTTP Basic against its apps and the
 * form body, and issues access tokens that expire; `POST /v1/identity/generate-token` checks the
 * bearer (401 `invalid_token` when unknown, expired or revoked) and issues client tokens.
 *
 * @example
 * const gateway = createPaypalFakeGateway({ merchants: [{ clientId: 'id', clientSecret: 'secret' }] });
 * const transport = new RecordingTransport(respondWithRoutes(PAYPAL_BASE_URLS.sandbox, gateway.routes));
 */
export function createPaypalFakeGateway(options: PaypalFakeGatewayOptions): PaypalFakeGateway {
  const newToken = options.newToken ?? randomUUID;
  const now = options.now ?? Date.now;
  const accessLifetime = options.accessTokenLifetimeSeconds ?? 32400;
  const clientLifetime = options.clientTokenLifetimeSeconds ?? PAYPAL_SESSION_TOKEN_LIFETIME_SECONDS;
  const requests: FakeGatewayRequest[] = [];
  const issuedAccessTokens: string[] = [];
  const issuedTokens: string[] = [];
  const liveAccessTokens = new Map<string, number>();
  const queue: FakeGatewayResponse[] = [];

  const accessToken = (request: FakeGatewayRequest): FakeGatewayResponse => {
    const credentials = basicCredentials(header(request, 'authorization'));
    const known = options.merchants.find((app) => app.clientId === credentials?.id && app.clientSecret === credentials.secret);
    if (!known) return paypalFakeAnswers.invalidClient();
    if (request.body !== PAYPAL_ACCESS_TOKEN_BODY) return paypalFakeAnswers.oauthError(400, 'unsupported_grant_type', 'Grant Type is NULL');
    const token = newToken();
    issuedAccessTokens.push(token);
    liveAccessTokens.set(token, now() + accessLifetime * 1000);
    return paypalFakeAnswers.accessToken(token, accessLifetime);
  };

  const clientToken = (request: FakeGatewayRequest): FakeGatewayResponse => {
    const bearer = /^Bearer (.+)$/.exec(header(request, 'authorization') ?? '')?.[1];
    const expiresAt = bearer === undefined ? undefined : liveAccessTokens.get(bearer);
    if (expiresAt === undefined || expiresAt <= now()) return paypalFakeAnswers.expiredBearer();
    const token = newToken();
    issuedTokens.push(token);
    return paypalFakeAnswers.clientToken(token, clientLifetime);
  };

  const route = (path: string, simulate: (request: FakeGatewayRequest) => FakeGatewayResponse): FakeGatewayRoute => ({
    method: 'POST',
    path,
    handle(request) {
      requests.push(request);
      return queue.shift() ?? simulate(request);
    },
  });

  return {
    routes: Object.freeze([route(PAYPAL_PATHS.accessToken, accessToken), route(PAYPAL_PATHS.sessionToken, clientToken)]),
    requests,
    issuedAccessTokens,
    issuedTokens,
    enqueue(answer) {
      queue.push(answer);
    },
    revokeAccessTokens() {
      liveAccessTokens.clear();
    },
    reset() {
      requests.length = 0;
      issuedAccessTokens.length = 0;
      issuedTokens.length = 0;
      liveAccessTokens.clear();
      queue.length = 0;
    },
  };
}
