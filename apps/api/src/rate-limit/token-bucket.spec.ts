import type { Clock } from '@prism-sessions/connector-interfaces';
import { TokenBucketLimiter } from './token-bucket';

class FixedClock implements Clock {
  constructor(public ms = Date.parse('2026-01-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
}

describe('TokenBucketLimiter', () => {
  it('allows the burst at once, then refuses with the time until enough tokens are back', () => {
    const clock = new FixedClock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 2, burst: 5, clock });
    for (let i = 0; i < 5; i += 1) expect(limiter.take('m1', 1)).toEqual({ allowed: true });
    expect(limiter.take('m1', 1)).toEqual({ allowed: false, retryAfterSeconds: 1, exceedsBurst: false });
    clock.ms += 500;
    expect(limiter.take('m1', 1)).toEqual({ allowed: true });
    expect(limiter.take('m1', 3)).toEqual({ allowed: false, retryAfterSeconds: 2, exceedsBurst: false });
  });

  it('is all or nothing: a refused request takes no token', () => {
    const clock = new FixedClock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 10, clock });
    expect(limiter.take('m1', 8)).toEqual({ allowed: true });
    expect(limiter.take('m1', 3)).toMatchObject({ allowed: false });
    expect(limiter.take('m1', 2)).toEqual({ allowed: true });
  });

  it('counts merchants separately', () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, clock: new FixedClock() });
    expect(limiter.take('a', 1)).toEqual({ allowed: true });
    expect(limiter.take('a', 1)).toMatchObject({ allowed: false });
    expect(limiter.take('b', 1)).toEqual({ allowed: true });
  });

  it('never holds more than the burst, however long idle', () => {
    const clock = new FixedClock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 3, clock });
    limiter.take('m', 3);
    clock.ms += 3_600_000;
    expect(limiter.take('m', 3)).toEqual({ allowed: true });
    expect(limiter.take('m', 1)).toMatchObject({ allowed: false });
  });

  it('flags a request larger than the burst (it can never pass) with the time to a full bucket', () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 4, burst: 20, clock: new FixedClock() });
    expect(limiter.take('m', 25)).toEqual({ allowed: false, retryAfterSeconds: 1, exceedsBurst: true });
    expect(limiter.take('m', 20)).toEqual({ allowed: true });
  });

  it('does not refill when the clock steps backwards', () => {
    const clock = new FixedClock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, clock });
    limiter.take('m', 1);
    clock.ms -= 10_000;
    expect(limiter.take('m', 1)).toMatchObject({ allowed: false });
  });

  it('drops full buckets when the bucket count reaches its bound, keeping the state of busy ones', () => {
    const clock = new FixedClock();
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 2, clock, maxBuckets: 3 });
    limiter.take('busy', 2);
    limiter.take('idle1', 0);
    limiter.take('idle2', 0);
    limiter.take('new', 1);
    expect(limiter.take('busy', 1)).toMatchObject({ allowed: false });
  });

  it('refuses nonsensical settings', () => {
    expect(() => new TokenBucketLimiter({ ratePerSecond: 0, burst: 1, clock: new FixedClock() })).toThrow();
    expect(() => new TokenBucketLimiter({ ratePerSecond: 1, burst: 0, clock: new FixedClock() })).toThrow();
  });
});
