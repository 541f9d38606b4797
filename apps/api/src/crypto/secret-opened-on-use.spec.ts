import { inspect } from 'node:util';
import { DEFAULT_MASK, isSecret, redact } from '@prism-sessions/masking';
import { secretOpenedOnUse } from './secret-opened-on-use';

describe('secretOpenedOnUse', () => {
  it('opens the value on peek, expose and map, every time', () => {
    const open = jest.fn(() => 'tok_123');
    const secret = secretOpenedOnUse(open);
    expect(secret.peek()).toBe('tok_123');
    expect(secret.expose()).toBe('tok_123');
    expect(secret.map((value) => value.length).expose()).toBe(7);
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('renders the default mask without opening the value', () => {
    const open = jest.fn(() => 'tok_123');
    const secret = secretOpenedOnUse(open);
    expect(isSecret(secret)).toBe(true);
    expect([String(secret), `${secret}`, secret.masked(), inspect(secret), JSON.stringify({ secret })]).toEqual([DEFAULT_MASK, DEFAULT_MASK, DEFAULT_MASK, DEFAULT_MASK, JSON.stringify({ secret: DEFAULT_MASK })]);
    expect(redact({ session: { token: secret, other: secret } })).toEqual({ session: { token: '[REDACTED]', other: DEFAULT_MASK } });
    expect(open).not.toHaveBeenCalled();
  });

  it('fails only where the value is used', () => {
    const secret = secretOpenedOnUse(() => {
      throw new Error('cannot open');
    });
    expect(secret.masked()).toBe(DEFAULT_MASK);
    expect(() => secret.expose()).toThrow('cannot open');
  });
});
