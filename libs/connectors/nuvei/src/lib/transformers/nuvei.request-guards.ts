import { IntegrationError, type FlowName } from '@prism-sessions/connector-interfaces';

/** A required input that is missing: nothing is sent. The message names the field only. */
export function missingField(flow: FlowName, field: string, suggestedAction?: string): IntegrationError {
  return new IntegrationError('MISSING_REQUIRED_FIELD', `${field} is required by Nuvei`, {
    connector: 'nuvei',
    flow,
    field,
    ...(suggestedAction === undefined ? {} : { suggestedAction }),
  });
}
