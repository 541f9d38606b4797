import { ATTEMPT_STATUSES } from './attempt-status';
import { UNIFIED_ERROR_CODES } from './error-response';

describe('enumerations', () => {
  it.each([
    ['UNIFIED_ERROR_CODES', UNIFIED_ERROR_CODES],
    ['ATTEMPT_STATUSES', ATTEMPT_STATUSES],
  ] as const)('%s has no duplicates and only SCREAMING_SNAKE or snake_case values', (_name, values) => {
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^[A-Za-z]+(_[A-Za-z0-9]+)*$/);
  });

  it('ATTEMPT_STATUSES holds the upstream statuses the session and authorize flows use', () => {
    expect([...ATTEMPT_STATUSES].sort()).toEqual(
      ['AUTHENTICATION_FAILED', 'AUTHENTICATION_PENDING', 'AUTHORIZATION_FAILED', 'AUTHORIZED', 'CHARGED', 'FAILURE', 'PENDING'],
    );
  });

  it('UNIFIED_ERROR_CODES are upper case (they reach GraphQL clients)', () => {
    for (const code of UNIFIED_ERROR_CODES) expect(code).toBe(code.toUpperCase());
  });
});
