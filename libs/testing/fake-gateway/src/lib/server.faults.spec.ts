import { nuveiFakeAnswers } from '@prism-sessions/connectors-nuvei/testing';
import { paytmFakeAnswers } from '@prism-sessions/connectors-paytm/testing';
import { errorCode, rawRequest, waitFor } from '../spec-helpers/raw-http';
import { stubBody, stubGateway } from '../spec-helpers/stub-routes';
import { MALFORMED_JSON_BODY } from './apply-fault';
import type { Fault } from './fault';
import { startFakeGatewayServer, type FakeGatewayServer } from './server';

const NUVEI_PATH = '/getSessionToken.do';
const PAYTM_PATH = 'theia/api/v1/initiateTransaction';
const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' };
/** stop() must not wait for held answers; generous for a busy machine, far below what it would otherwise take. */
const STOP_BOUND_MS = 5_000;

describe('fake gateway server: faults', () => {
  let server: FakeGatewayServer;
  const nuvei = stubGateway(NUVEI_PATH);
  const paytm = stubGateway(PAYTM_PATH);
  const nuveiUrl = () => `${server.baseUrl('nuvei')}${NUVEI_PATH}`;
  const paytmUrl = () => `${server.baseUrl('paytm')}/${PAYTM_PATH}`;

  beforeEach(async () => {
    nuvei.seen.length = 0;
    paytm.seen.length = 0;
    server = await startFakeGatewayServer({ gateways: { nuvei, paytm } });
  });
  afterEach(() => server.stop());

  describe('latency', () => {
    it('delays by at least ms, then answers normally through the route', async () => {
      server.setFault('nuvei', { kind: 'latency', ms: 250 });
      const started = performance.now();
      const response = await fetch(nuveiUrl(), JSON_POST);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(245);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(stubBody(NUVEI_PATH));
      expect(nuvei.seen).toHaveLength(1);
    });
  });

  describe('timeout', () => {
    it('never answers: a client with a 300 ms AbortSignal gives up; the request is recorded, the route never runs', async () => {
      server.setFault('nuvei', { kind: 'timeout' });
      const started = performance.now();
      const error: unknown = await fetch(nuveiUrl(), { ...JSON_POST, signal: AbortSignal.timeout(300) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      // fetch errors come from Node's realm, not jest's: match on the name.
      expect(error).toMatchObject({ name: 'TimeoutError' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(server.callCount('nuvei')).toBe(1);
      expect(server.requests[0]?.body).toBe('{"n":1}');
      expect(nuvei.seen).toHaveLength(0);
    });

    it('stop() does not hang while a timeout fault holds a socket, and the held client sees the connection end', async () => {
      server.setFault('nuvei', { kind: 'timeout' });
      const held = rawRequest(nuveiUrl(), { body: '{}' }).then(
        () => 'answered',
        (e: unknown) => errorCode(e),
      );
      await waitFor(() => server.callCount('nuvei') === 1);
      const started = performance.now();
      await server.stop();
      // The fault holds the socket forever: any bound below the test timeout tells "closed it" from "hung".
      expect(performance.now() - started).toBeLessThan(STOP_BOUND_MS);
      expect(await held).toBe('ECONNRESET');
      await server.stop(); // idempotent
    });

    it('stop() also cancels answers a latency fault has not sent yet', async () => {
      server.setFault('nuvei', { kind: 'latency', ms: 60_000 });
      const held = rawRequest(nuveiUrl(), { body: '{}' }).catch((e: unknown) => errorCode(e));
      await waitFor(() => server.callCount('nuvei') === 1);
      const started = performance.now();
      await server.stop();
      expect(performance.now() - started).toBeLessThan(STOP_BOUND_MS); // far below the 60 s latency
      expect(await held).toBe('ECONNRESET');
      expect(nuvei.seen).toHaveLength(0);
    });
  });

  describe('reset', () => {
    it('drops the connection without a response: node:http sees ECONNRESET', async () => {
      server.setFault('nuvei', { kind: 'reset' });
      await expect(rawRequest(nuveiUrl(), { body: '{}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
      expect(server.callCount('nuvei')).toBe(1);
      expect(nuvei.seen).toHaveLength(0);
    });

    it('fetch fails with a socket error', async () => {
      server.setFault('nuvei', { kind: 'reset' });
      const error: unknown = await fetch(nuveiUrl(), JSON_POST).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
      expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(errorCode(error));
    });
  });

  describe('truncated', () => {
    it('declares the full content-length, sends half of the route’s body, then drops the connection (node:http)', async () => {
      server.setFault('nuvei', { kind: 'truncated' });
      const response = await rawRequest(nuveiUrl(), { body: '{}' });
      const full = stubBody(NUVEI_PATH);
      expect(response.status).toBe(200);
      expect(response.complete).toBe(false);
      expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(full));
      expect(response.body).toBe(full.slice(0, Math.floor(full.length / 2)));
      // The gateway processed the request; only its answer was cut.
      expect(nuvei.seen).toHaveLength(1);
    });

    it('fetch gets the headers, then fails reading the body', async () => {
      server.setFault('nuvei', { kind: 'truncated' });
      const response = await fetch(nuveiUrl(), JSON_POST);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toMatchObject({ name: 'TypeError', message: 'terminated' });
    });
  });

  describe('status', () => {
    it.each([
      [500, '{"reason":"Internal error","status":"ERROR"}', 'application/json'],
      [502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html; charset=utf-8'],
      [503, 'maintenance', 'text/plain; charset=utf-8'],
    ])('answers %i with the given body and a content type guessed from it', async (status, body, contentType) => {
      server.setFault('paytm', { kind: 'status', status, body });
      const response = await fetch(paytmUrl(), JSON_POST);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(await response.text()).toBe(body);
      expect(paytm.seen).toHaveLength(0);
    });

    it('uses an explicit content type (a 4xx with a gateway error body shape)', async () => {
      const body = JSON.stringify({ errorCode: '1007', errorMessage: 'Missing mandatory element' });
      server.setFault('paytm', { kind: 'status', status: 400, body, contentType: 'application/json;charset=UTF-8' });
      const response = await fetch(paytmUrl(), JSON_POST);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(await response.json()).toEqual({ errorCode: '1007', errorMessage: 'Missing mandatory element' });
    });
  });

  describe('malformed-json', () => {
    it('answers 200 application/json with a body that does not parse', async () => {
      server.setFault('nuvei', { kind: 'malformed-json' });
      const response = await fetch(nuveiUrl(), JSON_POST);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const text = await response.text();
      expect(text).toBe(MALFORMED_JSON_BODY);
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    });
  });

  describe('answer', () => {
    it('sends a canned Nuvei answer (statusError 1069)', async () => {
      server.setFault('nuvei', { kind: 'answer', response: nuveiFakeAnswers.statusError(1069, 'Session expired') });
      const response = await fetch(nuveiUrl(), JSON_POST);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ERROR', errCode: 1069, reason: 'Session expired' });
      expect(nuvei.seen).toHaveLength(0);
    });

    it('sends a canned Paytm answer (duplicate 0002) and its headers', async () => {
      const duplicate = paytmFakeAnswers.duplicate('tok_original');
      server.setFault('paytm', { kind: 'answer', response: { ...duplicate, headers: { ...duplicate.headers, 'X-Extra': 'yes' } } });
      const response = await fetch(paytmUrl(), JSON_POST);
      expect(response.headers.get('x-extra')).toBe('yes');
      expect(await response.json()).toMatchObject({ body: { resultInfo: { resultCode: '0002' }, txnToken: 'tok_original' } });
    });

    it('sends an HTML error page from the canned answers', async () => {
      server.setFault('nuvei', { kind: 'answer', response: nuveiFakeAnswers.htmlError(403) });
      const response = await fetch(nuveiUrl(), JSON_POST);
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toContain('<html>');
    });
  });

  describe('arming and clearing', () => {
    const status503: Fault = { kind: 'status', status: 503, body: 'down' };
    const statuses = async (url: string, n: number) => {
      const seen: number[] = [];
      for (let i = 0; i < n; i++) {
        const response = await fetch(url, JSON_POST);
        await response.arrayBuffer();
        seen.push(response.status);
      }
      return seen;
    };

    it('hits exactly `times` requests, then answers normally again; faulted requests are still recorded', async () => {
      server.setFault('nuvei', status503, { times: 2 });
      expect(await statuses(nuveiUrl(), 4)).toEqual([503, 503, 200, 200]);
      expect(server.callCount('nuvei')).toBe(4);
      expect(nuvei.seen).toHaveLength(2);
    });

    it('lasts until cleared without `times`', async () => {
      server.setFault('nuvei', status503);
      expect(await statuses(nuveiUrl(), 3)).toEqual([503, 503, 503]);
      server.clearFaults();
      expect(await statuses(nuveiUrl(), 1)).toEqual([200]);
    });

    it('arms faults per connector; a new fault replaces the armed one', async () => {
      server.setFault('nuvei', status503);
      expect(await statuses(paytmUrl(), 1)).toEqual([200]);
      server.setFault('nuvei', { kind: 'status', status: 502, body: 'bad gateway' }, { times: 1 });
      expect(await statuses(nuveiUrl(), 2)).toEqual([502, 200]);
    });

    it('reset() clears faults, recorded requests and counts', async () => {
      server.setFault('nuvei', status503);
      await statuses(nuveiUrl(), 1);
      server.reset();
      expect(server.requests).toHaveLength(0);
      expect(server.callCount()).toBe(0);
      expect(await statuses(nuveiUrl(), 1)).toEqual([200]);
    });

    it('refuses an invalid fault or times with a TypeError naming the field', () => {
      expect(() => server.setFault('nuvei', { kind: 'latency', ms: -1 })).toThrow(/ms/);
      expect(() => server.setFault('nuvei', { kind: 'status', status: 42, body: '' })).toThrow(TypeError);
      expect(() => server.setFault('nuvei', status503, { times: 0 })).toThrow(/times/);
      expect(() => server.setFault('nuvei', { kind: 'answer', response: { status: 200, headers: { 'bad header': 'x' }, body: '' } })).toThrow(TypeError);
    });
  });
});
