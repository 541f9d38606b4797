import { createHash, randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '@prism-sessions/connector-interfaces';
import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import { z } from 'zod';
import type { MutualTlsRequest, MutualTlsRoute, MutualTlsRoutes } from '../mutual-tls';
import { jsonAnswer } from '../send';

/** A merchant identity the fake Apple Pay knows (its certificate must also come from the trusted CA). */
export interface ApplePayFakeMerchant {
  /** E.g. `merchant.com.example.shop`; the client certificate's subject UID must be this. */
  readonly merchantIdentifier: string;
  /** Registered (verified) domains; any `initiativeContext` is accepted when omitted. */
  readonly domains?: readonly string[];
}

/** Options of {@link createApplePayFakeGateway}. */
export interface ApplePayFakeGatewayOptions {
  readonly merchants: readonly ApplePayFakeMerchant[];
  /** The gateway's clock (default: the system clock). */
  readonly clock?: Clock;
  /** `expiresAt - epochTimestamp` of an issued session (default one hour, as Apple). */
  readonly sessionLifetimeMs?: number;
}

/** An in-process Apple Pay merchant validation endpoint, to serve over mutual TLS. */
export interface ApplePayFakeGateway extends MutualTlsRoutes {
  /** Every request the route handled, in order (with the client certificate). */
  readonly requests: MutualTlsRequest[];
  /** Merchant sessions issued since creation or the last reset. */
  sessionCount(): number;
  /** Forgets requests and issued sessions. */
  reset(): void;
}

/** Path of Apple's merchant validation call below the base URL (`{base}paymentservices/paymentSession`). */
export const APPLE_PAY_PAYMENT_SESSION_PATH = '/paymentservices/paymentSession';

/** Apple's lifetime of a merchant session: one hour. */
export const APPLE_PAY_SESSION_LIFETIME_MS = 3_600_000;

const sessionRequest = z.object({
  merchantIdentifier: z.string().min(1),
  displayName: z.string().min(1).max(64),
  initiative: z.enum(['web', 'messaging', 'in_app']),
  initiativeContext: z.string().min(1),
});

// Apple names merchants in its messages and sessions by the upper-case hex SHA-256 of the identifier.
function merchantHash(identifier: string): string {
  return createHash('sha256').update(identifier, 'utf8').digest('hex').toUpperCase();
}

// Apple's error body: {"statusMessage": "...", "statusCode": "400"} (statusCode is a string).
function appleError(status: number, statusMessage: string): FakeGatewayResponse {
  return jsonAnswer(status, { statusMessage, statusCode: String(status) });
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

/**
 * A fake of Apple's `POST {base}paymentservices/paymentSession` (merchant validation for Apple Pay on
 * the web). Serve it through `startFakeGatewayServer({ mutualTls: { gateways: { apple_pay: fake }, … } })`:
 * the TLS listener refuses a client without a certificate from the trusted CA; this route then checks,
 * like Apple:
 * - the body (`merchantIdentifier`, `displayName` ≤ 64, `initiative`, `initiativeContext`) → 400;
 * - the certificate's merchant (subject UID) is registered here → 403 "… is not a registered merchant …";
 * - the body's `merchantIdentifier` is the certificate's → 403 "… unauthorized to process transactions on behalf of …";
 * - `initiativeContext` is a registered domain (when the merchant lists domains) → 400 "… not registered for domain=…";
 * and answers 200 with an opaque merchant session shaped like Apple's (`epochTimestamp`, `expiresAt`,
 * `merchantSessionIdentifier`, `nonce`, `merchantIdentifier`, `domainName`, `displayName`, `signature`,
 * `operationalAnalyticsIdentifier`, `retries`, `pspId`).
 */
export function createApplePayFakeGateway(options: ApplePayFakeGatewayOptions): ApplePayFakeGateway {
  const clock = options.clock ?? systemClock;
  const lifetime = options.sessionLifetimeMs ?? APPLE_PAY_SESSION_LIFETIME_MS;
  const merchants = new Map(options.merchants.map((merchant) => [merchant.merchantIdentifier, merchant]));
  const requests: MutualTlsRequest[] = [];
  let issued = 0;

  const paymentSession = (request: MutualTlsRequest): FakeGatewayResponse => {
    requests.push(request);
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return appleError(400, 'Payment Services Exception: request body is not JSON');
    }
    const parsed = sessionRequest.safeParse(json);
    if (!parsed.success) return appleError(400, `Payment Services Exception: invalid request (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')})`);
    const body = parsed.data;
    const certified = request.clientCertificate.subject['UID'] ?? '';
    const merchant = merchants.get(certified);
    if (!merchant) {
      return appleError(403, `Payment Services Exception merchantId=${merchantHash(certified)} unauthorized to process transactions on behalf of merchantId=${merchantHash(body.merchantIdentifier)} reason=${merchantHash(certified)} is not a registered merchant in WWDR`);
    }
    if (body.merchantIdentifier !== certified) {
      return appleError(403, `Payment Services Exception merchantId=${merchantHash(certified)} unauthorized to process transactions on behalf of merchantId=${merchantHash(body.merchantIdentifier)}`);
    }
    if (merchant.domains !== undefined && !merchant.domains.includes(body.initiativeContext)) {
      return appleError(400, `Payment Services Exception merchantId=${merchantHash(certified)} not registered for domain=${body.initiativeContext}`);
    }
    issued += 1;
    const epochTimestamp = clock.now().getTime();
    const hash = merchantHash(body.merchantIdentifier);
    return jsonAnswer(200, {
      epochTimestamp,
      expiresAt: epochTimestamp + lifetime,
      merchantSessionIdentifier: `SSH${hex(16)}_${hex(32)}`,
      nonce: randomBytes(4).toString('hex'),
      merchantIdentifier: hash,
      domainName: body.initiativeContext,
      displayName: body.displayName,
      signature: randomBytes(256).toString('base64'),
      operationalAnalyticsIdentifier: `${body.displayName}:${hash}`,
      retries: 0,
      pspId: hash,
    });
  };

  const route: MutualTlsRoute = { method: 'POST', path: APPLE_PAY_PAYMENT_SESSION_PATH, handle: paymentSession };
  return {
    routes: [route],
    requests,
    sessionCount: () => issued,
    reset() {
      requests.length = 0;
      issued = 0;
    },
  };
}
