import { matchRoute, type FakeGatewayRequest, type FakeGatewayResponse, type FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import type { SimulatedConnector } from './connector-name';
import { textAnswer } from './send';

/** URL prefix of the control endpoint. */
export const CONTROL_PREFIX = '/__control';

/** Where an incoming request goes. */
export type RequestTarget =
  | { readonly kind: 'connector'; readonly connector: SimulatedConnector; readonly path: string; readonly query: Readonly<Record<string, string>> }
  | { readonly kind: 'control'; readonly path: string; readonly query: Readonly<Record<string, string>> }
  | { readonly kind: 'unknown' };

function belowPrefix(pathname: string, prefix: string): string | undefined {
  const bare = prefix.replace(/\/$/, '');
  if (pathname === bare) return '';
  return pathname.startsWith(`${bare}/`) ? pathname.slice(prefix.length) : undefined;
}

/**
 * Splits a raw request target (`/nuvei/getSessionToken.do?x=1`) into connector or control path and
 * query. The path is what the connector appended to its base URL `<server>/<id>` (a base URL with a
 * trailing slash gives the same path: routes match regardless of leading slashes).
 */
export function resolveTarget(rawUrl: string, connectors: readonly SimulatedConnector[]): RequestTarget {
  // Concatenated rather than resolved against a base, so a path starting with '//' stays a path.
  const url = new URL(`http://fake.invalid${rawUrl.startsWith('/') ? '' : '/'}${rawUrl}`);
  const query = Object.fromEntries(url.searchParams);
  const control = belowPrefix(url.pathname, CONTROL_PREFIX);
  if (control !== undefined) return { kind: 'control', path: control, query };
  for (const connector of connectors) {
    const path = belowPrefix(url.pathname, `/${connector}`);
    if (path !== undefined) return { kind: 'connector', connector, path, query };
  }
  return { kind: 'unknown' };
}

/** The 404 every unknown path gets. */
export const NOT_FOUND: FakeGatewayResponse = textAnswer(404, 'Not found');

/** Runs the matching route, or answers 404; a route that throws answers 500. */
export function answerFromRoutes(routes: readonly FakeGatewayRoute[], request: FakeGatewayRequest): FakeGatewayResponse {
  const route = matchRoute(routes, request.method, request.path);
  if (!route) return NOT_FOUND;
  try {
    return route.handle(request);
  } catch (error) {
    return textAnswer(500, `Fake gateway route failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
