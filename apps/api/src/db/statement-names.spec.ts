import { createStatementNameGenerator } from './statement-names';

describe('createStatementNameGenerator', () => {
  it('gives one stable, Postgres-sized name per SQL text', () => {
    const name = createStatementNameGenerator();
    const a = name({ sql: 'SELECT 1' });
    expect(a).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
    expect(name({ sql: 'SELECT 2' })).not.toBe(a);
    // Same text, another generator (another process): the same name.
    expect(createStatementNameGenerator()({ sql: 'SELECT 1' })).toBe(a);
  });

  it('names at most `limit` texts and runs the rest unnamed', () => {
    const name = createStatementNameGenerator(2);
    const first = name({ sql: 'SELECT 1' });
    name({ sql: 'SELECT 2' });
    expect(name({ sql: 'SELECT 3' })).toBe('');
    expect(name({ sql: 'SELECT 1' })).toBe(first);
  });
});
