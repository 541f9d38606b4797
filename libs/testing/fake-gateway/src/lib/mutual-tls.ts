import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { HttpMethod } from '@prism-sessions/connector-interfaces';
import type { FakeGatewayRequest, FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import type { SimulatedConnector } from './connector-name';

/** The client certificate a mutual-TLS request came with (already verified against the trusted CA). */
export interface ClientCertificate {
  /** Subject attributes by short name (`UID`, `CN`, `OU`, `O`, `C`, …). */
  readonly subject: Readonly<Record<string, string>>;
  /** Issuer attributes by short name. */
  readonly issuer: Readonly<Record<string, string>>;
  /** Colon-separated upper-case hex SHA-256 of the DER certificate. */
  readonly fingerprint256: string;
  /** Upper-case hex serial number. */
  readonly serialNumber: string;
}

/** A request on the mutual-TLS listener: a fake gateway request plus its verified client certificate. */
export interface MutualTlsRequest extends FakeGatewayRequest {
  readonly clientCertificate: ClientCertificate;
}

/** One endpoint of a gateway served over mutual TLS (e.g. Apple Pay's merchant validation). */
export interface MutualTlsRoute {
  readonly method: HttpMethod;
  /** Path below the gateway's base URL; leading slashes do not matter. */
  readonly path: string;
  /** Produces the answer; pure. */
  handle(request: MutualTlsRequest): FakeGatewayResponse;
}

/** The routes of one gateway served over mutual TLS. */
export interface MutualTlsRoutes {
  readonly routes: readonly MutualTlsRoute[];
}

/** The HTTPS listener with a required client certificate (option `mutualTls` of `startFakeGatewayServer`). */
export interface MutualTlsListenerOptions {
  /** The listener's own certificate (PEM), e.g. `ca.issueServerCertificate()` for 127.0.0.1. */
  readonly serverCertificatePem: string;
  readonly serverPrivateKeyPem: string;
  /** The CA(s) whose client certificates are accepted (PEM); any other certificate, or none, is refused during the TLS handshake. */
  readonly clientCaPem: string;
  /** Port of the HTTPS listener; `0` (default) picks a free one. */
  readonly port?: number;
  /** The gateways served on this listener only, by id: each under `/<id>/…`. */
  readonly gateways: Readonly<Record<SimulatedConnector, MutualTlsRoutes>>;
}

/**
 * An HTTPS server that requires a client certificate issued by `clientCaPem` (`requestCert: true,
 * rejectUnauthorized: true`): Node completes the handshake, then drops the connection of a client
 * without a trusted certificate before any request reaches `onRequest`.
 */
export function createMutualTlsServer(options: MutualTlsListenerOptions): Server {
  return createServer({
    cert: options.serverCertificatePem,
    key: options.serverPrivateKeyPem,
    ca: options.clientCaPem,
    requestCert: true,
    rejectUnauthorized: true,
  });
}

function attributes(value: PeerCertificate['subject'] | undefined): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value ?? {})) {
    if (entry !== undefined) flat[name] = Array.isArray(entry) ? entry.join(', ') : String(entry);
  }
  return flat;
}

/** The verified client certificate of a request on a mutual-TLS listener. */
export function clientCertificateOf(request: IncomingMessage): ClientCertificate {
  const peer = (request.socket as TLSSocket).getPeerCertificate();
  return { subject: attributes(peer.subject), issuer: attributes(peer.issuer), fingerprint256: peer.fingerprint256 ?? '', serialNumber: peer.serialNumber ?? '' };
}
