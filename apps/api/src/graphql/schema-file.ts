import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './schema';

/** The committed contract, relative to the workspace root. */
export const SCHEMA_FILE = 'apps/api/schema.graphql';
/** The last released contract the breaking-change check compares with (ADR "schema contract"). */
export const SCHEMA_BASELINE_FILE = 'apps/api/schema.baseline.graphql';
/** Breaking changes accepted since the baseline, each with a reason. */
export const DECLARED_BREAKING_CHANGES_FILE = 'apps/api/schema-breaking-changes.json';
/** The command that rewrites {@link SCHEMA_FILE}. */
export const REGENERATE_COMMAND = 'npm run schema:generate';

const HEADER = `# GENERATED from the type-graphql resolvers by \`${REGENERATE_COMMAND}\`: do not edit by hand.\n# Sorted lexicographically so that moving code around does not change the contract's text.\n\n`;

/** The SDL of the schema the app serves, sorted so the text depends only on the schema's content. */
export async function printAppSchema(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
