import { createHash } from 'node:crypto';
import type { Money } from '@org/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';

/** The parameters that must be identical for a request to count as a retry of the same session. */
export interface FingerprintInput {
  readonly connector: ConnectorId;
  readonly merchantSessionId: string;
  readonly amount: Money;
  readonly testMode: boolean;
}

/** SHA-256 over the replay-relevant parameters, in a fixed order. */
export function sessionFingerprint(input: FingerprintInput): string {
  const canonical = JSON.stringify([input.connector, input.merchantSessionId, input.amount.minorAmount.toString(), input.amount.currency, input.testMode]);
  return createHash('sha256').update(canonical).digest('hex');
}
