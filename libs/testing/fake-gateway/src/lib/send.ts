import type { ServerResponse } from 'node:http';
import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';

// Framing headers are computed here; a canned answer cannot override them.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/** The answer's headers without framing headers, names lower-cased. */
export function answerHeaders(answer: FakeGatewayResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    const lower = name.toLowerCase();
    if (!FRAMING_HEADERS.has(lower)) headers[lower] = value;
  }
  return headers;
}

/** Writes a complete answer. Does nothing if the client has already gone. */
export function sendAnswer(response: ServerResponse, answer: FakeGatewayResponse): void {
  if (response.destroyed || response.headersSent) return;
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, { ...answerHeaders(answer), 'content-length': String(body.length) });
  response.end(body);
}

/** A plain-text answer. */
export function textAnswer(status: number, text: string): FakeGatewayResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
}

/** A JSON answer. */
export function jsonAnswer(status: number, value: unknown): FakeGatewayResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** Guesses a content type for a `status` fault body: HTML, JSON or plain text. */
export function guessContentType(body: string): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('<')) return 'text/html; charset=utf-8';
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}
