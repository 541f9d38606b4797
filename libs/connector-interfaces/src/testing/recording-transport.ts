import { exposeHeaders } from '@prism-sessions/masking';
import type { HttpRequest, HttpResponse, HttpTransport } from '../lib/http';

/** What a {@link RecordingTransport} saw: the request with headers as they went on the wire. */
export interface RecordedRequest {
  /** HTTP method. */
  readonly method: HttpRequest['method'];
  /** Absolute URL as sent. */
  readonly url: string;
  /** Headers as sent: secrets are exposed here, so assert on them but never log them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body as sent. */
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
  /** Every request sent so far, in order. */
  readonly requests: RecordedRequest[] = [];

  /** @param responder - Produces each answer (or throws a `TransportError` to simulate a failure). */
  constructor(private readonly responder: Responder) {}

  /** Records the request with its headers exposed, then answers through the responder. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const recorded: RecordedRequest = { method: request.method, url: request.url, headers: exposeHeaders(request.headers), body: request.body };
    this.requests.push(recorded);
    return this.responder(recorded);
  }
}

/**
 * Builds an {@link HttpResponse} with a JSON content type. A string body is used as is, which
 * lets fixtures express malformed JSON.
 *
 * @example
 * jsonResponse(200, { status: 'SUCCESS', sessionToken: 'tok' });
 * jsonResponse(200, '{"status":"SUCC');                         // truncated on purpose
 */
export function jsonResponse(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
