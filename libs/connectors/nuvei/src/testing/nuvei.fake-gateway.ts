import { randomUUID, timingSafeEqual } from 'node:crypto';
import { systemClock, type Clock } from '@prism-sessions/connector-interfaces';
import type { FakeGateway, FakeGatewayRequest, FakeGatewayResponse, FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import { z } from 'zod';
import { nuveiPaymentChecksum, nuveiSessionChecksum, parseNuveiTimestamp } from '../lib/nuvei.checksum';
import { NUVEI_ERROR_CODES, NUVEI_PATHS, NUVEI_SESSION_TOKEN_LIFETIME_SECONDS } from '../lib/nuvei.constants';
import { nuveiJsonAnswer } from './nuvei.fake-answers';

/** A merchant account the fake gateway knows. */
export interface NuveiFakeMerchant {
  readonly merchantId: string;
  readonly merchantSiteId: string;
  readonly merchantSecret: string;
}

/** Options of {@link createNuveiFakeGateway}. */
export interface NuveiFakeGatewayOptions {
  readonly merchants: readonly NuveiFakeMerchant[];
  /** The gateway's clock (default: the system clock). Share a `FixedClock` with the client to test expiry. */
  readonly clock?: Clock;
  /** Largest accepted distance between `timeStamp` and the gateway clock (default 300 s). */
  readonly timestampToleranceSeconds?: number;
  /** Session token lifetime (default 900 s, Nuvei's 15 minutes). */
  readonly tokenLifetimeSeconds?: number;
  /** Token generator (default `randomUUID`). */
  readonly newToken?: () => string;
}

/** An in-process Nuvei: `POST /getSessionToken.do` and `POST /payment.do`, relative to the base URL. */
export type NuveiFakeGateway = FakeGateway;

const sessionRequest = z.object({
  merchantId: z.string(),
  merchantSiteId: z.string(),
  clientRequestId: z.string(),
  timeStamp: z.string(),
  checksum: z.string(),
});
const paymentRequest = sessionRequest.extend({
  sessionToken: z.string(),
  amount: z.string(),
  currency: z.string(),
  transactionType: z.string().optional(),
  clientUniqueId: z.string().optional(),
});
type SessionRequest = z.infer<typeof sessionRequest>;

interface IssuedSession {
  readonly merchantId: string;
  readonly merchantSiteId: string;
  readonly issuedAtMs: number;
  used: boolean;
}

function sameText(actual: string, expected: string): boolean {
  const a = Buffer.from(actual, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseBody<S extends z.ZodType>(schema: S, body: string): z.output<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fake Nuvei for in-process round trips (`RecordingTransport(respondWithRoutes(baseUrl, routes))`)
 * and for the integration tests' HTTP server. It verifies merchant, site, checksum and timestamp
 * like Nuvei, issues tokens that expire and pay for one order, and approves valid payments.
 *
 * @example
 * const gateway = createNuveiFakeGateway({ merchants: [{ merchantId: 'm', merchantSiteId: 's', merchantSecret: 'k' }], clock });
 * const transport = new RecordingTransport(respondWithRoutes(NUVEI_BASE_URLS.sandbox, gateway.routes));
 */
export function createNuveiFakeGateway(options: NuveiFakeGatewayOptions): NuveiFakeGateway {
  const clock = options.clock ?? systemClock;
  const toleranceMs = (options.timestampToleranceSeconds ?? 300) * 1000;
  const lifetimeMs = (options.tokenLifetimeSeconds ?? NUVEI_SESSION_TOKEN_LIFETIME_SECONDS) * 1000;
  const newToken = options.newToken ?? randomUUID;
  const requests: FakeGatewayRequest[] = [];
  const issuedTokens: string[] = [];
  const queue: FakeGatewayResponse[] = [];
  const sessions = new Map<string, IssuedSession>();
  let counter = 0;

  const echo = (body: SessionRequest) => ({
    internalRequestId: ++counter,
    merchantId: body.merchantId,
    merchantSiteId: body.merchantSiteId,
    version: '1.0',
    clientRequestId: body.clientRequestId,
  });
  // Nuvei reports stage-1 failures with HTTP 200 and status ERROR.
  const stageOneError = (body: SessionRequest, errCode: number, reason: string) =>
    nuveiJsonAnswer(200, { ...echo(body), status: 'ERROR', errCode, reason });
  const badRequest = () => nuveiJsonAnswer(400, { status: 'ERROR', errCode: NUVEI_ERROR_CODES.GENERAL_ERROR, reason: 'Invalid request body' });

  /** Merchant, site and timestamp checks shared by every endpoint; `undefined` when all pass. */
  const authenticate = (body: SessionRequest, expectedChecksum: (merchant: NuveiFakeMerchant) => string): FakeGatewayResponse | undefined => {
    const merchants = options.merchants.filter((m) => m.merchantId === body.merchantId);
    if (merchants.length === 0) return stageOneError(body, NUVEI_ERROR_CODES.INVALID_MERCHANT_ID, 'Invalid merchant ID');
    const merchant = merchants.find((m) => m.merchantSiteId === body.merchantSiteId);
    if (!merchant) return stageOneError(body, NUVEI_ERROR_CODES.INVALID_MERCHANT_SITE_ID, 'Invalid merchant site ID');
    if (!sameText(body.checksum, expectedChecksum(merchant))) return stageOneError(body, NUVEI_ERROR_CODES.INVALID_CHECKSUM, 'Invalid checksum');
    const sent = parseNuveiTimestamp(body.timeStamp);
    if (!sent || Math.abs(sent.getTime() - clock.now().getTime()) > toleranceMs) {
      return stageOneError(body, NUVEI_ERROR_CODES.INVALID_TIMESTAMP, 'Invalid timestamp');
    }
    return undefined;
  };

  const getSessionToken = (request: FakeGatewayRequest): FakeGatewayResponse => {
    const body = parseBody(sessionRequest, request.body);
    if (!body) return badRequest();
    const refused = authenticate(body, (merchant) => nuveiSessionChecksum({ ...body, merchantSecret: merchant.merchantSecret }));
    if (refused) return refused;
    const sessionToken = newToken();
    issuedTokens.push(sessionToken);
    sessions.set(sessionToken, { merchantId: body.merchantId, merchantSiteId: body.merchantSiteId, issuedAtMs: clock.now().getTime(), used: false });
    return nuveiJsonAnswer(200, { sessionToken, ...echo(body), status: 'SUCCESS', errCode: 0, reason: '' });
  };

  const payment = (request: FakeGatewayRequest): FakeGatewayResponse => {
    const body = parseBody(paymentRequest, request.body);
    if (!body) return badRequest();
    const refused = authenticate(body, (merchant) => nuveiPaymentChecksum({ ...body, merchantSecret: merchant.merchantSecret }));
    if (refused) return refused;
    const session = sessions.get(body.sessionToken);
    if (!session || session.merchantId !== body.merchantId || session.merchantSiteId !== body.merchantSiteId) {
      return stageOneError(body, NUVEI_ERROR_CODES.SESSION_ALREADY_USED, 'Invalid session token');
    }
    if (clock.now().getTime() - session.issuedAtMs > lifetimeMs) {
      return stageOneError(body, NUVEI_ERROR_CODES.SESSION_EXPIRED, 'Session expired');
    }
    if (session.used) {
      return stageOneError(body, NUVEI_ERROR_CODES.SESSION_ALREADY_USED, 'Invalid session token. There can be only one order per session token.');
    }
    session.used = true;
    const sequence = counter + 1;
    return nuveiJsonAnswer(200, {
      orderId: String(400000000 + sequence),
      transactionStatus: 'APPROVED',
      gwErrorCode: 0,
      gwExtendedErrorCode: 0,
      transactionType: body.transactionType ?? 'Sale',
      transactionId: String(7110000000000000 + sequence),
      externalTransactionId: '',
      authCode: '111111',
      sessionToken: body.sessionToken,
      clientUniqueId: body.clientUniqueId ?? '',
      ...echo(body),
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
    });
  };

  const route = (path: string, simulate: (request: FakeGatewayRequest) => FakeGatewayResponse): FakeGatewayRoute => ({
    method: 'POST',
    path,
    handle(request) {
      requests.push(request);
      return queue.shift() ?? simulate(request);
    },
  });

  return {
    routes: Object.freeze([route(NUVEI_PATHS.sessionToken, getSessionToken), route(NUVEI_PATHS.payment, payment)]),
    requests,
    issuedTokens,
    enqueue(answer) {
      queue.push(answer);
    },
    reset() {
      requests.length = 0;
      issuedTokens.length = 0;
      queue.length = 0;
      sessions.clear();
      counter = 0;
    },
  };
}
