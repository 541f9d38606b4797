import { TransportError, type HttpTransport } from '@prism-sessions/connector-interfaces';

/**
 * A transport that gives up at the caller's deadline (a gRPC client's), as the transport's own total
 * timeout does: the attempt is recorded like a timeout (`GATEWAY_TIMEOUT`, outcome unknown). The
 * underlying request is left to the inner transport's timeout; its late answer is discarded.
 * `now` is wall-clock time (deadlines are wall-clock instants), not the service's business clock.
 */
export function withDeadline(transport: HttpTransport, deadline: Date, now: () => number = Date.now): HttpTransport {
  return {
    send(request) {
      const remainingMs = deadline.getTime() - now();
      if (remainingMs <= 0) return Promise.reject(new TransportError('timeout', false, 'the caller’s deadline passed before the gateway call'));
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TransportError('timeout', true, `the caller’s deadline passed after ${remainingMs} ms`)), remainingMs);
      });
      return Promise.race([transport.send(request), expired]).finally(() => clearTimeout(timer));
    },
  };
}
