import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FakeGatewayRequest, FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import { applyFault } from './apply-fault';
import { ConnectionTracker } from './connection-tracker';
import { CONNECTOR_ID_PATTERN, type SimulatedConnector } from './connector-name';
import { handleControl } from './control-api';
import { clientCertificateOf, createMutualTlsServer, type MutualTlsListenerOptions } from './mutual-tls';
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
  /**
   * A second listener, HTTPS with a required client certificate, for gateways reached over mutual TLS
   * (Apple Pay's merchant validation). Its gateways share the request log, the faults and the control
   * endpoint (served on the plain listener only) with the others.
   */
  readonly mutualTls?: MutualTlsListenerOptions;
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
  /** `https://127.0.0.1:<port>` of the mutual-TLS listener; `undefined` without `mutualTls`. */
  readonly tlsUrl: string | undefined;
  /** The connector ids served. */
  readonly connectors: readonly SimulatedConnector[];
  /** The base URL to give connector `id`: `${url}/<id>`, or `${tlsUrl}/<id>` for a mutual-TLS gateway (a connector the server does not serve gets 404s there). */
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
  const tlsPort = options.mutualTls?.port ?? 0;
  if (!Number.isInteger(tlsPort) || tlsPort < 0 || tlsPort > 65_535) throw new RangeError('mutualTls.port must be an integer between 0 and 65535');
  const host = options.host ?? '127.0.0.1';
  const maxRecorded = options.maxRecordedRequests ?? 10_000;
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0) throw new RangeError('maxRecordedRequests must be a non-negative integer');

  const plainGateways = options.gateways ?? {};
  const tlsGateways = options.mutualTls?.gateways ?? {};
  const plainIds = Object.keys(plainGateways);
  const tlsIds = Object.keys(tlsGateways);
  const connectors = [...plainIds, ...tlsIds];
  const invalid = connectors.find((id) => !CONNECTOR_ID_PATTERN.test(id));
  if (invalid !== undefined) throw new RangeError(`gateways: "${invalid}" is not a connector id (lower snake_case)`);
  const twice = tlsIds.find((id) => plainIds.includes(id));
  if (twice !== undefined) throw new RangeError(`gateways: "${twice}" is served both in plain HTTP and over mutual TLS`);
  // A mutual-TLS route is a fake gateway route whose request also carries the client certificate.
  const routes = new Map<SimulatedConnector, readonly FakeGatewayRoute[]>([...Object.entries(plainGateways), ...Object.entries(tlsGateways)].map(([id, fake]) => [id, fake.routes]));
  const log = new RequestLog(maxRecorded);
  const faults = new FaultRegistry();

  const setFault = (connector: SimulatedConnector, fault: Fault, times: number | undefined) => faults.set(connector, validateFault(fault, times), times);
  const reset = () => {
    faults.clear();
    log.clear();
    options.onReset?.();
  };

  const handler = (listener: 'plain' | 'tls', tracker: ConnectionTracker) => {
    const served = listener === 'plain' ? plainIds : tlsIds;
    return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
      const target = resolveTarget(request.url ?? '/', served);
      const read = await readBody(request);
      if (!read.ok) {
        if (read.reason === 'too-large') refuseTooLarge(response);
        return;
      }
      const method = request.method ?? 'GET';
      if (target.kind === 'control' && listener === 'plain' && options.control !== false) {
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
      const routed = listener === 'tls' ? { ...gatewayRequest, clientCertificate: clientCertificateOf(request) } : gatewayRequest;
      applyFault(faults.take(target.connector), { response, normalAnswer: () => answerFromRoutes(connectorRoutes, routed), tracker });
    };
  };

  const serve = (server: Server, listener: 'plain' | 'tls'): ConnectionTracker => {
    const tracker = new ConnectionTracker(server);
    const handle = handler(listener, tracker);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendAnswer(response, textAnswer(500, `Fake gateway server failed: ${error instanceof Error ? error.message : String(error)}`));
        else response.destroy();
      });
    });
    return tracker;
  };

  const plainServer = createServer();
  const trackers = [serve(plainServer, 'plain')];
  const address = await listen(plainServer, port, host);
  const url = `http://${urlHost(host)}:${address.port}`;
  let tlsServer: Server | undefined;
  let tlsUrl: string | undefined;
  if (options.mutualTls) {
    tlsServer = createMutualTlsServer(options.mutualTls);
    trackers.push(serve(tlsServer, 'tls'));
    try {
      tlsUrl = `https://${urlHost(host)}:${(await listen(tlsServer, tlsPort, host)).port}`;
    } catch (error) {
      await new Promise<void>((resolve) => plainServer.close(() => resolve()));
      throw error;
    }
  }
  let stopping: Promise<void> | undefined;
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
    });

  return {
    url,
    tlsUrl,
    connectors,
    baseUrl: (id) => (tlsIds.includes(id) && tlsUrl !== undefined ? `${tlsUrl}/${id}` : `${url}/${id}`),
    requests: log.requests,
    callCount: (connector) => log.count(connector),
    setFault: (connector, fault, faultOptions) => setFault(connector, fault, faultOptions?.times),
    clearFaults: () => faults.clear(),
    reset,
    stop() {
      stopping ??= (async () => {
        for (const tracker of trackers) tracker.destroyAll();
        const closing = [close(plainServer), ...(tlsServer ? [close(tlsServer)] : [])];
        plainServer.closeAllConnections();
        await Promise.all(closing);
      })();
      return stopping;
    },
  };
}
