import { InvalidInputError } from '../errors/app-errors';
import { validateExpiry, validateKeyName } from './api-key-input';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('validateKeyName', () => {
  it('trims and accepts up to 100 characters (counted as code points)', () => {
    expect(validateKeyName('  ci deploys ', 'input.name')).toBe('ci deploys');
    expect(validateKeyName('💳'.repeat(100), 'input.name')).toBe('💳'.repeat(100));
  });

  it.each([
    ['empty', '', 'EMPTY'],
    ['blank', ' \t ', 'EMPTY'],
    ['too long', 'x'.repeat(101), 'TOO_LONG'],
    ['a newline', 'a\nb', 'INVALID_CHARACTERS'],
    ['NUL', 'a\u0000b', 'INVALID_CHARACTERS'],
    ['a C1 control', 'a\u0085b', 'INVALID_CHARACTERS'],
    ['a bidi override', 'a\u202eb', 'INVALID_CHARACTERS'],
  ])('refuses %s, naming the field', (_label, name, reason) => {
    expect(() => validateKeyName(name, 'input.name')).toThrow(expect.objectContaining({ reason, field: 'input.name' }) as InvalidInputError);
  });
});

describe('validateExpiry', () => {
  it('accepts none and a future time', () => {
    expect(validateExpiry(null, NOW, 'input.expiresAt')).toBeNull();
    expect(validateExpiry(undefined, NOW, 'input.expiresAt')).toBeNull();
    expect(validateExpiry(new Date(NOW.getTime() + 1), NOW, 'input.expiresAt')).toEqual(new Date(NOW.getTime() + 1));
  });

  it('refuses now, the past and invalid dates', () => {
    expect(() => validateExpiry(NOW, NOW, 'input.expiresAt')).toThrow(expect.objectContaining({ reason: 'IN_THE_PAST', field: 'input.expiresAt' }) as InvalidInputError);
    expect(() => validateExpiry(new Date(0), NOW, 'input.expiresAt')).toThrow(expect.objectContaining({ reason: 'IN_THE_PAST' }) as InvalidInputError);
    expect(() => validateExpiry(new Date(Number.NaN), NOW, 'input.expiresAt')).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }) as InvalidInputError);
  });
});
