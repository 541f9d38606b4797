import { createHash } from 'node:crypto';
import type { Money } from '@prism-sessions/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';

/** The parameters that must be identical for a request to count as a retry of the same session. */
export interface FingerprintInput {
  readonly connector: ConnectorId;
  readonly merchantSessionId: string;
  readonly amount: Money;
  readonly testMode: boolean;
  /** The stored account used; absent for x-connector-config (and then left out, so older fingerprints still match). */
  readonly connectorAccountId?: string;
}

/** SHA-256 over the replay-relevant parameters, in a fixed order. */
export function sessionFingerprint(input: FingerprintInput): string {
  const fields: unknown[] = [input.connector, input.merchantSessionId, input.amount.minorAmount.toString(), input.amount.currency, input.testMode];
  if (input.connectorAccountId !== undefined) fields.push({ account: input.connectorAccountId });
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical).digest('hex');
}
