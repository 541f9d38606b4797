import { matchRoute, respondWithRoutes, type FakeGatewayRequest, type FakeGatewayRoute } from './fake-gateway';
import type { RecordedRequest } from './recording-transport';

function route(method: 'GET' | 'POST', path: string, seen: FakeGatewayRequest[] = []): FakeGatewayRoute {
  return {
    method,
    path,
    handle: (request) => {
      seen.push(request);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ route: path }) };
    },
  };
}

const post = (url: string, body?: string, headers: Record<string, string> = {}): RecordedRequest => ({ method: 'POST', url, headers, body });

describe('matchRoute', () => {
  const routes = [route('POST', '/getSessionToken.do'), route('POST', 'theia/api/v1/initiateTransaction'), route('GET', '/status')];

  it('matches method and path, whatever the leading slashes', () => {
    expect(matchRoute(routes, 'POST', '/getSessionToken.do')).toBe(routes[0]);
    expect(matchRoute(routes, 'POST', 'getSessionToken.do')).toBe(routes[0]);
    expect(matchRoute(routes, 'POST', '//getSessionToken.do')).toBe(routes[0]);
    expect(matchRoute(routes, 'POST', '/theia/api/v1/initiateTransaction')).toBe(routes[1]);
    expect(matchRoute(routes, 'GET', 'status')).toBe(routes[2]);
  });

  it('returns undefined for another method, another path or a path prefix', () => {
    expect(matchRoute(routes, 'GET', '/getSessionToken.do')).toBeUndefined();
    expect(matchRoute(routes, 'post', '/getSessionToken.do')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/getSessionToken')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/getSessionToken.do/')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/theia/api/v1')).toBeUndefined();
    expect(matchRoute([], 'POST', '/')).toBeUndefined();
  });
});

describe('respondWithRoutes', () => {
  it('strips a base path without a trailing slash (Nuvei) and passes the request through', async () => {
    const seen: FakeGatewayRequest[] = [];
    const respond = respondWithRoutes('https://ppp-test.nuvei.com/ppp/api/v1', [route('POST', '/getSessionToken.do', seen)]);
    const answer = await respond(post('https://ppp-test.nuvei.com/ppp/api/v1/getSessionToken.do?x=1&y=two', '{"a":1}', { 'content-type': 'application/json' }));
    expect(answer).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"route":"/getSessionToken.do"}' });
    expect(seen).toEqual([
      { method: 'POST', path: '/getSessionToken.do', query: { x: '1', y: 'two' }, headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
    ]);
  });

  it('strips a base path with a trailing slash (Paytm) and parses the query string', async () => {
    const seen: FakeGatewayRequest[] = [];
    const respond = respondWithRoutes('https://securestage.paytmpayments.com/', [route('POST', 'theia/api/v1/initiateTransaction', seen)]);
    const answer = await respond(post('https://securestage.paytmpayments.com/theia/api/v1/initiateTransaction?mid=probe_merchant&orderId='));
    expect(answer.status).toBe(200);
    expect(seen[0]?.path).toBe('/theia/api/v1/initiateTransaction');
    expect(seen[0]?.query).toEqual({ mid: 'probe_merchant', orderId: '' });
    expect(seen[0]?.body).toBe('');
  });

  it('treats a trailing slash on a non-root base path the same as none', async () => {
    const respond = respondWithRoutes('https://ppp-test.nuvei.com/ppp/api/v1/', [route('POST', 'getSessionToken.do')]);
    expect((await respond(post('https://ppp-test.nuvei.com/ppp/api/v1/getSessionToken.do'))).status).toBe(200);
  });

  it('tolerates the double slash upstream builds from a trailing-slash base (Paytm …com//v3/order/status)', async () => {
    const respond = respondWithRoutes('https://securestage.paytmpayments.com/', [route('POST', '/v3/order/status')]);
    expect((await respond(post('https://securestage.paytmpayments.com//v3/order/status'))).status).toBe(200);
  });

  it('answers 404 for an unknown path or method', async () => {
    const respond = respondWithRoutes('https://ppp-test.nuvei.com/ppp/api/v1', [route('POST', '/getSessionToken.do')]);
    const notFound = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
    expect(await respond(post('https://ppp-test.nuvei.com/ppp/api/v1/payment.do'))).toEqual(notFound);
    expect(await respond({ method: 'GET', url: 'https://ppp-test.nuvei.com/ppp/api/v1/getSessionToken.do', headers: {}, body: undefined })).toEqual(notFound);
  });

  it('answers 404 outside the base URL: another origin, another base path, or a sibling path sharing a prefix', async () => {
    const handled: FakeGatewayRequest[] = [];
    const respond = respondWithRoutes('https://ppp-test.nuvei.com/ppp/api/v1', [route('POST', '/getSessionToken.do', handled)]);
    for (const url of [
      'https://secure.safecharge.com/ppp/api/v1/getSessionToken.do',
      'http://ppp-test.nuvei.com/ppp/api/v1/getSessionToken.do',
      'https://ppp-test.nuvei.com:8443/ppp/api/v1/getSessionToken.do',
      'https://ppp-test.nuvei.com/getSessionToken.do',
      'https://ppp-test.nuvei.com/ppp/api/v10/getSessionToken.do',
    ]) {
      expect((await respond(post(url))).status).toBe(404);
    }
    expect(handled).toHaveLength(0);
  });

  it('defaults missing route headers to none', async () => {
    const respond = respondWithRoutes('https://gw.test', [{ method: 'POST', path: '/x', handle: () => ({ status: 201, body: 'ok' }) }]);
    expect(await respond(post('https://gw.test/x'))).toEqual({ status: 201, headers: {}, body: 'ok' });
  });
});
