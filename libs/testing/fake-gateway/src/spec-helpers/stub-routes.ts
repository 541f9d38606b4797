import type { FakeGatewayRequest, FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';

/** A gateway double whose routes record what they were handed and answer a fixed JSON success. */
export interface StubGateway {
  readonly routes: readonly FakeGatewayRoute[];
  readonly seen: FakeGatewayRequest[];
}

/** The JSON body each stub route answers with. */
export function stubBody(path: string): string {
  return JSON.stringify({ status: 'SUCCESS', route: path, sessionToken: 'tok_stub_0123456789' });
}

/** Stub routes for `paths` (all POST). */
export function stubGateway(...paths: string[]): StubGateway {
  const seen: FakeGatewayRequest[] = [];
  const routes = paths.map(
    (path): FakeGatewayRoute => ({
      method: 'POST',
      path,
      handle: (request) => {
        seen.push(request);
        return { status: 200, headers: { 'content-type': 'application/json', 'x-route': path }, body: stubBody(path) };
      },
    }),
  );
  return { routes, seen };
}
