import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@prism-sessions/platform-database';
import { DECLARED_BREAKING_CHANGES_FILE, printAppSchema, SCHEMA_BASELINE_FILE, SCHEMA_FILE } from '../graphql/schema-file';
import { checkSchemaCompatibility, formatReport, parseDeclaredChanges } from '../graphql/schema-compat';

/**
 * `schema generate`: writes apps/api/schema.graphql. `schema check`: the breaking-change check against
 * the baseline (what the schema-contract spec runs in CI). `schema release`: makes the committed schema
 * the new baseline and clears the declared changes (run when a release is cut).
 */
async function main(command: string | undefined): Promise<number> {
  const root = findWorkspaceRoot();
  const file = (name: string) => path.join(root, name);
  switch (command) {
    case 'generate':
      writeFileSync(file(SCHEMA_FILE), await printAppSchema());
      process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
      return 0;
    case 'check': {
      const report = await checkSchemaCompatibility(
        readFileSync(file(SCHEMA_BASELINE_FILE), 'utf8'),
        readFileSync(file(SCHEMA_FILE), 'utf8'),
        parseDeclaredChanges(readFileSync(file(DECLARED_BREAKING_CHANGES_FILE), 'utf8')),
      );
      process.stdout.write(`${formatReport(report)}\n`);
      return report.undeclared.length === 0 && report.unused.length === 0 ? 0 : 1;
    }
    case 'release':
      writeFileSync(file(SCHEMA_BASELINE_FILE), readFileSync(file(SCHEMA_FILE), 'utf8'));
      writeFileSync(file(DECLARED_BREAKING_CHANGES_FILE), '[]\n');
      process.stdout.write(`${SCHEMA_FILE} is now the baseline; ${DECLARED_BREAKING_CHANGES_FILE} cleared\n`);
      return 0;
    default:
      process.stderr.write('usage: schema generate | check | release\n');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
