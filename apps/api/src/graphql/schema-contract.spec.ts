import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@prism-sessions/platform-database';
import { checkSchemaCompatibility, formatReport, parseDeclaredChanges } from './schema-compat';
import { DECLARED_BREAKING_CHANGES_FILE, printAppSchema, REGENERATE_COMMAND, SCHEMA_BASELINE_FILE, SCHEMA_FILE } from './schema-file';

const read = (name: string): string => readFileSync(path.join(findWorkspaceRoot(), name), 'utf8');

describe('the schema contract (apps/api/schema.graphql)', () => {
  it('is what the resolvers generate', async () => {
    const generated = await printAppSchema();
    if (generated !== read(SCHEMA_FILE)) {
      throw new Error(`${SCHEMA_FILE} is out of date with the resolvers: run \`${REGENERATE_COMMAND}\` and commit the result`);
    }
    expect(generated).toContain('type Mutation');
  });

  it('breaks nothing against the released baseline, bar the declared changes', async () => {
    const report = await checkSchemaCompatibility(read(SCHEMA_BASELINE_FILE), read(SCHEMA_FILE), parseDeclaredChanges(read(DECLARED_BREAKING_CHANGES_FILE)));
    if (report.undeclared.length > 0 || report.unused.length > 0) throw new Error(`Schema breaking-change check failed:\n${formatReport(report)}`);
    expect(report.undeclared).toEqual([]);
  });
});
