import { exposeHeaders } from '@org/masking';
import type { HttpRequest, HttpResponse, HttpTransport } from '../lib/http';

/** What a {@link RecordingTransport} saw: the request with headers as they went on the wire. */
export interface RecordedRequest {
  readonly method: HttpRequest['method'];
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/** Answers a request: return a response, or throw (e.g. a `TransportError`) to simulate a failure. */
export type Responder = (request: RecordedRequest) => HttpResponse | Promise<HttpResponse>;

/**
 * An in-memory {@link HttpTransport} for unit tests: records every request and answers through a
 * scripted responder. No sockets.
 *
 * @example
 * const transport = new RecordingTransport(() => ({ status: 200, headers: {}, body: '{"status":"SUCCESS"}' }));
 * await executeFlow(connector, 'sessionToken', ctx, transport);
 * expect(transport.requests).toHaveLength(1);
 */
export class RecordingTransport implements HttpTransport {
  readonly requests: RecordedRequest[] = [];

  constructor(private readonly responder: Responder) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const recorded: RecordedRequest = { method: request.method, url: request.url, headers: exposeHeaders(request.headers), body: request.body };
    this.requests.push(recorded);
    return this.responder(recorded);
  }
}

/** Builds an {@link HttpResponse} with a JSON content type. */
export function jsonResponse(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
