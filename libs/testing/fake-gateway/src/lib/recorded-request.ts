import type { SimulatedConnector } from './connector-name';

/** A request the fake server received for a connector, as it arrived (faulted or not). */
export interface RecordedHttpRequest {
  readonly connector: SimulatedConnector;
  readonly method: string;
  /** Path relative to the connector's base URL, e.g. `/getSessionToken.do` or `theia/api/v1/initiateTransaction`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased header names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** ISO 8601 arrival time. */
  readonly receivedAt: string;
}

/** Recorded requests in arrival order (oldest dropped beyond `limit`) and per-connector call counts. */
export class RequestLog {
  /** The live list; cleared in place so references to it stay valid. */
  readonly requests: RecordedHttpRequest[] = [];
  readonly #counts = new Map<SimulatedConnector, number>();

  constructor(private readonly limit: number) {}

  add(request: RecordedHttpRequest): void {
    this.#counts.set(request.connector, (this.#counts.get(request.connector) ?? 0) + 1);
    this.requests.push(request);
    if (this.requests.length > this.limit) this.requests.splice(0, this.requests.length - this.limit);
  }

  /** Requests received since start or the last reset (not limited by the recording cap). */
  count(connector?: SimulatedConnector): number {
    if (connector) return this.#counts.get(connector) ?? 0;
    let total = 0;
    for (const n of this.#counts.values()) total += n;
    return total;
  }

  clear(): void {
    this.requests.length = 0;
    this.#counts.clear();
  }
}
