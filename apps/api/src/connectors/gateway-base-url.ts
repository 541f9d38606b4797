import type { ConnectorId, RegisteredConnector } from './connector-registry';

/** Operator-level base URL overrides (`<ID>_BASE_URL`, e.g. `NUVEI_BASE_URL`), by connector id. */
export type BaseUrlOverrides = Partial<Record<ConnectorId, string>>;

/** Why a per-request `base_url` was refused. */
export class BaseUrlNotAllowedError extends Error {
  override readonly name = 'BaseUrlNotAllowedError';
}

/**
 * Picks the gateway base URL: a per-request `base_url` only when its host is on the operator's
 * allow-list (upstream allows it unconditionally: an SSRF hole), else the operator override, else
 * upstream's sandbox URL in test mode and production URL otherwise.
 */
export function resolveGatewayBaseUrl(
  connector: RegisteredConnector,
  testMode: boolean,
  overrides: BaseUrlOverrides,
  allowlist: ReadonlySet<string>,
  requestBaseUrl?: string,
): string {
  if (requestBaseUrl !== undefined) {
    let host: string;
    try {
      const url = new URL(requestBaseUrl);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
      host = url.hostname.toLowerCase();
    } catch {
      throw new BaseUrlNotAllowedError('base_url in x-connector-config is not a valid http(s) URL');
    }
    if (!allowlist.has(host)) throw new BaseUrlNotAllowedError('base_url overrides are disabled for this host; ask the operator to allow-list it');
    return requestBaseUrl;
  }
  return overrides[connector.id] ?? (testMode ? connector.baseUrls.sandbox : connector.baseUrls.production);
}
