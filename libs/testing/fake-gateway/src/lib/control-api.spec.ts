import { paytmFakeAnswers } from '@prism-sessions/connectors-paytm/testing';
import { errorCode, rawRequest } from '../spec-helpers/raw-http';
import { stubGateway } from '../spec-helpers/stub-routes';
import { createFakeGatewayControlClient } from './control-client';
import { startFakeGatewayServer, type FakeGatewayServer } from './server';

const NUVEI_PATH = '/getSessionToken.do';
const PAYTM_PATH = 'theia/api/v1/initiateTransaction';

describe('fake gateway server: control endpoint', () => {
  let server: FakeGatewayServer;
  let resets = 0;
  const nuvei = stubGateway(NUVEI_PATH);
  const paytm = stubGateway(PAYTM_PATH);
  const control = (path: string, init?: RequestInit) => fetch(`${server.url}/__control${path}`, init);
  const postJson = (path: string, value: unknown) =>
    control(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof value === 'string' ? value : JSON.stringify(value) });
  const callNuvei = async (body = '{"call":"nuvei"}') => {
    const response = await fetch(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, { method: 'POST', body });
    return { status: response.status, text: await response.text() };
  };

  beforeEach(async () => {
    resets = 0;
    server = await startFakeGatewayServer({ gateways: { nuvei, paytm }, onReset: () => resets++ });
  });
  afterEach(() => server.stop());

  it('GET /__control/health answers {status:"ok"}', async () => {
    const response = await control('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('round trip: arm a fault, see it hit, list requests (bodies included), clear, reset', async () => {
    const armed = await postJson('/faults', { connector: 'nuvei', fault: { kind: 'status', status: 503, body: { reason: 'down' } }, times: 1 });
    expect(armed.status).toBe(204);
    expect(await armed.text()).toBe('');

    expect(await callNuvei()).toEqual({ status: 503, text: '{"reason":"down"}' });
    expect((await callNuvei()).status).toBe(200);
    await fetch(`${server.baseUrl('paytm')}/${PAYTM_PATH}?mid=M`, { method: 'POST', body: '{"call":"paytm"}' });

    const all = (await (await control('/requests')).json()) as { count: number; requests: { connector: string; body: string }[] };
    expect(all.count).toBe(3);
    expect(all.requests.map((r) => [r.connector, r.body])).toEqual([
      ['nuvei', '{"call":"nuvei"}'],
      ['nuvei', '{"call":"nuvei"}'],
      ['paytm', '{"call":"paytm"}'],
    ]);
    const onlyPaytm = (await (await control('/requests?connector=paytm')).json()) as { count: number; requests: Record<string, unknown>[] };
    expect(onlyPaytm.count).toBe(1);
    expect(onlyPaytm.requests[0]).toMatchObject({ connector: 'paytm', method: 'POST', path: `/${PAYTM_PATH}`, query: { mid: 'M' } });
    expect(onlyPaytm.requests[0]).toHaveProperty('receivedAt');
    expect(onlyPaytm.requests[0]).toHaveProperty('headers');

    await postJson('/faults', { connector: 'nuvei', fault: { kind: 'malformed-json' } });
    expect((await callNuvei()).text).toBe('{"status":"SUCC');
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await callNuvei()).status).toBe(200);

    await postJson('/faults', { connector: 'nuvei', fault: { kind: 'status', status: 500, body: 'x' } });
    expect((await control('/reset', { method: 'POST' })).status).toBe(204);
    expect(resets).toBe(1);
    expect(server.requests).toHaveLength(0);
    expect((await callNuvei()).status).toBe(200);
  });

  it('does not record control calls as gateway requests', async () => {
    await control('/health');
    await control('/requests');
    expect(server.callCount()).toBe(0);
  });

  it('accepts every fault kind from JSON', async () => {
    const faults = [
      { kind: 'latency', ms: 10 },
      { kind: 'timeout' },
      { kind: 'reset' },
      { kind: 'status', status: 502, body: '<html>bad gateway</html>', contentType: 'text/html' },
      { kind: 'malformed-json' },
      { kind: 'truncated' },
      { kind: 'answer', response: paytmFakeAnswers.duplicate('tok_1') },
    ];
    for (const fault of faults) expect((await postJson('/faults', { connector: 'paytm', fault })).status).toBe(204);
  });

  it('drives a reset fault from JSON: the next call is dropped', async () => {
    await postJson('/faults', { connector: 'nuvei', fault: { kind: 'reset' }, times: 1 });
    const failure = await rawRequest(`${server.baseUrl('nuvei')}${NUVEI_PATH}`, { body: '{}' }).catch((e: unknown) => errorCode(e));
    expect(failure).toBe('ECONNRESET');
  });

  it.each([
    ['invalid JSON', '{"connector":', /Body must be JSON/],
    ['an unknown connector', { connector: 'stripe', fault: { kind: 'timeout' } }, /connector/],
    ['an unknown fault kind', { connector: 'nuvei', fault: { kind: 'explode' } }, /kind/],
    ['a missing field', { connector: 'nuvei', fault: { kind: 'latency' } }, /ms/],
    ['a negative latency', { connector: 'nuvei', fault: { kind: 'latency', ms: -5 } }, /ms/],
    ['a status outside 200-599', { connector: 'nuvei', fault: { kind: 'status', status: 99, body: '' } }, /status/],
    ['an unknown key', { connector: 'nuvei', fault: { kind: 'timeout', ms: 1 } }, /ms/],
    ['times of zero', { connector: 'nuvei', fault: { kind: 'timeout' }, times: 0 }, /times/],
    ['an answer with a bad header', { connector: 'nuvei', fault: { kind: 'answer', response: { status: 200, headers: { 'a b': '1' }, body: '' } } }, /header/],
  ])('answers 400 with a message for %s, arming nothing', async (_label, body, message) => {
    const response = await postJson('/faults', body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string };
    expect(answer.error).toMatch(message);
    expect((await callNuvei()).status).toBe(200);
  });

  it('answers 400 for an unknown connector filter, 405 for a wrong method and 404 for an unknown control path', async () => {
    expect((await control('/requests?connector=stripe')).status).toBe(400);
    const wrongMethod = await control('/health', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect((await control('/nope')).status).toBe(404);
  });

  it('is absent when control is false', async () => {
    await server.stop();
    server = await startFakeGatewayServer({ gateways: { nuvei }, control: false });
    expect((await control('/health')).status).toBe(404);
    expect((await postJson('/faults', { connector: 'nuvei', fault: { kind: 'timeout' } })).status).toBe(404);
    expect((await callNuvei()).status).toBe(200);
  });

  it('createFakeGatewayControlClient drives the same endpoint', async () => {
    const client = createFakeGatewayControlClient(`${server.url}/`);
    expect(await client.health()).toBe(true);
    await client.setFault('nuvei', { kind: 'status', status: 502, body: 'bad gateway' }, { times: 1 });
    expect((await callNuvei()).status).toBe(502);
    expect((await client.requests('nuvei')).map((r) => r.path)).toEqual([NUVEI_PATH]);
    expect(await client.requests('paytm')).toEqual([]);
    await client.setFault('nuvei', { kind: 'malformed-json' });
    await client.clearFaults();
    expect((await callNuvei()).status).toBe(200);
    await client.reset();
    expect(await client.requests()).toEqual([]);
    await expect(client.setFault('nuvei', { kind: 'latency', ms: -1 })).rejects.toThrow(/HTTP 400/);
  });
});
