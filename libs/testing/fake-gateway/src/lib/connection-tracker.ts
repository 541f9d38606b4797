import type { Server, Socket } from 'node:net';

/**
 * Open sockets and pending timers of a server, so `stop()` can end everything at once, including
 * connections a `timeout` fault holds open and answers a `latency` fault has not sent yet.
 */
export class ConnectionTracker {
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #stopped = false;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      if (this.#stopped) {
        socket.destroy();
        return;
      }
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Runs `action` after `ms` unless the server stops first. */
  delay(ms: number, action: () => void): void {
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      action();
    }, ms);
    this.#timers.add(timer);
  }

  /** Cancels pending timers and destroys every open socket. */
  destroyAll(): void {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }
}
