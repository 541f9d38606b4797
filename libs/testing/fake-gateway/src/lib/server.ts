import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGatewayRequest, FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import { applyFault } from './apply-fault';
import { ConnectionTracker } from './connection-tracker';
import { CONNECTOR_ID_PATTERN, type SimulatedConnector } from './connector-name';
import { handleControl } from './control-api';
import { validateFault, type Fault } from './fault';
import { FaultRegistry } from './fault-registry';
import { readBody } from './read-body';
import { RequestLog, type RecordedHttpRequest } from './recorded-request';
import { NOT_FOUND, answerFromRoutes, resolveTarget } from './router';
import { sendAnswer, textAnswer } from './send';

/** The routes of one simulated gateway, e.g. `createNuveiFakeGateway(...)` (only `routes` is read). */
export interface FakeGatewayRoutes {
  readonly routes: readonly FakeGatewayRoute[];
}

/** Options of {@link startFakeGatewayServer}. */
export interface FakeGatewayServerOptions {
  /** Port to listen on; `0` (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind (default `127.0.0.1`). Anything but loopback exposes the fake to the network. */
  readonly host?: string;
  /** The fakes to serve, by connector id: each under `/<id>/…` (e.g. `{ nuvei: createNuveiFakeGateway(…) }`). */
  readonly gateways?: Readonly<Record<SimulatedConnector, FakeGatewayRoutes>>;
  /** Serve the control endpoint under `/__control` (default `true`). */
  readonly control?: boolean;
  /** Most requests kept in `requests`; older ones are dropped, counts are kept (default 10 000). */
  readonly maxRecordedRequests?: number;
  /** Also run on `reset()` and `POST /__control/reset`, e.g. to reset the connector fakes' tokens. */
  readonly onReset?: () => void;
}

/** Options of {@link FakeGatewayServer.setFault}. */
export interface SetFaultOptions {
  /** Number of requests the fault hits before clearing itself (default: until cleared). */
  readonly times?: number;
}

/** A running fake gateway HTTP server. */
export interface FakeGatewayServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The connector ids served. */
  readonly connectors: readonly SimulatedConnector[];
  /** The base URL to give connector `id`: `${url}/<id>` (a connector the server does not serve gets 404s there). */
  baseUrl(id: SimulatedConnector): string;
  /** Connector requests in arrival order, faulted ones included; cleared in place by `reset()`. */
  readonly requests: RecordedHttpRequest[];
  /** Requests received for `connector` (or for both) since start or the last reset. */
  callCount(connector?: SimulatedConnector): number;
  /**
   * Arms `fault` for every following request to `connector` (replacing the one armed there), or for
   * the next `options.times` requests.
   * @throws TypeError for an invalid fault or `times`.
   */
  setFault(connector: SimulatedConnector, fault: Fault, options?: SetFaultOptions): void;
  /** Disarms every fault. */
  clearFaults(): void;
  /** Disarms every fault, forgets recorded requests and counts, and calls `onReset`. */
  reset(): void;
  /** Closes the server and destroys every open socket (including ones held by a `timeout` fault). Idempotent. */
  stop(): Promise<void>;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function refuseTooLarge(response: ServerResponse): void {
  const text = 'Payload too large';
  response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), connection: 'close' });
  response.end(text);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host }, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a real HTTP server that serves the connector fakes' routes (`/<id>/…` for each of `gateways`),
 * records every request, injects faults and, unless disabled, exposes the `/__control` endpoint.
 *
 * @example
 * const nuvei = createNuveiFakeGateway({ merchants: [merchant] });
 * const server = await startFakeGatewayServer({ gateways: { nuvei } });
 * server.setFault('nuvei', { kind: 'status', status: 503, body: 'maintenance' }, { times: 1 });
 * // point the connector at server.baseUrl('nuvei') …
 * await server.stop();
 */
export async function startFakeGatewayServer(options: FakeGatewayServerOptions = {}): Promise<FakeGatewayServer> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError('port must be an integer between 0 and 65535');
  const host = options.host ?? '127.0.0.1';
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0) throw new RangeError('maxRecordedRequests must be a non-negative integer');

  const gateways = options.gateways ?? {};
  const connectors = Object.keys(gateways);
  const invalid = connectors.find((id) => !CONNECTOR_ID_PATTERN.test(id));
  if (invalid !== undefined) throw new RangeError(`gateways: "${invalid}" is not a connector id (lower snake_case)`);
  const routes = new Map<SimulatedConnector, readonly FakeGatewayRoute[]>(Object.entries(gateways).map(([id, fake]) => [id, fake.routes]));
  const log = new RequestLog(maxRecorded);
  const faults = new FaultRegistry();
  const server = createServer();
  const tracker = new ConnectionTracker(server);

  const setFault = (connector: SimulatedConnector, fault: Fault, times: number | undefined) => faults.set(connector, validateFault(fault, times), times);
  const reset = () => {
    faults.clear();
    log.clear();
    options.onReset?.();
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const target = resolveTarget(request.url ?? '/', connectors);
    const read = await readBody(request);
    if (!read.ok) {
      if (read.reason === 'too-large') refuseTooLarge(response);
      return;
    }
    const method = request.method ?? 'GET';
    if (target.kind === 'control' && options.control !== false) {
      const deps = { connectors, requests: () => log.requests, setFault, clearFaults: () => faults.clear(), reset };
      sendAnswer(response, handleControl({ method, path: target.path, query: target.query, body: read.body }, deps));
      return;
    }
    const connectorRoutes = target.kind === 'connector' ? routes.get(target.connector) : undefined;
    if (target.kind !== 'connector' || !connectorRoutes) {
      sendAnswer(response, NOT_FOUND);
      return;
    }
    const gatewayRequest: FakeGatewayRequest = { method, path: target.path, query: target.query, headers: flattenHeaders(request.headers), body: read.body };
    log.add({ connector: target.connector, ...gatewayRequest, receivedAt: new Date().toISOString() });
    applyFault(faults.take(target.connector), { response, normalAnswer: () => answerFromRoutes(connectorRoutes, gatewayRequest), tracker });
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendAnswer(response, textAnswer(500, `Fake gateway server failed: ${error instanceof Error ? error.message : String(error)}`));
      else response.destroy();
    });
  });

  const address = await listen(server, port, host);
  const url = `http://${urlHost(host)}:${address.port}`;
  let stopping: Promise<void> | undefined;

  return {
    url,
    connectors,
    baseUrl: (id) => `${url}/${id}`,
    requests: log.requests,
    callCount: (connector) => log.count(connector),
    setFault: (connector, fault, faultOptions) => setFault(connector, fault, faultOptions?.times),
    clearFaults: () => faults.clear(),
    reset,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        tracker.destroyAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
