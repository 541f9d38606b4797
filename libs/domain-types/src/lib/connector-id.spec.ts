import { ATTEMPT_STATUSES } from './attempt-status';
import { CONNECTOR_IDS, isConnectorId } from './connector-id';
import { UNIFIED_ERROR_CODES } from './error-response';

describe('CONNECTOR_IDS / isConnectorId', () => {
  it('lists exactly our two connectors, in upstream’s snake_case', () => {
    expect(CONNECTOR_IDS).toEqual(['nuvei', 'paytm']);
  });

  it.each(['nuvei', 'paytm'])('accepts %s', (id) => {
    expect(isConnectorId(id)).toBe(true);
  });

  it.each(['Nuvei', 'PAYTM', 'stripe', '', ' nuvei', 'nuvei ', 'toString', 'constructor'])('rejects %j (case-sensitive, no inherited keys)', (id) => {
    expect(isConnectorId(id)).toBe(false);
  });
});

describe('enumerations', () => {
  it.each([
    ['UNIFIED_ERROR_CODES', UNIFIED_ERROR_CODES],
    ['ATTEMPT_STATUSES', ATTEMPT_STATUSES],
    ['CONNECTOR_IDS', CONNECTOR_IDS],
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
