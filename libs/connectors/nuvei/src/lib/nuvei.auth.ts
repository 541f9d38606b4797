import { IntegrationError, type FlowName } from '@org/connector-interfaces';
import type { ConnectorCredentials, NuveiCredentials } from '@org/domain-types';
import { isSecret } from '@org/masking';

const SECRET_FIELDS = ['merchantId', 'merchantSiteId', 'merchantSecret'] as const;

/**
 * Narrows generic credentials to Nuvei's (upstream `NuveiAuthType::try_from`). Values stay wrapped;
 * error messages name fields, never values.
 *
 * @throws IntegrationError `FAILED_TO_OBTAIN_AUTH_TYPE` for another connector's credentials or a
 *   field that is not a `Secret`.
 */
export function parseNuveiCredentials(credentials: ConnectorCredentials, flow: FlowName = 'sessionToken'): NuveiCredentials {
  if (credentials.connector !== 'nuvei') {
    throw new IntegrationError('FAILED_TO_OBTAIN_AUTH_TYPE', 'Nuvei needs Nuvei credentials (merchantId, merchantSiteId, merchantSecret)', {
      connector: 'nuvei',
      flow,
    });
  }
  for (const field of SECRET_FIELDS) {
    const value: unknown = credentials[field];
    if (!isSecret(value)) {
      throw new IntegrationError('FAILED_TO_OBTAIN_AUTH_TYPE', `Nuvei credentials: ${field} must be a Secret`, { connector: 'nuvei', flow, field });
    }
  }
  return credentials;
}
