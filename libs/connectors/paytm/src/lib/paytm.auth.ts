import { IntegrationError, type FlowName } from '@org/connector-interfaces';
import type { ConnectorCredentials, PaytmCredentials } from '@org/domain-types';
import { isSecret } from '@org/masking';

/**
 * Narrows generic credentials to Paytm's (upstream `PaytmAuthType`).
 * @throws IntegrationError `FAILED_TO_OBTAIN_AUTH_TYPE` for another connector's credentials or
 *   missing fields; the message names fields only.
 */
export function parsePaytmCredentials(credentials: ConnectorCredentials, flow: FlowName = 'sessionToken'): PaytmCredentials {
  const fail = (message: string) =>
    new IntegrationError('FAILED_TO_OBTAIN_AUTH_TYPE', message, {
      connector: 'paytm',
      flow,
      suggestedAction: 'Configure Paytm credentials: merchant_id, merchant_key, website and optionally client_id',
    });
  if (credentials.connector !== 'paytm') throw fail('The credentials are not Paytm credentials');
  const { merchantId, merchantKey, website, clientId } = credentials;
  for (const [name, value] of [['merchantId', merchantId], ['merchantKey', merchantKey], ['website', website]] as const) {
    if (!isSecret(value) || typeof value.peek() !== 'string' || value.peek() === '') {
      throw fail(`Paytm credentials: ${name} is missing`);
    }
  }
  if (clientId !== undefined && (!isSecret(clientId) || typeof clientId.peek() !== 'string')) {
    throw fail('Paytm credentials: clientId must be a string');
  }
  return credentials;
}
