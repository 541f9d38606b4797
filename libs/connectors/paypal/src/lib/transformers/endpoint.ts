/** `baseUrl` (sandbox, production or a test server, from the caller) joined with an endpoint path. */
export function paypalEndpoint(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}
