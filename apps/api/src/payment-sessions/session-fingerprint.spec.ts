import { createHash } from 'node:crypto';
import { sessionFingerprint, type FingerprintInput } from './session-fingerprint';

const BASE: FingerprintInput = {
  connector: 'nuvei',
  merchantSessionId: 'order-42',
  amount: { minorAmount: 1000n, currency: 'USD' },
  testMode: true,
};

describe('sessionFingerprint', () => {
  it('is a SHA-256 hex digest of the canonical JSON array', () => {
    const expected = createHash('sha256').update('["nuvei","order-42","1000","USD",true]').digest('hex');
    expect(sessionFingerprint(BASE)).toBe(expected);
    expect(sessionFingerprint(BASE)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable across calls and equal objects built in another key order', () => {
    const reordered: FingerprintInput = { testMode: true, amount: { currency: 'USD', minorAmount: 1000n }, merchantSessionId: 'order-42', connector: 'nuvei' };
    expect(sessionFingerprint(BASE)).toBe(sessionFingerprint(BASE));
    expect(sessionFingerprint(reordered)).toBe(sessionFingerprint(BASE));
  });

  it.each<[string, FingerprintInput]>([
    ['connector', { ...BASE, connector: 'paytm' }],
    ['merchantSessionId', { ...BASE, merchantSessionId: 'order-43' }],
    ['merchantSessionId case', { ...BASE, merchantSessionId: 'ORDER-42' }],
    ['minorAmount', { ...BASE, amount: { ...BASE.amount, minorAmount: 1001n } }],
    ['currency', { ...BASE, amount: { ...BASE.amount, currency: 'EUR' } }],
    ['testMode', { ...BASE, testMode: false }],
    ['a stored account instead of x-connector-config', { ...BASE, connectorAccountId: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b' }],
  ])('changes when %s changes', (_label, changed) => {
    expect(sessionFingerprint(changed)).not.toBe(sessionFingerprint(BASE));
  });

  it('cannot be collided by moving characters between fields', () => {
    const a = sessionFingerprint({ ...BASE, merchantSessionId: 'order-4', amount: { minorAmount: 21000n, currency: 'USD' } });
    const b = sessionFingerprint({ ...BASE, merchantSessionId: 'order-42', amount: { minorAmount: 1000n, currency: 'USD' } });
    expect(a).not.toBe(b);
    const c = sessionFingerprint({ ...BASE, merchantSessionId: 'x","1000' });
    const d = sessionFingerprint({ ...BASE, merchantSessionId: 'x' });
    expect(c).not.toBe(d);
  });

  it('distinguishes amounts beyond 2^53 exactly (no float rounding)', () => {
    const big = 2n ** 53n;
    const at = (minorAmount: bigint) => sessionFingerprint({ ...BASE, amount: { minorAmount, currency: 'USD' } });
    expect(Number(big) === Number(big + 1n)).toBe(true); // the trap a number-based fingerprint would fall into
    expect(at(big)).not.toBe(at(big + 1n));
    expect(at(2n ** 63n - 1n)).not.toBe(at(2n ** 63n - 2n));
    expect(at(2n ** 63n - 1n)).toBe(createHash('sha256').update('["nuvei","order-42","9223372036854775807","USD",true]').digest('hex'));
  });

  it('tells two stored accounts apart, and leaves header sessions’ fingerprints as they were', () => {
    const one = sessionFingerprint({ ...BASE, connectorAccountId: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b' });
    const two = sessionFingerprint({ ...BASE, connectorAccountId: '9a4d3f2b-8c1e-4e6f-8b7a-1c2d3e4f5a6b' });
    expect(one).not.toBe(two);
    expect(sessionFingerprint(BASE)).toBe(createHash('sha256').update('["nuvei","order-42","1000","USD",true]').digest('hex'));
  });
});
