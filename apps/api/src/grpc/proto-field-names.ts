/** `merchantSessionId` → `merchant_session_id`. */
function snake(segment: string): string {
  return segment.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Renames of CS-C (`CreateServerSessionAuthenticationToken`) fields, by their CS-B name. */
export const SERVER_SESSION_FIELDS: Readonly<Record<string, string>> = {
  merchant_session_id: 'merchant_server_session_id',
  amount: 'payment.amount',
  metadata: 'payment.metadata',
  browser_info: 'payment.browser_info',
};

/**
 * The proto name of a field reported by the shared validation (GraphQL-style `input.amount.minorAmount`,
 * or a header such as `x-connector-config.config.Nuvei.merchant_id`, which is kept as it is).
 * `renames` maps a CS-B top-level field to its name in the request actually received.
 */
export function protoFieldName(field: string, renames: Readonly<Record<string, string>> = {}): string {
  if (field.startsWith('x-')) return field;
  const path = (field === 'input' ? '' : field.replace(/^input\./, '')).split('.').filter((part) => part !== '').map(snake);
  if (path.length === 0) return 'request';
  // Secrets travel as SecretString: the GraphQL string is the message's `value`.
  if (path.length === 1 && (path[0] === 'metadata' || path[0] === 'connector_feature_data')) path.push('value');
  if (path.join('.') === 'state.access_token.token') path.push('value');
  const head = path[0] as string;
  const renamed = renames[head];
  return [renamed ?? head, ...path.slice(1)].join('.');
}
