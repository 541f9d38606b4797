import type { Secret } from '@prism-sessions/masking';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { ApplePayAgentCache } from './apple-pay-agent-cache';
import { MAX_APPLE_PAY_RESPONSE_BYTES, applePayAnswerOutcome, applePayTransportOutcome } from './apple-pay-outcome';

/** One merchant validation call: the account's identity (mutual TLS) and the body Apple wants. */
export interface ApplePayMerchantSessionRequest {
  certificatePem: Secret<string>;
  privateKeyPem: Secret<string>;
  merchantIdentifier: string;
  displayName: string;
  /** The merchant domain the payment sheet runs on (`initiativeContext`). */
  initiativeContext: string;
}

/**
 * Why no merchant session came back:
 * - `APPLE_PAY_REFUSED`: Apple answered 4xx, or refused the client certificate during or right after the TLS handshake;
 * - `APPLE_PAY_TIMEOUT`: no complete answer within `timeoutMs` (connect, headers and body together);
 * - `APPLE_PAY_UNREACHABLE`: connection refused or reset, DNS, Apple's server certificate not trusted, or 5xx;
 * - `APPLE_PAY_BAD_RESPONSE`: an answer that is not a JSON object, too large, or cut off.
 */
export type ApplePayMerchantSessionFailure = 'APPLE_PAY_REFUSED' | 'APPLE_PAY_TIMEOUT' | 'APPLE_PAY_UNREACHABLE' | 'APPLE_PAY_BAD_RESPONSE';

/** Apple's opaque merchant session (passed to the browser as is), or a failure with a message free of credentials. */
export type ApplePayMerchantSessionResult = { ok: true; session: Record<string, unknown> } | { ok: false; code: ApplePayMerchantSessionFailure; message: string };

/** Apple Pay's merchant validation endpoint, reached over mutual TLS. */
export interface ApplePayMerchantSessionClient {
  /** Asks Apple for a merchant session; never throws for a network or Apple failure. */
  requestSession(request: ApplePayMerchantSessionRequest): Promise<ApplePayMerchantSessionResult>;
  /** Closes the cached connections. */
  close(): Promise<void>;
}

/** Options of {@link createApplePayMerchantSessionClient}. */
export interface ApplePayMerchantSessionClientOptions {
  /** E.g. `https://apple-pay-gateway.apple.com/`; the call goes to `{baseUrl}paymentservices/paymentSession`. */
  baseUrl: string;
  /** Bound of one call, connect + headers + body. */
  timeoutMs: number;
  /** Extra trusted CA (PEM) for Apple's server certificate (the simulator's); Node's bundled roots when absent. */
  caPem?: string;
}

/** The merchant validation path below the base URL. */
export const PAYMENT_SESSION_PATH = 'paymentservices/paymentSession';

function paymentSessionUrl(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch {
    throw new TypeError('baseUrl must be an absolute https URL');
  }
  if (base.protocol !== 'https:') throw new TypeError('baseUrl must be an https URL (the call is mutual TLS)');
  return new URL(PAYMENT_SESSION_PATH, base);
}

async function readLimited(body: Dispatcher.ResponseData['body']): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_APPLE_PAY_RESPONSE_BYTES) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Creates the client of Apple's merchant validation call (`POST {baseUrl}paymentservices/paymentSession`,
 * body `{merchantIdentifier, displayName, initiative: "web", initiativeContext}`), presenting the
 * account's merchant identity certificate over mutual TLS (undici, one agent per identity). Each call
 * opens its own connection (no keep-alive reuse), so a connection Apple closes after the handshake
 * is a refusal of that certificate, never a stale pooled socket.
 *
 * @throws TypeError for a base URL that is not https or a timeout that is not a positive integer.
 * @example
 * const apple = createApplePayMerchantSessionClient({ baseUrl: 'https://apple-pay-gateway.apple.com/', timeoutMs: 10_000 });
 * const result = await apple.requestSession({ certificatePem, privateKeyPem, merchantIdentifier, displayName: 'Shop', initiativeContext: 'shop.example.com' });
 */
export function createApplePayMerchantSessionClient(options: ApplePayMerchantSessionClientOptions): ApplePayMerchantSessionClient {
  const url = paymentSessionUrl(options.baseUrl);
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) throw new TypeError('timeoutMs must be a positive integer');
  const timeoutMs = options.timeoutMs;
  const agents = new ApplePayAgentCache({ timeoutMs, ...(options.caPem === undefined ? {} : { caPem: options.caPem }) });

  const requestSession = async (request: ApplePayMerchantSessionRequest): Promise<ApplePayMerchantSessionResult> => {
    const body = JSON.stringify({ merchantIdentifier: request.merchantIdentifier, displayName: request.displayName, initiative: 'web', initiativeContext: request.initiativeContext });
    const deadline = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, timeoutMs);
    let phase: 'request' | 'body' = 'request';
    try {
      const dispatcher = agents.agentFor(request);
      const response = await undiciRequest(url, {
        method: 'POST',
        dispatcher,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: deadline.signal,
        reset: true,
      });
      phase = 'body';
      const text = await readLimited(response.body);
      if (text === undefined) return { ok: false, code: 'APPLE_PAY_BAD_RESPONSE', message: `Apple Pay's answer is larger than ${MAX_APPLE_PAY_RESPONSE_BYTES} bytes` };
      return applePayAnswerOutcome(response.statusCode, text);
    } catch (error) {
      return applePayTransportOutcome(error, { timedOut, timeoutMs, phase });
    } finally {
      clearTimeout(timer);
    }
  };

  return { requestSession, close: () => agents.closeAll() };
}
