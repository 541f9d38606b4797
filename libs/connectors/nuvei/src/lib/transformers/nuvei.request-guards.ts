import { IntegrationError, type FlowName } from '@org/connector-interfaces';
import { UNSUPPORTED_CURRENCIES, type Money } from '@org/domain-types';

/** A required input that is missing: nothing is sent. The message names the field only. */
export function missingField(flow: FlowName, field: string, suggestedAction?: string): IntegrationError {
  return new IntegrationError('MISSING_REQUIRED_FIELD', `${field} is required by Nuvei`, {
    connector: 'nuvei',
    flow,
    field,
    ...(suggestedAction === undefined ? {} : { suggestedAction }),
  });
}

/** Refuses currencies upstream rejects before any connector call (`unsupported_currency`). */
export function assertSupportedCurrency(amount: Money, flow: FlowName): void {
  if (UNSUPPORTED_CURRENCIES.has(amount.currency)) {
    throw new IntegrationError('UNSUPPORTED_CURRENCY', `Currency ${amount.currency} is not supported`, {
      connector: 'nuvei',
      flow,
      field: 'amount.currency',
    });
  }
}
