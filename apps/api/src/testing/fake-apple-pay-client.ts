import type { ApplePayMerchantSessionClient, ApplePayMerchantSessionRequest, ApplePayMerchantSessionResult } from '../wallets/apple-pay/apple-pay-merchant-session';

/** A recorded Apple call (certificate and key left out: tests assert on what identifies the merchant). */
export interface RecordedAppleCall {
  readonly merchantIdentifier: string;
  readonly displayName: string;
  readonly initiativeContext: string;
  readonly certificatePem: string;
}

/**
 * An in-memory Apple Pay merchant-validation client for service-level tests: records each request
 * and answers with `respond` (by default a merchant session shaped like Apple's). `gate`, when set,
 * holds every call until it resolves (for lock tests).
 */
export class FakeApplePayClient implements ApplePayMerchantSessionClient {
  readonly calls: RecordedAppleCall[] = [];
  respond: (request: ApplePayMerchantSessionRequest, callIndex: number) => ApplePayMerchantSessionResult = (request) => ({ ok: true, session: appleSessionFor(request) });
  gate: Promise<void> | undefined;

  async requestSession(request: ApplePayMerchantSessionRequest): Promise<ApplePayMerchantSessionResult> {
    const index = this.calls.length;
    this.calls.push({ merchantIdentifier: request.merchantIdentifier, displayName: request.displayName, initiativeContext: request.initiativeContext, certificatePem: request.certificatePem.expose() });
    if (this.gate) await this.gate;
    return this.respond(request, index);
  }

  reset(): void {
    this.calls.length = 0;
    this.gate = undefined;
    this.respond = (request) => ({ ok: true, session: appleSessionFor(request) });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A merchant session as Apple returns it (camelCase; one hour of validity, as in upstream PR #9687). */
export function appleSessionFor(request: Pick<ApplePayMerchantSessionRequest, 'merchantIdentifier' | 'displayName' | 'initiativeContext'>): Record<string, unknown> {
  return {
    epochTimestamp: 1764928800000,
    expiresAt: 1764932400000,
    merchantSessionIdentifier: 'SSH_TEST_SESSION',
    nonce: 'a1b2c3d4',
    merchantIdentifier: 'ABCDEF0123456789',
    domainName: request.initiativeContext,
    displayName: request.displayName,
    signature: 'MIAGCSqGSIb3DQEHAqCAMIACAQExDTALBglghkgBZQMEAgEwgAYJKoZIhvcNAQcBAAA',
    operationalAnalyticsIdentifier: `${request.displayName}:ABCDEF`,
    retries: 0,
    pspId: 'ABCDEF0123456789',
  };
}
