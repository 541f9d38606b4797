import { CONNECTORS } from './index';

describe('CONNECTORS', () => {
  it('has unique ids and x-connector-config keys', () => {
    const ids = CONNECTORS.map((connector) => connector.id);
    const keys = CONNECTORS.map((connector) => connector.credentials.configKey);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses lower snake_case ids (they become <ID>_BASE_URL and an upper-case GraphQL/database enum value)', () => {
    for (const connector of CONNECTORS) expect(connector.id).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
