import { inspect } from 'node:util';
import { Secret } from '@prism-sessions/masking';
import { TransportError, type HttpRequest } from '../lib/http';
import { RecordingTransport, jsonResponse } from './recording-transport';

const request = (n: number, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'POST',
  url: `https://gw.test/call/${n}`,
  headers: { 'content-type': 'application/json', authorization: new Secret(`Bearer key_${n}`) },
  body: `{"n":${n}}`,
  ...extra,
});

describe('RecordingTransport', () => {
  it('records every request in order, with headers exposed as they would go on the wire', async () => {
    const transport = new RecordingTransport(() => jsonResponse(200, {}));
    await transport.send(request(1));
    await transport.send(request(2, { method: 'GET', body: undefined }));
    await transport.send(request(3));
    expect(transport.requests).toEqual([
      { method: 'POST', url: 'https://gw.test/call/1', headers: { 'content-type': 'application/json', authorization: 'Bearer key_1' }, body: '{"n":1}' },
      { method: 'GET', url: 'https://gw.test/call/2', headers: { 'content-type': 'application/json', authorization: 'Bearer key_2' }, body: undefined },
      { method: 'POST', url: 'https://gw.test/call/3', headers: { 'content-type': 'application/json', authorization: 'Bearer key_3' }, body: '{"n":3}' },
    ]);
  });

  it('does not unwrap or change the caller’s request', async () => {
    const transport = new RecordingTransport(() => jsonResponse(200, {}));
    const sent = request(1);
    await transport.send(sent);
    expect(sent.headers['authorization']).toBeInstanceOf(Secret);
    expect(inspect(sent)).not.toContain('key_1');
  });

  it('passes the recorded request to the responder and resolves with its answer (sync or async)', async () => {
    const seen: string[] = [];
    const transport = new RecordingTransport(async (recorded) => {
      seen.push(recorded.headers['authorization'] ?? '');
      return { status: 202, headers: { 'x-n': recorded.url }, body: 'accepted' };
    });
    await expect(transport.send(request(7))).resolves.toEqual({ status: 202, headers: { 'x-n': 'https://gw.test/call/7' }, body: 'accepted' });
    expect(seen).toEqual(['Bearer key_7']);
  });

  it('records the request even when the responder simulates a network failure', async () => {
    const transport = new RecordingTransport(() => {
      throw new TransportError('timeout', true, 'timed out');
    });
    await expect(transport.send(request(1))).rejects.toBeInstanceOf(TransportError);
    expect(transport.requests).toHaveLength(1);
  });

  it('rejects a header value that is neither a string nor a Secret<string>, naming only the header', async () => {
    const transport = new RecordingTransport(() => jsonResponse(200, {}));
    const bad = request(1, { headers: { 'x-bad': 42 as unknown as string } });
    await expect(transport.send(bad)).rejects.toThrow('Header "x-bad" must be a string or a Secret<string>');
  });
});

describe('jsonResponse', () => {
  it('serialises a value with a JSON content type', () => {
    expect(jsonResponse(200, { status: 'SUCCESS', n: 1 })).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"SUCCESS","n":1}' });
  });

  it('passes a string body through untouched (for malformed-JSON fixtures)', () => {
    expect(jsonResponse(200, '{"truncated":')).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"truncated":' });
  });
});
