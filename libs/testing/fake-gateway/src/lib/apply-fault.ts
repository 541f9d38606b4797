import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import type { ConnectionTracker } from './connection-tracker';
import type { Fault } from './fault';
import { answerHeaders, guessContentType, sendAnswer } from './send';

/** The invalid JSON a `malformed-json` fault answers with. */
export const MALFORMED_JSON_BODY = '{"status":"SUCC';

/** What a fault needs from the server: the response, the normal answer (computed lazily) and the tracker. */
export interface FaultTarget {
  readonly response: ServerResponse;
  /** Runs the connector route; called at most once, and only by faults that let the request through. */
  readonly normalAnswer: () => FakeGatewayResponse;
  readonly tracker: ConnectionTracker;
}

function resetConnection(socket: Socket | null): void {
  if (!socket) return;
  // An RST rather than a FIN, so clients see ECONNRESET; plain destroy where unsupported.
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function sendTruncated(response: ServerResponse, answer: FakeGatewayResponse): void {
  if (response.destroyed) return;
  const body = Buffer.from(answer.body, 'utf8');
  const sent = body.subarray(0, Math.floor(body.length / 2));
  response.writeHead(answer.status, { ...answerHeaders(answer), 'content-length': String(Math.max(body.length, 1)) });
  response.write(sent, () => response.socket?.destroy());
}

/** Answers a request the way `fault` says (or normally when `fault` is `undefined`). */
export function applyFault(fault: Fault | undefined, target: FaultTarget): void {
  const { response, normalAnswer, tracker } = target;
  switch (fault?.kind) {
    case undefined:
      sendAnswer(response, normalAnswer());
      return;
    case 'latency':
      tracker.delay(fault.ms, () => sendAnswer(response, normalAnswer()));
      return;
    case 'timeout':
      // Deliberately nothing: the tracker destroys the socket on stop().
      return;
    case 'reset':
      resetConnection(response.socket);
      return;
    case 'status':
      sendAnswer(response, { status: fault.status, headers: { 'content-type': fault.contentType ?? guessContentType(fault.body) }, body: fault.body });
      return;
    case 'malformed-json':
      sendAnswer(response, { status: 200, headers: { 'content-type': 'application/json' }, body: MALFORMED_JSON_BODY });
      return;
    case 'truncated':
      sendTruncated(response, normalAnswer());
      return;
    case 'answer':
      sendAnswer(response, fault.response);
      return;
  }
}
