import type { SimulatedConnector } from './connector-name';
import type { Fault } from './fault';

interface ActiveFault {
  readonly fault: Fault;
  /** Requests left to hit; `undefined` means until cleared. */
  remaining: number | undefined;
}

/** The fault currently armed for each connector (at most one each), with its remaining hit count. */
export class FaultRegistry {
  readonly #active = new Map<SimulatedConnector, ActiveFault>();

  /** Arms `fault` for `connector`, replacing any fault already armed there. */
  set(connector: SimulatedConnector, fault: Fault, times: number | undefined): void {
    this.#active.set(connector, { fault, remaining: times });
  }

  /** Disarms every fault. */
  clear(): void {
    this.#active.clear();
  }

  /** The fault hitting the next request to `connector`, counting that hit; `undefined` when none. */
  take(connector: SimulatedConnector): Fault | undefined {
    const active = this.#active.get(connector);
    if (!active) return undefined;
    if (active.remaining !== undefined) {
      active.remaining -= 1;
      if (active.remaining <= 0) this.#active.delete(connector);
    }
    return active.fault;
  }
}
