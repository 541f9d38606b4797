import { isFresh, parseSignedClaims, sessionExpiry } from './signed-claims';

const NOW = new Date('2026-12-05T04:05:53.318Z');
const window = { ttlMs: 900_000, skewMs: 120_000 };

describe('parseSignedClaims (step 6)', () => {
  it('reads the three string claims', () => {
    expect(parseSignedClaims('{"merchant_id":"m1","customer_id":"abcde12345","timestamp":"1668389349848"}')).toEqual({ ok: true, claims: { merchantId: 'm1', customerId: 'abcde12345', timestampMs: 1668389349848 } });
  });

  it.each([
    ['not JSON', 'merchant_id=m', 'INVALID_DATA'],
    ['a JSON array', '["m"]', 'INVALID_DATA'],
    ['a missing timestamp', '{"merchant_id":"m","customer_id":"c"}', 'INVALID_DATA'],
    ['a numeric timestamp', '{"merchant_id":"m","customer_id":"c","timestamp":1668389349848}', 'TYPE_MISMATCH'],
    ['a timestamp in seconds', '{"merchant_id":"m","customer_id":"c","timestamp":"1668389349"}', 'INVALID_DATA'],
    ['a customer_id with a space', '{"merchant_id":"m","customer_id":"a b","timestamp":"1668389349848"}', 'INVALID_DATA'],
  ])('refuses %s', (_label, text, reason) => {
    const parsed = parseSignedClaims(text);
    expect(parsed.ok ? null : parsed.failure.reason).toBe(reason);
  });
});

describe('isFresh (step 8)', () => {
  it('accepts up to TTL old and up to the skew ahead (inclusive), refuses beyond', () => {
    const at = (offsetMs: number) => NOW.getTime() + offsetMs;
    expect(isFresh(at(0), NOW, window)).toBe(true);
    expect(isFresh(at(-900_000), NOW, window)).toBe(true);
    expect(isFresh(at(-900_001), NOW, window)).toBe(false);
    expect(isFresh(at(-16 * 60_000), NOW, window)).toBe(false);
    expect(isFresh(at(120_000), NOW, window)).toBe(true);
    expect(isFresh(at(120_001), NOW, window)).toBe(false);
    expect(isFresh(at(5 * 60_000), NOW, window)).toBe(false);
  });
});

describe('sessionExpiry', () => {
  it('is ts + TTL for a past timestamp and now + TTL for a future one: never beyond the signature’s validity', () => {
    expect(sessionExpiry(NOW.getTime() - 60_000, NOW, 900_000).toISOString()).toBe('2026-12-05T04:19:53.318Z');
    expect(sessionExpiry(NOW.getTime() + 60_000, NOW, 900_000).toISOString()).toBe('2026-12-05T04:20:53.318Z');
  });
});
