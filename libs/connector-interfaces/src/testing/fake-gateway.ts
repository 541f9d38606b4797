import type { HttpMethod } from '../lib/http';
import type { RecordedRequest, Responder } from './recording-transport';

/** A request as a fake gateway route sees it. `path` is relative to the connector's base URL. */
export interface FakeGatewayRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A fake gateway's answer. */
export interface FakeGatewayResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One endpoint of a fake gateway, as pure logic: the HTTP server (integration tests, simulator)
 * or a {@link RecordingTransport} (unit tests) carries requests to it. `path` is relative to the
 * connector's base URL, e.g. `/getSessionToken.do` (Nuvei) or `theia/api/v1/initiateTransaction` (Paytm).
 */
export interface FakeGatewayRoute {
  readonly method: HttpMethod;
  readonly path: string;
  handle(request: FakeGatewayRequest): FakeGatewayResponse;
}

function normalisePath(path: string): string {
  return '/' + path.replace(/^\/+/, '');
}

/**
 * Finds the route for a method and a path relative to the base URL, or `undefined`.
 */
export function matchRoute(routes: readonly FakeGatewayRoute[], method: string, relativePath: string): FakeGatewayRoute | undefined {
  const wanted = normalisePath(relativePath);
  return routes.find((route) => route.method === method && normalisePath(route.path) === wanted);
}

/**
 * Adapts fake gateway routes to a {@link Responder}, so a connector can be exercised end to end
 * in-process: `new RecordingTransport(respondWithRoutes(baseUrl, routes))`.
 */
export function respondWithRoutes(baseUrl: string, routes: readonly FakeGatewayRoute[]): Responder {
  const base = new URL(baseUrl);
  return (request: RecordedRequest) => {
    const url = new URL(request.url);
    const relativePath = url.pathname.startsWith(base.pathname) ? url.pathname.slice(base.pathname.length) : url.pathname;
    const route = matchRoute(routes, request.method, relativePath);
    if (!route) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
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
