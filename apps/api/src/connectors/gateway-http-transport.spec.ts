import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Secret } from '@prism-sessions/masking';
import { TransportError } from '@prism-sessions/connector-interfaces';
import { GatewayHttpTransport } from './gateway-http-transport';

jest.setTimeout(30_000);

/**
 * Timeout tests configure 300 ms against a server that never answers. The upper bound leaves room for a
 * busy machine yet stays below the transport's 5 s default, so it still shows the configured timeout applied.
 */
const TIMEOUT_BOUND_MS = 3_000;

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The client's port: one per connection. */
  readonly remotePort: number | undefined;
}

interface TestServer {
  readonly server: Server;
  readonly baseUrl: string;
  readonly port: number;
  readonly received: Received[];
}

const servers: Server[] = [];
const sockets = new Set<Socket>();
let transport: GatewayHttpTransport | undefined;

async function startServer(handler: (req: IncomingMessage, res: ServerResponse, received: Received) => void): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Received = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), remotePort: req.socket.remotePort };
      received.push(entry);
      handler(req, res, entry);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, baseUrl: `http://127.0.0.1:${port}`, received };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

function newTransport(totalTimeoutMs = 5_000, connectTimeoutMs = 1_000): GatewayHttpTransport {
  transport = new GatewayHttpTransport({ connectTimeoutMs, totalTimeoutMs });
  return transport;
}

