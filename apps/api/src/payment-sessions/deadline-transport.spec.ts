import { TransportError, type HttpRequest, type HttpTransport } from '@prism-sessions/connector-interfaces';
import { withDeadline } from './deadline-transport';

const request: HttpRequest = { method: 'POST', url: 'https://gateway.test/session', headers: {}, body: '{}' };
const never: HttpTransport = { send: () => new Promise(() => undefined) };
const answering: HttpTransport = { send: async () => ({ status: 200, headers: {}, body: 'ok' }) };

describe('withDeadline', () => {
  it('passes the answer through when it comes before the deadline', async () => {
    await expect(withDeadline(answering, new Date(Date.now() + 60_000)).send(request)).resolves.toMatchObject({ status: 200 });
  });

  it('fails like a timeout (request sent) when the deadline passes first', async () => {
    const error = await withDeadline(never, new Date(Date.now() + 20)).send(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'timeout', requestSent: true });
  });

  it('does not send at all once the deadline has passed', async () => {
    let sent = false;
    const spy: HttpTransport = { send: async () => ((sent = true), { status: 200, headers: {}, body: '' }) };
    const error = await withDeadline(spy, new Date(1_000), () => 2_000).send(request).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'timeout', requestSent: false });
    expect(sent).toBe(false);
  });
});
