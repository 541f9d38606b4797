import { Secret } from '@prism-sessions/masking';
import { clientSecretMatches, generateClientSecret, generatePaymentId, hashClientSecret, isClientSecretExpired, PAYMENT_ID_PATTERN } from './client-secret';

describe('payment ids and client secrets', () => {
  it('mints pay_ + 20 alphanumerics and {payment_id}_secret_{20 alphanumerics}', () => {
    const id = generatePaymentId();
    expect(id).toMatch(PAYMENT_ID_PATTERN);
    const secret = generateClientSecret(id).expose();
    expect(secret).toMatch(new RegExp(`^${id}_secret_[0-9A-Za-z]{20}$`));
    expect(secret).toHaveLength(52);
    expect(generatePaymentId()).not.toBe(id);
  });

  it('hashes with SHA-256 (reference vector)', () => {
    expect(hashClientSecret(new Secret('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches only the stored secret of this payment', () => {
    const id = 'pay_AAAAAAAAAAAAAAAAAAAA';
    const secret = new Secret(`${id}_secret_BBBBBBBBBBBBBBBBBBBB`);
    const hash = hashClientSecret(secret);
    expect(clientSecretMatches(secret, id, hash)).toBe(true);
    expect(clientSecretMatches(new Secret(`${id}_secret_BBBBBBBBBBBBBBBBBBBC`), id, hash)).toBe(false);
    expect(clientSecretMatches(secret, 'pay_CCCCCCCCCCCCCCCCCCCC', hash)).toBe(false);
    expect(clientSecretMatches(new Secret('no-marker'), id, hash)).toBe(false);
    expect(clientSecretMatches(secret, id, null)).toBe(false);
  });

  it('treats the deadline itself as valid and one millisecond later as expired', () => {
    const deadline = new Date('2026-12-05T10:15:00.000Z');
    expect(isClientSecretExpired(deadline, new Date('2026-12-05T10:15:00.000Z'))).toBe(false);
    expect(isClientSecretExpired(deadline, new Date('2026-12-05T10:15:00.001Z'))).toBe(true);
  });
});
