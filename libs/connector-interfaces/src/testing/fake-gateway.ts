import type { HttpMethod, HttpResponse } from '../lib/http';
import type { RecordedRequest, Responder } from './recording-transport';

/** A request as a fake gateway route sees it. `path` is relative to the connector's base URL. */
export interface FakeGatewayRequest {
  /** HTTP method. */
  readonly method: string;
  /** Path below the base URL, with a leading slash (e.g. `/getSessionToken.do`). */
  readonly path: string;
  /** Decoded query parameters (last value wins). */
  readonly query: Readonly<Record<string, string>>;
  /** Headers as sent on the wire (secrets exposed). */
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body text; empty when none. */
  readonly body: string;
}

/** A fake gateway's answer. */
export interface FakeGatewayResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers; none when omitted. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Raw body text. */
  readonly body: string;
}

/**
 * One endpoint of a fake gateway, as pure logic: the HTTP server (integration tests, simulator)
 * or a {@link RecordingTransport} (unit tests) carries requests to it. `path` is relative to the
 * connector's base URL, e.g. `/getSessionToken.do` (Nuvei) or `theia/api/v1/initiateTransaction` (Paytm).
 */
export interface FakeGatewayRoute {
  /** HTTP method the route answers. */
  readonly method: HttpMethod;
  /** Path below the base URL; leading slashes do not matter. */
  readonly path: string;
  /** Produces the answer; pure, so the same route serves unit and integration tests. */
  handle(request: FakeGatewayRequest): FakeGatewayResponse;
}

function normalisePath(path: string): string {
  return '/' + path.replace(/^\/+/, '');
}

const NOT_FOUND: HttpResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };

/**
 * The part of `url` below `base`, or `undefined` when `url` is on another origin or outside the base
 * path. Segment-aware (`/ppp/api/v10` is not under `/ppp/api/v1`); a trailing slash on the base does
 * not matter, and an extra slash after it is kept (Paytm's `…com//v3/order/status`).
 */
function pathBelow(base: URL, url: URL): string | undefined {
  if (url.origin !== base.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (url.pathname === basePath) return '';
  return url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : undefined;
}

/**
 * Finds the route for a method and a path relative to the base URL, or `undefined`.
 * Leading slashes do not matter: `theia/api/v1/x`, `/theia/api/v1/x` and `//theia/api/v1/x` are the same path.
 *
 * @example
 * matchRoute(routes, 'POST', '/getSessionToken.do'); // the route declared with path 'getSessionToken.do' or '/getSessionToken.do'
 */
export function matchRoute(routes: readonly FakeGatewayRoute[], method: string, relativePath: string): FakeGatewayRoute | undefined {
  const wanted = normalisePath(relativePath);
  return routes.find((route) => route.method === method && normalisePath(route.path) === wanted);
}

/**
 * Adapts fake gateway routes to a {@link Responder}, so a connector can be exercised end to end
 * in-process: `new RecordingTransport(respondWithRoutes(baseUrl, routes))`.
 *
 * Requests on another origin or outside the base URL's path answer 404, like unknown routes, so a
 * connector that ignores `ctx.baseUrl` (e.g. a hard-coded production URL) cannot pass against it.
 *
 * @example
 * const transport = new RecordingTransport(
 *   respondWithRoutes('https://ppp-test.nuvei.com/ppp/api/v1', [
 *     { method: 'POST', path: '/getSessionToken.do', handle: () => ({ status: 200, body: '{"status":"SUCCESS"}' }) },
 *   ]),
 * );
 */
export function respondWithRoutes(baseUrl: string, routes: readonly FakeGatewayRoute[]): Responder {
  const base = new URL(baseUrl);
  return (request: RecordedRequest) => {
    const url = new URL(request.url);
    const relativePath = pathBelow(base, url);
    if (relativePath === undefined) return NOT_FOUND;
    const route = matchRoute(routes, request.method, relativePath);
    if (!route) return NOT_FOUND;
    const answer = route.handle({
      method: request.method,
      path: relativePath,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: request.body ?? '',
    });
    return { status: answer.status, headers: answer.headers ?? {}, body: answer.body };
  };
}

/**
 * An in-process fake of one gateway, as each connector's `/testing` entry provides it: its routes
 * (served by `respondWithRoutes` in unit tests, or by the fake gateway HTTP server keyed by
 * connector id), what it saw and issued, and scripted answers.
 */
export interface FakeGateway {
  /** The gateway's endpoints, relative to its base URL. */
  readonly routes: readonly FakeGatewayRoute[];
  /** Every request received, in order (also those answered from the queue). */
  readonly requests: FakeGatewayRequest[];
  /** Every token issued, in order. */
  readonly issuedTokens: string[];
  /** The next request to any route gets `answer` instead of the simulated one. */
  enqueue(answer: FakeGatewayResponse): void;
  /** Forgets requests, tokens and queued answers. */
  reset(): void;
}
