import { checkSchemaCompatibility, formatReport, parseDeclaredChanges } from './schema-compat';

const BASELINE = `
type Query { session(id: ID!): Session, sessions(first: Int): [Session!]! }
type Session { id: ID!, status: String!, amount: Int }
`;

describe('checkSchemaCompatibility', () => {
  it('accepts additive changes (new field, new optional argument)', async () => {
    const current = `
type Query { session(id: ID!): Session, sessions(first: Int, after: String): [Session!]! }
type Session { id: ID!, status: String!, amount: Int, currency: String }
`;
    const report = await checkSchemaCompatibility(BASELINE, current, []);
    expect(report).toEqual({ undeclared: [], declared: [], unused: [] });
    expect(formatReport(report)).toBe('No breaking change against the baseline.');
  });

  it('reports a removed field, a changed type and a new required argument', async () => {
    const current = `
type Query { session(id: ID!): Session, sessions(first: Int, merchant: ID!): [Session!]! }
type Session { id: ID!, amount: String }
`;
    const report = await checkSchemaCompatibility(BASELINE, current, []);
    expect(report.undeclared.map((c) => `${c.type} ${c.path}`).sort()).toEqual([
      'FIELD_ARGUMENT_ADDED Query.sessions.merchant',
      'FIELD_REMOVED Session.status',
      'FIELD_TYPE_CHANGED Session.amount',
    ]);
    expect(formatReport(report)).toContain('apps/api/schema-breaking-changes.json');
  });

  it('allows a declared breaking change and flags a declaration that matches nothing', async () => {
    const current = `
type Query { session(id: ID!): Session, sessions(first: Int): [Session!]! }
type Session { id: ID!, amount: Int }
`;
    const declared = parseDeclaredChanges(
      JSON.stringify([
        { type: 'FIELD_REMOVED', path: 'Session.status', reason: 'No dashboard ever read it (checked with every merchant).' },
        { type: 'FIELD_REMOVED', path: 'Session.nothing', reason: 'A stale declaration left behind.' },
      ]),
    );
    const report = await checkSchemaCompatibility(BASELINE, current, declared);
    expect(report.undeclared).toEqual([]);
    expect(report.declared.map((c) => c.path)).toEqual(['Session.status']);
    expect(report.unused.map((c) => c.path)).toEqual(['Session.nothing']);
  });

  it('refuses a declaration without a reason', () => {
    expect(() => parseDeclaredChanges('[{"type":"FIELD_REMOVED","path":"Session.status","reason":""}]')).toThrow(/0\.reason/);
  });
});
