import { FixedClock } from './fixed-clock';

describe('FixedClock', () => {
  it('returns the instant it was created with, every time', () => {
    const clock = new FixedClock('2025-01-01T12:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-01-01T12:00:00.000Z');
    expect(clock.now().getTime()).toBe(clock.now().getTime());
  });

  it('accepts a Date and copies it, so later changes to that Date do not move the clock', () => {
    const start = new Date('2026-03-05T00:00:00Z');
    const clock = new FixedClock(start);
    start.setUTCFullYear(2030);
    expect(clock.now().toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  it('hands out copies: mutating a returned Date does not move the clock', () => {
    const clock = new FixedClock('2025-01-01T12:00:00Z');
    clock.now().setUTCHours(23);
    expect(clock.now().toISOString()).toBe('2025-01-01T12:00:00.000Z');
  });

  it('moves forward (and back) by advance(ms)', () => {
    const clock = new FixedClock('2025-01-01T12:00:00Z');
    clock.advance(15 * 60_000);
    expect(clock.now().toISOString()).toBe('2025-01-01T12:15:00.000Z');
    clock.advance(-1000);
    expect(clock.now().toISOString()).toBe('2025-01-01T12:14:59.000Z');
  });

  it('refuses an invalid date instead of producing NaN timestamps later', () => {
    expect(() => new FixedClock('not a date')).toThrow(RangeError);
    expect(() => new FixedClock(new Date(Number.NaN))).toThrow(RangeError);
  });
});
