import type { Clock } from '../lib/flow';

/** A clock frozen at one instant (and movable by tests). */
export class FixedClock implements Clock {
  #now: Date;

  constructor(iso: string | Date) {
    this.#now = new Date(iso);
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Moves the clock forward. */
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
