import { randomBytes, randomUUID } from 'node:crypto';
import { isJsonObject, systemClock, type Clock } from '@prism-sessions/connector-interfaces';
import type { FakeGateway, FakeGatewayRequest, FakeGatewayResponse, FakeGatewayRoute } from '@prism-sessions/connector-interfaces/testing';
import { Secret } from '@prism-sessions/masking';
import { INITIATE_TRANSACTION_PATH, ORDER_ID_PATTERN, PAYTM_SALT_LENGTH, PAYTM_TOKEN_LIFETIME_SECONDS, PROCESS_TRANSACTION_PATH } from '../lib/paytm.constants';
import { verifyPaytmSignature } from '../lib/paytm.signature';
import { rawTopLevelMember } from '../lib/wire/paytm.raw-json';
import { signedPaytmEnvelope } from '../lib/wire/paytm.requests';

/** A merchant the fake gateway knows. */
export interface PaytmFakeMerchant {
  readonly merchantId: string;
  readonly merchantKey: string;
  /** When set, `websiteName` must match it. */
  readonly website?: string;
}

/** Options of {@link createPaytmFakeGateway}. */
export interface PaytmFakeGatewayOptions {
  readonly merchants: readonly PaytmFakeMerchant[];
  /** Decides token age; defaults to the system clock. Share a `FixedClock` with the connector to test expiry. */
  readonly clock?: Clock;
  /** txnToken validity (Paytm: 900 s). */
  readonly tokenLifetimeSeconds?: number;
  /** Token generator; defaults to random 32-hex-digit tokens. */
  readonly newToken?: () => string;
  /** Salt source for the answers' signatures (3 bytes each); defaults to `crypto.randomBytes`. */
  readonly randomBytes?: (size: number) => Uint8Array;
}

/** An in-memory Paytm (`initiateTransaction`, `processTransaction`): routes for `respondWithRoutes` or an HTTP server, plus what it saw and issued. */
export type PaytmFakeGateway = FakeGateway;

interface IssuedToken {
  readonly mid: string;
  readonly orderId: string;
  readonly issuedAtMs: number;
  readonly amount: { readonly value: string; readonly currency: string };
}

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown): Json | undefined => (isJsonObject(value) ? value : undefined);

/**
 * Creates a fake Paytm implementing initiateTransaction (signature verified over the raw `body`
 * bytes, orderId idempotency with `0002`) and processTransaction (token lookup, expiry `1006`,
 * UPI intent deep link, UPI collect). Like Paytm, it signs every answer with the merchant key of
 * the merchant the request names (body `mid`, else query `mid`): `head.signature` over the exact
 * `body` text it sends. Answers for a merchant it does not know carry no signature.
 *
 * @example
 * const fake = createPaytmFakeGateway({ merchants: [{ merchantId: 'M1', merchantKey: 'abcdefgh12345678' }] });
 * const transport = new RecordingTransport(respondWithRoutes(PAYTM_BASE_URLS.sandbox, fake.routes));
 */
