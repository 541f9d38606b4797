import { buildSchema } from 'graphql';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { z } from 'zod';

/** A breaking change the team accepted since the baseline (an entry of schema-breaking-changes.json). */
export interface DeclaredChange {
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`, `FIELD_TYPE_CHANGED`, `FIELD_ARGUMENT_ADDED`. */
  readonly type: string;
  /** graphql-inspector's path, e.g. `PaymentSession.status` or `Query.paymentSessions.first`. */
  readonly path: string;
  /** Why clients can live with it (and how they were told). */
  readonly reason: string;
}

/** A breaking change as reported. */
export interface BreakingChange {
  readonly type: string;
  readonly path: string;
  readonly message: string;
}

/** The result of {@link checkSchemaCompatibility}. */
export interface CompatibilityReport {
  /** Breaking changes nobody declared: the check fails. */
  readonly undeclared: readonly BreakingChange[];
  /** Breaking changes declared with a reason: allowed. */
  readonly declared: readonly (BreakingChange & { readonly reason: string })[];
  /** Declarations matching no change (stale, or a typo): the check fails so the file stays honest. */
  readonly unused: readonly DeclaredChange[];
}

const declaredChangesSchema = z.array(z.strictObject({ type: z.string().min(1), path: z.string().min(1), reason: z.string().trim().min(10, 'give a real reason') }));

/** Parses schema-breaking-changes.json; throws naming the bad entry. */
export function parseDeclaredChanges(json: string): DeclaredChange[] {
  const parsed = declaredChangesSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Invalid declared breaking changes: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const keyOf = (change: { type: string; path: string }): string => `${change.type} ${change.path}`;

/**
 * Compares the current SDL with the baseline using graphql-inspector and sorts the breaking changes
 * (removed fields or types, changed types, new required arguments, …) into declared and undeclared.
 */
export async function checkSchemaCompatibility(baselineSdl: string, currentSdl: string, declared: readonly DeclaredChange[]): Promise<CompatibilityReport> {
  const changes: Change[] = await diff(buildSchema(baselineSdl), buildSchema(currentSdl));
  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ type: String(change.type), path: change.path ?? '', message: change.message }));
  const reasons = new Map(declared.map((entry) => [keyOf(entry), entry.reason]));
  const seen = new Set(breaking.map(keyOf));
  return {
    undeclared: breaking.filter((change) => !reasons.has(keyOf(change))),
    declared: breaking.flatMap((change) => {
      const reason = reasons.get(keyOf(change));
      return reason === undefined ? [] : [{ ...change, reason }];
    }),
    unused: declared.filter((entry) => !seen.has(keyOf(entry))),
  };
}

/** A human-readable report, with what to do about each problem. */
export function formatReport(report: CompatibilityReport): string {
  const lines: string[] = [];
  for (const change of report.undeclared) lines.push(`BREAKING (undeclared) ${change.type} at ${change.path}: ${change.message}`);
  for (const change of report.declared) lines.push(`breaking (declared) ${change.type} at ${change.path}: ${change.message} — ${change.reason}`);
  for (const entry of report.unused) lines.push(`STALE declaration ${entry.type} at ${entry.path}: no such change against the baseline; remove it`);
  if (report.undeclared.length > 0) {
    lines.push(
      'The schema breaks clients generated from the released contract (apps/api/schema.baseline.graphql).',
      'Prefer an additive change (deprecate, add an optional argument). If the break is intended, add',
      '{ "type": "<TYPE>", "path": "<path>", "reason": "<why clients can live with it>" } to apps/api/schema-breaking-changes.json.',
    );
  }
  if (lines.length === 0) lines.push('No breaking change against the baseline.');
  return lines.join('\n');
}
