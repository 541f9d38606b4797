import { effectiveStatus, type SessionStatus } from './session-record';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const ms = (offset: number) => new Date(NOW.getTime() + offset);

describe('effectiveStatus', () => {
  it('keeps an ACTIVE session ACTIVE before its expiry', () => {
    expect(effectiveStatus({ status: 'ACTIVE', expiresAt: ms(1) }, NOW)).toBe('ACTIVE');
    expect(effectiveStatus({ status: 'ACTIVE', expiresAt: ms(15 * 60_000) }, NOW)).toBe('ACTIVE');
  });

  it('reports an ACTIVE session as EXPIRED at exactly its expiry', () => {
    expect(effectiveStatus({ status: 'ACTIVE', expiresAt: ms(0) }, NOW)).toBe('EXPIRED');
  });

  it('reports an ACTIVE session as EXPIRED after its expiry', () => {
    expect(effectiveStatus({ status: 'ACTIVE', expiresAt: ms(-1) }, NOW)).toBe('EXPIRED');
    expect(effectiveStatus({ status: 'ACTIVE', expiresAt: new Date(0) }, NOW)).toBe('EXPIRED');
  });

  it('keeps an ACTIVE session without an expiry ACTIVE', () => {
    expect(effectiveStatus({ status: 'ACTIVE', expiresAt: null }, NOW)).toBe('ACTIVE');
  });

  it('does not mutate the record', () => {
    const record = { status: 'ACTIVE' as const, expiresAt: ms(-1) };
    effectiveStatus(record, NOW);
    expect(record).toEqual({ status: 'ACTIVE', expiresAt: ms(-1) });
  });

  const OTHERS: SessionStatus[] = ['PENDING', 'EXPIRED', 'FAILED', 'REVOKED', 'OUTCOME_UNKNOWN'];
  it.each(OTHERS)('leaves %s untouched whether expiry is past, now, future or absent', (status) => {
    for (const expiresAt of [ms(-60_000), ms(0), ms(60_000), null]) {
      expect(effectiveStatus({ status, expiresAt }, NOW)).toBe(status);
    }
  });
});