export function createPaytmFakeGateway(options: PaytmFakeGatewayOptions): PaytmFakeGateway {
  const clock = options.clock ?? systemClock;
  const lifetimeMs = (options.tokenLifetimeSeconds ?? PAYTM_TOKEN_LIFETIME_SECONDS) * 1000;
  const newToken = options.newToken ?? (() => randomUUID().replace(/-/g, ''));
  const salt = (): Uint8Array => options.randomBytes?.(PAYTM_SALT_LENGTH) ?? randomBytes(PAYTM_SALT_LENGTH);
  const merchants = new Map(options.merchants.map((m) => [m.merchantId, { key: new Secret(m.merchantKey), website: m.website }]));
  const requests: FakeGatewayRequest[] = [];
  const issuedTokens: string[] = [];
  const queue: FakeGatewayResponse[] = [];
  const tokens = new Map<string, IssuedToken>();
  const orders = new Map<string, string>();
  let transactions = 0;

  const head = () => ({ responseTimestamp: String(clock.now().getTime()), version: 'v1' });
  // Signed as Paytm signs: body serialised once, signed with the merchant's key, spliced unchanged.
  const answerFor =
    (mid: string | undefined) =>
    (body: Json): FakeGatewayResponse => {
      const merchant = mid === undefined ? undefined : merchants.get(mid);
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: merchant === undefined ? JSON.stringify({ head: head(), body }) : signedPaytmEnvelope(head(), body, merchant.key, salt()),
      };
    };
  const result = (resultStatus: 'S' | 'F', resultCode: string, resultMsg: string) => ({ resultStatus, resultCode, resultMsg });
  const failWith = (answer: (body: Json) => FakeGatewayResponse) => (resultCode: string, resultMsg: string) =>
    answer({ extraParamsMap: null, resultInfo: result('F', resultCode, resultMsg) });
  const isJsonRequest = (request: FakeGatewayRequest) =>
    Object.entries(request.headers).some(([name, value]) => name.toLowerCase() === 'content-type' && value.startsWith('application/json'));

  function withQueue(handle: (request: FakeGatewayRequest) => FakeGatewayResponse) {
    return (request: FakeGatewayRequest): FakeGatewayResponse => {
      requests.push(request);
      return queue.shift() ?? handle(request);
    };
  }

  function initiate(request: FakeGatewayRequest): FakeGatewayResponse {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      parsed = undefined;
    }
    const reqHead = obj(obj(parsed)?.['head']);
    const body = obj(obj(parsed)?.['body']);
    const rawBody = rawTopLevelMember(request.body, 'body');
    const signature = str(reqHead?.['signature']);
    const mid = str(body?.['mid']);
    const orderId = str(body?.['orderId']);
    const answer = answerFor(mid ?? request.query['mid']);
    const fail = failWith(answer);
    // Two "body" members: which one was signed is ambiguous, so the request is refused.
    if (!rawBody.ok && rawBody.reason === 'duplicate') return fail('1001', 'Request parameters are not valid: more than one body member');
    if (!isJsonRequest(request) || !reqHead || !body || !rawBody.ok || !signature || !mid || orderId === undefined) {
      return fail('1007', 'Missing mandatory element');
    }
    // Paytm's full code table is not public; the fake uses 1001 with a specific message for these.
    if (request.query['mid'] !== mid) return fail('1001', 'Request parameters are not valid: mid in the query differs from the body');
    if (request.query['orderId'] !== orderId) return fail('1001', 'Request parameters are not valid: orderId in the query differs from the body');
    const merchant = merchants.get(mid);
    if (!merchant) return fail('1001', 'Request parameters are not valid: unknown mid');
    if (!verifyPaytmSignature(rawBody.raw, merchant.key, signature)) return fail('2005', 'Checksum provided is invalid');
    if (!ORDER_ID_PATTERN.test(orderId)) return fail('309', 'Invalid Order Id');
    if (merchant.website !== undefined && body['websiteName'] !== merchant.website) return fail('1001', 'Request parameters are not valid: websiteName');
    const amount = obj(body['txnAmount']);
    const value = str(amount?.['value']);
    const currency = str(amount?.['currency']);
    if (value === undefined || currency === undefined || !/^\d+(\.\d+)?$/.test(value)) return fail('1001', 'Request parameters are not valid: txnAmount');

    const orderKey = `${mid}\n${orderId}`;
    const existing = orders.get(orderKey);
    if (existing !== undefined) {
      return answer({ extraParamsMap: null, resultInfo: result('S', '0002', 'Success Idempotent'), txnToken: existing, isPromoCodeValid: false, authenticated: false });
    }
    const token = newToken();
    issuedTokens.push(token);
    orders.set(orderKey, token);
    tokens.set(token, { mid, orderId, issuedAtMs: clock.now().getTime(), amount: { value, currency } });
    return answer({ extraParamsMap: null, resultInfo: result('S', '0000', 'Success'), txnToken: token, isPromoCodeValid: false, authenticated: false });
  }

  function process(request: FakeGatewayRequest): FakeGatewayResponse {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      parsed = undefined;
    }
    const body = obj(obj(parsed)?.['body']);
    const txnToken = str(obj(obj(parsed)?.['head'])?.['txnToken']);
    const issued = txnToken === undefined ? undefined : tokens.get(txnToken);
    // The token's merchant signs; without a known token, the merchant the request names.
    const answer = answerFor(issued?.mid ?? str(body?.['mid']) ?? request.query['mid']);
    const fail = failWith(answer);
    if (!isJsonRequest(request) || !body || !txnToken) return fail('1007', 'Missing mandatory element');
    if (!issued) return fail('2004', 'Invalid User Token');
    if (clock.now().getTime() - issued.issuedAtMs > lifetimeMs) return fail('1006', 'Your Session has expired');
    const { mid, orderId } = issued;
    if (request.query['mid'] !== mid || body['mid'] !== mid || request.query['orderId'] !== orderId || body['orderId'] !== orderId) {
      return fail('1001', 'Request parameters are not valid');
    }
    const transId = `2025${String(++transactions).padStart(14, '0')}`;
    if (body['paymentMode'] === 'UPI_INTENT') {
      const deepLink = `upi://pay?pa=${encodeURIComponent(mid.toLowerCase())}@paytm&pn=Fake%20Merchant&tr=${transId}&am=${issued.amount.value}&cu=${issued.amount.currency}&mode=00`;
      return answer({ resultInfo: result('S', '0000', 'Success'), deepLinkInfo: { deepLink, orderId, cashierRequestId: `CR${transId}`, transId } });
    }
    const payer = str(body['payerAccount']);
    if (body['paymentMode'] === 'UPI' && body['txnToken'] === txnToken && payer !== undefined && payer.includes('@')) {
      return answer({ resultInfo: result('S', '0000', 'Success'), transId, orderId });
    }
    return fail('1001', 'Request parameters are not valid');
  }

  const routes: readonly FakeGatewayRoute[] = Object.freeze([
    { method: 'POST', path: INITIATE_TRANSACTION_PATH, handle: withQueue(initiate) },
    { method: 'POST', path: PROCESS_TRANSACTION_PATH, handle: withQueue(process) },
  ]);

  return {
    routes,
    requests,
    issuedTokens,
    enqueue: (answerToQueue) => void queue.push(answerToQueue),
    reset: () => {
      requests.length = 0;
      issuedTokens.length = 0;
      queue.length = 0;
      tokens.clear();
      orders.clear();
      transactions = 0;
    },
  };
}
