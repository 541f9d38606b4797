import type { Clock } from '../lib/flow';

/**
 * A clock frozen at one instant (and movable by tests), for deterministic timestamps and checksums.
 *
 * @example
 * const clock = new FixedClock('2025-01-01T12:00:00Z');
 * clock.now().toISOString(); // '2025-01-01T12:00:00.000Z'
 * clock.advance(15 * 60_000); // a session token's lifetime later
 */
export class FixedClock implements Clock {
  #now: Date;

  /**
   * @param iso - The frozen instant, as an ISO 8601 string or a `Date` (copied).
   * @throws RangeError for an invalid date, which would otherwise surface later as `NaN` timestamps.
   */
  constructor(iso: string | Date) {
    this.#now = new Date(iso);
    if (Number.isNaN(this.#now.getTime())) throw new RangeError('FixedClock needs a valid date');
  }

  /** The frozen instant, as a fresh `Date` each call (mutating it does not move the clock). */
  now(): Date {
    return new Date(this.#now);
  }

  /** Moves the clock forward by `ms` milliseconds (backward if negative). */
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
