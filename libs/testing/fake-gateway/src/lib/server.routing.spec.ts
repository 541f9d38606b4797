import type { FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import { createNuveiFakeGateway } from '@prism-sessions/connectors-nuvei/testing';
import { createPaytmFakeGateway } from '@prism-sessions/connectors-paytm/testing';
import { rawRequest } from '../spec-helpers/raw-http';
import { stubBody, stubGateway } from '../spec-helpers/stub-routes';
import { MAX_BODY_BYTES } from './read-body';
import { startFakeGatewayServer, type FakeGatewayServer } from './server';

const NUVEI_PATH = '/getSessionToken.do';
const PAYTM_PATH = 'theia/api/v1/initiateTransaction';
const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({ method: 'POST', headers, body });

describe('fake gateway server: routing', () => {
  let server: FakeGatewayServer;
  const nuvei = stubGateway(NUVEI_PATH, '/payment.do');
  const paytm = stubGateway(PAYTM_PATH);

  beforeEach(async () => {
    nuvei.seen.length = 0;
    paytm.seen.length = 0;
    server = await startFakeGatewayServer({ gateways: { nuvei, paytm } });
  });
  afterEach(() => server.stop());

  it('listens on 127.0.0.1 and publishes both base URLs (Paytm with a trailing slash)', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    expect(server.baseUrl('nuvei')).toBe(`${server.url}/nuvei`);
    expect(`${server.baseUrl('paytm')}/`).toBe(`${server.url}/paytm/`);
  });

  it('routes /nuvei/<rest> to the Nuvei route with path /<rest>, query, headers and body', async () => {
    const response = await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}?lang=en`, post('{"a":1}', { 'content-type': 'application/json', 'x-trace': 't1' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-route')).toBe(NUVEI_PATH);
    expect(await response.text()).toBe(stubBody(NUVEI_PATH));
    expect(nuvei.seen).toHaveLength(1);
    expect(nuvei.seen[0]).toMatchObject({ method: 'POST', path: NUVEI_PATH, query: { lang: 'en' }, body: '{"a":1}' });
    expect(nuvei.seen[0]?.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 't1' });
    expect(paytm.seen).toHaveLength(0);
  });

  it('routes /paytm/<rest> to the Paytm route with path <rest> (base URL + path, as the connector joins them)', async () => {
    const response = await fetch(`${server.baseUrl('paytm')}/${PAYTM_PATH}?mid=MID1&orderId=order_1`, post('{}'));
    expect(response.status).toBe(200);
    expect(paytm.seen).toHaveLength(1);
    expect(paytm.seen[0]).toMatchObject({ path: `/${PAYTM_PATH}`, query: { mid: 'MID1', orderId: 'order_1' } });
    expect(nuvei.seen).toHaveLength(0);
  });

  it('records connector requests in arrival order and counts them per connector', async () => {
    await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, post('n1'));
    await fetch(`${server.baseUrl('paytm')}/${PAYTM_PATH}?mid=M`, post('p1'));
    await fetch(`${server.baseUrl('nuvei')}/payment.do`, post('n2'));
    expect(server.requests.map((r) => [r.connector, r.path, r.body])).toEqual([
      ['nuvei', NUVEI_PATH, 'n1'],
      ['paytm', `/${PAYTM_PATH}`, 'p1'],
      ['nuvei', '/payment.do', 'n2'],
    ]);
    expect(server.requests[1]?.query).toEqual({ mid: 'M' });
    for (const request of server.requests) expect(new Date(request.receivedAt).toISOString()).toBe(request.receivedAt);
    expect(server.callCount()).toBe(3);
    expect(server.callCount('nuvei')).toBe(2);
    expect(server.callCount('paytm')).toBe(1);
  });

  it('answers 404 text for unknown routes, wrong methods and paths outside both prefixes', async () => {
    for (const [method, url] of [
      ['POST', `${server.baseUrl('nuvei')}/unknown.do`],
      ['GET', `${server.baseUrl('nuvei')}${NUVEI_PATH}`],
      ['POST', `${server.url}/nuvei2${NUVEI_PATH}`],
      ['POST', `${server.url}/other`],
      ['POST', `${server.url}/`],
    ] as const) {
      const response = await fetch(url, method === 'GET' ? { method } : post('{}'));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('Not found');
    }
    expect(nuvei.seen).toHaveLength(0);
    // Requests under a connector prefix are recorded even when no route matches; others are not.
    expect(server.callCount('nuvei')).toBe(2);
    expect(server.callCount()).toBe(2);
  });

  it('tolerates the double slash of a trailing-slash base URL (Paytm …com//v3/order/status)', async () => {
    await server.stop();
    const status = stubGateway('/v3/order/status');
    server = await startFakeGatewayServer({ gateways: { paytm: status } });
    const response = await fetch(`${server.baseUrl('paytm')}//v3/order/status`, post('{}'));
    expect(response.status).toBe(200);
    expect(status.seen).toHaveLength(1);
  });

  it('answers 404 for a connector the server was started without', async () => {
    await server.stop();
    server = await startFakeGatewayServer({ gateways: { nuvei } });
    const response = await fetch(`${server.baseUrl('paytm')}/${PAYTM_PATH}`, post('{}'));
    expect(response.status).toBe(404);
    expect(server.callCount()).toBe(0);
  });

  it('answers 500 when a route throws, naming the failure', async () => {
    await server.stop();
    const broken: FakeGatewayRoute = { method: 'POST', path: '/boom', handle: () => { throw new Error('route exploded'); } };
    server = await startFakeGatewayServer({ gateways: { nuvei: { routes: [broken] } } });
    const response = await fetch(`${server.baseUrl('nuvei')}/boom`, post('{}'));
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('route exploded');
  });

  it('reads a body of exactly 1 MB and refuses a larger one with 413 (declared or streamed)', async () => {
    const limit = 'x'.repeat(MAX_BODY_BYTES);
    expect((await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, post(limit))).status).toBe(200);
    expect(nuvei.seen[0]?.body).toHaveLength(MAX_BODY_BYTES);

    const declared = await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, post(`${limit}x`));
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, { body: [Buffer.from(limit), Buffer.from('xx')] });
    expect(streamed.status).toBe(413);
    expect(nuvei.seen).toHaveLength(1);
    expect(server.callCount()).toBe(1);
  });

  it('serves the real connector fakes: their own validation answers come back over HTTP', async () => {
    await server.stop();
    const nuveiFake = createNuveiFakeGateway({ merchants: [{ merchantId: 'm', merchantSiteId: 's', merchantSecret: 'k' }] });
    const paytmFake = createPaytmFakeGateway({ merchants: [{ merchantId: 'MID', merchantKey: 'abcdefgh12345678' }] });
    server = await startFakeGatewayServer({ gateways: { nuvei: nuveiFake, paytm: paytmFake } });

    const nuveiAnswer = await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, post('{}'));
    expect(nuveiAnswer.status).toBe(400);
    expect(await nuveiAnswer.json()).toMatchObject({ status: 'ERROR', errCode: 1000 });

    const paytmAnswer = await fetch(`${server.baseUrl('paytm')}/${PAYTM_PATH}?mid=MID&orderId=o1`, post('{}'));
    expect(paytmAnswer.status).toBe(200);
    expect(await paytmAnswer.json()).toMatchObject({ body: { resultInfo: { resultStatus: 'F', resultCode: '1007' } } });

    expect(nuveiFake.requests).toHaveLength(1);
    expect(paytmFake.requests).toHaveLength(1);
    expect(paytmFake.requests[0]?.query).toEqual({ mid: 'MID', orderId: 'o1' });
  });

  it('keeps at most maxRecordedRequests (oldest dropped) while counts stay exact', async () => {
    await server.stop();
    server = await startFakeGatewayServer({ gateways: { nuvei }, maxRecordedRequests: 2 });
    for (const n of [1, 2, 3]) await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, post(`b${n}`));
    expect(server.requests.map((r) => r.body)).toEqual(['b2', 'b3']);
    expect(server.callCount('nuvei')).toBe(3);
  });

  it('refuses an invalid port', async () => {
    await expect(startFakeGatewayServer({ port: 70_000 })).rejects.toThrow(RangeError);
  });
});