async function transportError(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransportError) return error;
    throw new Error(`expected a TransportError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

function expectNoRequestData(error: TransportError, ...secrets: string[]): void {
  const rendered = `${error.message}\n${error.stack ?? ''}\n${JSON.stringify(error)}`;
  expect(rendered).not.toMatch(/https?:\/\//);
  expect(rendered).not.toContain('127.0.0.1');
  for (const secret of secrets) expect(rendered).not.toContain(secret);
  expect((error as Error & { cause?: unknown }).cause).toBeUndefined();
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await transport?.close();
  transport = undefined;
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('GatewayHttpTransport', () => {
  it('sends method, path, headers and the exact body bytes, and returns status, lower-cased headers and body', async () => {
    const gateway = await startServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Gateway-Trace': 'abc-123' });
      res.end('{"sessionToken":"tok","status":"SUCCESS"}');
    });
    const body = '{"merchantId":"m1","amount":"10.00","note":"ü"}';
    const response = await newTransport().send({
      method: 'POST',
      url: `${gateway.baseUrl}/ppp/api/v1/getSessionToken.do?x=1`,
      headers: { 'content-type': 'application/json', 'x-plain': 'plain-value' },
      body,
    });

    expect(response.status).toBe(200);
    expect(response.body).toBe('{"sessionToken":"tok","status":"SUCCESS"}');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-gateway-trace']).toBe('abc-123');
    expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);

    expect(gateway.received).toHaveLength(1);
    const [received] = gateway.received;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/ppp/api/v1/getSessionToken.do?x=1');
    expect(received?.body).toBe(body);
    expect(received?.headers['content-type']).toBe('application/json');
    expect(received?.headers['x-plain']).toBe('plain-value');
  });

  it('sends a GET without a body', async () => {
    const gateway = await startServer((_req, res) => res.end('ok'));
    const response = await newTransport().send({ method: 'GET', url: `${gateway.baseUrl}/health`, headers: {} });
    expect(response).toEqual(expect.objectContaining({ status: 200, body: 'ok' }));
    expect(gateway.received[0]?.method).toBe('GET');
    expect(gateway.received[0]?.body).toBe('');
  });

  it('exposes Secret header values on the wire', async () => {
    const gateway = await startServer((_req, res) => res.end('{}'));
    await newTransport().send({
      method: 'POST',
      url: `${gateway.baseUrl}/x`,
      headers: { authorization: new Secret('Bearer SECRET_CANARY_1'), 'x-checksum': new Secret('x'), 'content-type': 'application/json' },
      body: '{}',
    });
    const headers = gateway.received[0]?.headers;
    expect(headers?.['authorization']).toBe('Bearer SECRET_CANARY_1');
    expect(headers?.['x-checksum']).toBe('x');
    expect(JSON.stringify(headers)).not.toContain('*** Secret ***');
  });

  it.each([500, 502, 503, 400, 401, 404])('returns a %d as a response instead of throwing', async (status) => {
    const gateway = await startServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(`status ${status}`);
    });
    const response = await newTransport().send({ method: 'POST', url: `${gateway.baseUrl}/x`, headers: {}, body: '{}' });
    expect(response.status).toBe(status);
    expect(response.body).toBe(`status ${status}`);
  });

  it('does not follow redirects: a 302 is returned as is and the target is never called', async () => {
    const target = await startServer((_req, res) => res.end('followed'));
    const gateway = await startServer((_req, res) => {
      res.writeHead(302, { location: `${target.baseUrl}/stolen` });
      res.end('moved');
    });
    const response = await newTransport().send({ method: 'POST', url: `${gateway.baseUrl}/x`, headers: { authorization: new Secret('Bearer s') }, body: '{}' });
    expect(response.status).toBe(302);
    expect(response.headers['location']).toBe(`${target.baseUrl}/stolen`);
    expect(response.body).toBe('moved');
    expect(target.received).toHaveLength(0);
  });

  it('reports a total timeout as kind "timeout" with requestSent, promptly, when the gateway never answers', async () => {
    const gateway = await startServer(() => {
      /* never answers */
    });
    const started = performance.now();
    const error = await transportError(newTransport(300).send({ method: 'POST', url: `${gateway.baseUrl}/slow?token=URL_CANARY`, headers: { authorization: new Secret('Bearer HEADER_CANARY') }, body: '{"card":"BODY_CANARY"}' }));
    const elapsed = performance.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.requestSent).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(TIMEOUT_BOUND_MS);
    expect(gateway.received).toHaveLength(1);
    expectNoRequestData(error, 'URL_CANARY', 'HEADER_CANARY', 'BODY_CANARY', '/slow');
  });

  it('reports a body that stalls after the headers as kind "timeout"', async () => {
    const gateway = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const started = performance.now();
    const error = await transportError(newTransport(300).send({ method: 'POST', url: `${gateway.baseUrl}/x`, headers: {}, body: '{}' }));
    expect(error.kind).toBe('timeout');
    expect(error.requestSent).toBe(true);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_BOUND_MS);
  });

  it('reports a refused connection as kind "connection_refused" without requestSent', async () => {
    const port = await closedPort();
    const error = await transportError(
      newTransport().send({ method: 'POST', url: `http://127.0.0.1:${port}/pay?token=URL_CANARY`, headers: { authorization: new Secret('Bearer HEADER_CANARY') }, body: 'BODY_CANARY' }),
    );
    expect(error.kind).toBe('connection_refused');
    expect(error.requestSent).toBe(false);
    expectNoRequestData(error, 'URL_CANARY', 'HEADER_CANARY', 'BODY_CANARY', String(port));
  });

  it('reports a socket destroyed mid-request as kind "connection_reset" with requestSent', async () => {
    const gateway = await startServer((req) => {
      req.socket.destroy();
    });
    const error = await transportError(newTransport().send({ method: 'POST', url: `${gateway.baseUrl}/x?token=URL_CANARY`, headers: { authorization: new Secret('Bearer HEADER_CANARY') }, body: '{}' }));
    expect(error.kind).toBe('connection_reset');
    expect(error.requestSent).toBe(true);
    expect(gateway.received).toHaveLength(1);
    expectNoRequestData(error, 'URL_CANARY', 'HEADER_CANARY');
  });

  it('reports a socket destroyed after part of the body as kind "connection_reset"', async () => {
    const gateway = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await transportError(newTransport().send({ method: 'POST', url: `${gateway.baseUrl}/x`, headers: {}, body: '{}' }));
    expect(error.kind).toBe('connection_reset');
    expect(error.requestSent).toBe(true);
  });

  it('never puts URL credentials into the error', async () => {
    const port = await closedPort();
    const error = await transportError(newTransport().send({ method: 'POST', url: `http://CANARY_USER:CANARY_PASS@127.0.0.1:${port}/x`, headers: {}, body: '{}' }));
    expect(error).toBeInstanceOf(TransportError);
    expectNoRequestData(error, 'CANARY_USER', 'CANARY_PASS');
  });

  it('refuses a URL with credentials without sending anything (as fetch did)', async () => {
    const gateway = await startServer((_req, res) => res.end('ok'));
    const error = await transportError(newTransport().send({ method: 'POST', url: `http://CANARY_USER:CANARY_PASS@127.0.0.1:${gateway.port}/x`, headers: {}, body: '{}' }));
    expect(error.kind).toBe('unknown');
    expect(error.requestSent).toBe(false);
    expect(gateway.received).toHaveLength(0);
    expectNoRequestData(error, 'CANARY_USER', 'CANARY_PASS');
  });

  it('joins a repeated response header into one comma-separated value, as fetch did', async () => {
    const gateway = await startServer((_req, res) => {
      res.setHeader('x-trace', ['a', 'b']);
      res.end('ok');
    });
    const response = await newTransport().send({ method: 'GET', url: `${gateway.baseUrl}/`, headers: {} });
    expect(response.headers['x-trace']).toBe('a, b');
  });

  it('reuses the pool for consecutive calls and can be closed', async () => {
    const gateway = await startServer((_req, res) => res.end('ok'));
    const http = newTransport();
    const calls = 6;
    for (let i = 0; i < calls; i += 1) {
      const response = await http.send({ method: 'GET', url: `${gateway.baseUrl}/${i}`, headers: {} });
      expect(response.body).toBe('ok');
    }
    expect(gateway.received.map((r) => r.url)).toEqual(Array.from({ length: calls }, (_, i) => `/${i}`));
    // Keep-alive: connections are reused (undici may open a second one while the first is being
    // released, as its fetch does too), not one per call.
    expect(new Set(gateway.received.map((r) => r.remotePort)).size).toBeLessThan(calls);
    await http.close();
    transport = undefined;
  });
});
