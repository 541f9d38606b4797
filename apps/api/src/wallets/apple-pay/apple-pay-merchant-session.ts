// Placeholder: replaced by the applepay branch at merge.
import type { Secret } from '@prism-sessions/masking';

export interface ApplePayMerchantSessionRequest {
  certificatePem: Secret<string>;
  privateKeyPem: Secret<string>;
  merchantIdentifier: string;
  displayName: string;
  initiativeContext: string; // the merchant domain
}
export type ApplePayMerchantSessionFailure = 'APPLE_PAY_REFUSED' | 'APPLE_PAY_TIMEOUT' | 'APPLE_PAY_UNREACHABLE' | 'APPLE_PAY_BAD_RESPONSE';
export type ApplePayMerchantSessionResult = { ok: true; session: Record<string, unknown> } | { ok: false; code: ApplePayMerchantSessionFailure; message: string };
export interface ApplePayMerchantSessionClient {
  requestSession(request: ApplePayMerchantSessionRequest): Promise<ApplePayMerchantSessionResult>;
  close(): Promise<void>;
}
export interface ApplePayMerchantSessionClientOptions {
  baseUrl: string;
  timeoutMs: number;
  caPem?: string;
}

export function createApplePayMerchantSessionClient(options: ApplePayMerchantSessionClientOptions): ApplePayMerchantSessionClient {
  void options;
  return {
    requestSession: () => Promise.resolve({ ok: false, code: 'APPLE_PAY_UNREACHABLE', message: 'Apple Pay merchant validation is not available in this build' }),
    close: () => Promise.resolve(),
  };
}
