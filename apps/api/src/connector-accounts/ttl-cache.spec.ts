import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  let now = 1_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('serves a hit without loading and reloads after the bound', async () => {
    const cache = new TtlCache<number>(5_000, clock);
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await cache.get('k', load)).toBe(1);
    now += 4_999;
    expect(await cache.get('k', load)).toBe(1);
    now += 1;
    expect(await cache.get('k', load)).toBe(2);
    expect(loads).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new TtlCache<string>(1_000, clock);
    let loads = 0;
    const load = () => new Promise<string>((resolve) => setImmediate(() => resolve(`v${(loads += 1)}`)));
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual(['v1', 'v1']);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = new TtlCache<string>(1_000, clock);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('caches nothing with a zero TTL, and drops invalidated prefixes and the oldest entries', async () => {
    const off = new TtlCache<number>(0, clock);
    let n = 0;
    await off.get('k', async () => (n += 1));
    await off.get('k', async () => (n += 1));
    expect(n).toBe(2);
    const small = new TtlCache<number>(1_000, clock, 2);
    await small.get('m1|a', async () => 1);
    await small.get('m1|b', async () => 2);
    await small.get('m2|a', async () => 3);
    expect(small.size).toBe(2);
    small.invalidatePrefix('m1|');
    expect(small.size).toBe(1);
    expect(await small.get('m2|a', async () => 99)).toBe(3);
  });
});
