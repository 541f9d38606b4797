import { formatNuveiTimestamp, nuveiPaymentChecksum, nuveiSessionChecksum, parseNuveiTimestamp } from './nuvei.checksum';

const probe = { merchantId: 'probe_merchant', merchantSiteId: 'probe_id', timeStamp: '20250101120000', merchantSecret: 'probe_secret' };

describe('nuveiSessionChecksum', () => {
  it('matches the reference vector', () => {
    expect(nuveiSessionChecksum({ ...probe, clientRequestId: 'session_001' })).toBe('1b12e41c3c8da77088fca2d1df1c1fd8514e4b3193649c0546610eb82ba11f41');
  });

  it('matches the reference vector for an empty clientRequestId', () => {
    expect(nuveiSessionChecksum({ ...probe, clientRequestId: '' })).toBe('48cf2fcb90e59daf3e3bfb6237bce89918b85b7fe2b41e2f641eb9934996242c');
  });

  it('matches the SDK vector', () => {
    const checksum = nuveiSessionChecksum({
      merchantId: '1234567890123456789',
      merchantSiteId: '123456',
      clientRequestId: '7f1c0d3e-1a2b-11f0-9c3a-0242ac120002',
      timeStamp: '20260115093000',
      merchantSecret: 'SeCrEtKeY0123456789abcdef',
    });
    expect(checksum).toBe('b6dbe0c70ebb89aef4de71dde74352bd36b1edde52f9198eb60ab8d634da770b');
  });

  it('is 64 lowercase hex characters', () => {
    expect(nuveiSessionChecksum({ ...probe, clientRequestId: 'x' })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('nuveiPaymentChecksum', () => {
  it('matches the payment.do reference vector', () => {
    expect(nuveiPaymentChecksum({ ...probe, clientRequestId: 'txn_001', amount: '10.00', currency: 'USD' })).toBe(
      'de4f285a657c89d0124aa9d05a06dcebe1027f0b5f160ad615e567a40dac43af',
    );
  });

  it('signs amount and currency', () => {
    const base = { ...probe, clientRequestId: 'txn_001', amount: '10.00', currency: 'USD' };
    expect(nuveiPaymentChecksum({ ...base, amount: '10.01' })).not.toBe(nuveiPaymentChecksum(base));
    expect(nuveiPaymentChecksum({ ...base, currency: 'EUR' })).not.toBe(nuveiPaymentChecksum(base));
  });
});

describe('formatNuveiTimestamp', () => {
  it.each([
    ['2025-01-01T12:00:00Z', '20250101120000'],
    ['2025-01-01T00:00:00Z', '20250101000000'],
    ['2024-12-31T23:59:59Z', '20241231235959'],
    ['2025-03-05T04:06:07Z', '20250305040607'],
    ['2024-02-29T09:08:07.999Z', '20240229090807'],
  ])('formats %s as %s', (iso, expected) => {
    expect(formatNuveiTimestamp(new Date(iso))).toBe(expected);
  });

  it('uses UTC whatever offset the date was written with', () => {
    expect(formatNuveiTimestamp(new Date('2025-01-01T01:30:00+05:30'))).toBe('20241231200000');
    expect(formatNuveiTimestamp(new Date('2024-12-31T20:00:00-08:00'))).toBe('20250101040000');
  });

  it('refuses an invalid date', () => {
    expect(() => formatNuveiTimestamp(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('parseNuveiTimestamp', () => {
  it('reads a timestamp back as UTC', () => {
    expect(parseNuveiTimestamp('20250101120000')?.toISOString()).toBe('2025-01-01T12:00:00.000Z');
  });

  it.each(['2025010112000', '202501011200000', '2025-01-01T12', '20251301120000', '20250230120000', '20250101240000', ''])(
    'refuses %p',
    (raw) => {
      expect(parseNuveiTimestamp(raw)).toBeUndefined();
    },
  );
});
