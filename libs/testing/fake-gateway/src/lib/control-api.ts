import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import type { SimulatedConnector } from './connector-name';
import { describeIssues, faultRequestSchema, type Fault } from './fault';
import type { RecordedHttpRequest } from './recorded-request';
import { NOT_FOUND } from './router';
import { jsonAnswer } from './send';

/** What the control endpoint can see and change on its server. */
export interface ControlDeps {
  /** The connector ids the server fronts. */
  readonly connectors: readonly SimulatedConnector[];
  readonly requests: () => readonly RecordedHttpRequest[];
  readonly setFault: (connector: SimulatedConnector, fault: Fault, times: number | undefined) => void;
  readonly clearFaults: () => void;
  readonly reset: () => void;
}

/** A control call: method, path below `/__control`, query and raw body. */
export interface ControlCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: string;
}

const NO_CONTENT: FakeGatewayResponse = { status: 204, body: '' };

function badRequest(message: string): FakeGatewayResponse {
  return jsonAnswer(400, { error: message });
}

function methodNotAllowed(allowed: string): FakeGatewayResponse {
  return { status: 405, headers: { 'content-type': 'text/plain; charset=utf-8', allow: allowed }, body: 'Method not allowed' };
}

function listRequests(call: ControlCall, deps: ControlDeps): FakeGatewayResponse {
  const connector = call.query['connector'];
  if (connector !== undefined && !deps.connectors.includes(connector)) return badRequest(`connector must be one of: ${deps.connectors.join(', ')}`);
  const requests = deps.requests().filter((request) => connector === undefined || request.connector === connector);
  return jsonAnswer(200, { count: requests.length, requests });
}

function armFault(call: ControlCall, deps: ControlDeps): FakeGatewayResponse {
  let json: unknown;
  try {
    json = JSON.parse(call.body);
  } catch {
    return badRequest(`Body must be JSON: {"connector":${deps.connectors.map((id) => `"${id}"`).join('|')},"fault":{"kind":…},"times"?:n}`);
  }
  const parsed = faultRequestSchema.safeParse(json);
  if (!parsed.success) return badRequest(describeIssues(parsed.error));
  if (!deps.connectors.includes(parsed.data.connector)) return badRequest(`connector: must be one of: ${deps.connectors.join(', ')}`);
  deps.setFault(parsed.data.connector, parsed.data.fault, parsed.data.times);
  return NO_CONTENT;
}

/**
 * Answers a call to the control endpoint:
 * `GET /health`, `GET /requests?connector=`, `POST /faults`, `DELETE /faults`, `POST /reset`.
 */
export function handleControl(call: ControlCall, deps: ControlDeps): FakeGatewayResponse {
  switch (call.path.replace(/\/+$/, '')) {
    case '/health':
      return call.method === 'GET' ? jsonAnswer(200, { status: 'ok' }) : methodNotAllowed('GET');
    case '/requests':
      return call.method === 'GET' ? listRequests(call, deps) : methodNotAllowed('GET');
    case '/faults':
      if (call.method === 'POST') return armFault(call, deps);
      if (call.method === 'DELETE') {
        deps.clearFaults();
        return NO_CONTENT;
      }
      return methodNotAllowed('POST, DELETE');
    case '/reset':
      if (call.method !== 'POST') return methodNotAllowed('POST');
      deps.reset();
      return NO_CONTENT;
    default:
      return NOT_FOUND;
  }
}
