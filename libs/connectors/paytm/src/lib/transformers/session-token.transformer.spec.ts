import { ConnectorError, IntegrationError, prepareFlow, type FlowContext, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import type { BrowserInformation, SessionTokenRequestData } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import { paytmFakeAnswers } from '../../testing/paytm.fake-answers';
import { renderEverywhere } from '../../testing/render';
import { createPaytmConnector } from '../paytm.connector';
import type { PaytmCredentials } from '../paytm.credentials';
import { signPaytmBody } from '../paytm.signature';
import { serializePaytmWire } from '../wire/paytm.requests';
import { fromPaytmInitiateTransactionResponse, toPaytmInitiateTransaction, toPaytmInitiateTransactionBody } from './session-token.transformer';

const KEY = 'abcdefgh12345678';
const SALT = Uint8Array.of(1, 2, 3);
const VECTOR_B_BODY =
  '{"requestType":"Payment","mid":"probe_merchant","orderId":"order_001","websiteName":"WEBSTAGING","txnAmount":{"value":"10.00","currency":"INR"},"userInfo":{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null},"enablePaymentMode":[{"mode":"UPI","channels":["UPIPUSH","UPI"]}],"callbackUrl":"https://default-callback.com","shippingInfo":[{"trackingNo":"order_001","chargeAmount":{"value":"10.00","currency":"INR"}}]}';
const VECTOR_B_SIGNATURE = 'MnvUehz56DRsfWys3d9HuTyK1T9IpcWhT7s8clRy3EU4k1FeKtgz5qufhXFzNf0rikErwyEABHYPSDg+9LMhnjEc+bisOL6c7K25wXgt6I8=';
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f901735732800000';

function credentials(overrides: Partial<Record<'merchantId' | 'website' | 'clientId', string>> = {}): PaytmCredentials {
  return {
    merchantId: new Secret(overrides.merchantId ?? 'probe_merchant'),
    merchantKey: new Secret(KEY),
    website: new Secret(overrides.website ?? 'WEBSTAGING'),
    ...(overrides.clientId === undefined ? {} : { clientId: new Secret(overrides.clientId) }),
  };
}

function ctx(
  options: { orderId?: string; browserInfo?: BrowserInformation; creds?: PaytmCredentials; request?: Partial<SessionTokenRequestData>; baseUrl?: string } = {},
): FlowContext<SessionTokenRequestData, PaytmCredentials> {
  return {
    flowData: { merchantId: 'merchant_1', connectorRequestReferenceId: options.orderId ?? 'order_001', testMode: true },
    request: {
      amount: { minorAmount: 1000n, currency: 'INR' },
      ...(options.browserInfo === undefined ? {} : { browserInfo: options.browserInfo }),
      ...options.request,
    },
    credentials: options.creds ?? credentials(),
    baseUrl: options.baseUrl ?? 'https://securestage.paytmpayments.com/',
    clock: new FixedClock('2025-01-01T12:00:00Z'),
  };
}

const connector = createPaytmConnector({ randomBytes: () => SALT });
const build = (context: FlowContext<SessionTokenRequestData, PaytmCredentials>) => connector.flows.sessionToken.buildRequest(context);
const envelope = (head: string) => `{"head":${head},"body":${VECTOR_B_BODY}}`;

describe('toPaytmInitiateTransaction (pure body builder)', () => {
  it('builds the body of spec Vector B (probe_merchant, order_001, WEBSTAGING, 1000 INR)', () => {
    expect(serializePaytmWire(toPaytmInitiateTransactionBody(ctx(), 'order_001'))).toBe(VECTOR_B_BODY);
  });

  it('keeps credential values as Secrets until the wire body is serialised', () => {
    const { head, body } = toPaytmInitiateTransaction(ctx({ creds: credentials({ clientId: 'C11' }) }), 'order_001');
    expect(body.mid.expose()).toBe('probe_merchant');
    expect(body.websiteName.expose()).toBe('WEBSTAGING');
    expect(head.clientId?.expose()).toBe('C11');
    expect(JSON.stringify({ head, body })).not.toContain('probe_merchant');
    expect(head).not.toHaveProperty('signature');
  });

  it('formats amounts with the currency exponent', () => {
    const body = (minorAmount: bigint, currency: 'JPY' | 'KWD' | 'USD') =>
      serializePaytmWire(toPaytmInitiateTransactionBody(ctx({ request: { amount: { minorAmount, currency } } }), 'o1'));
    expect(body(1000n, 'JPY')).toContain('"txnAmount":{"value":"1000","currency":"JPY"}');
    expect(body(1000n, 'KWD')).toContain('"txnAmount":{"value":"1.000","currency":"KWD"}');
    expect(body(5n, 'USD')).toContain('"chargeAmount":{"value":"0.05","currency":"USD"}');
  });
});

describe('sessionToken buildRequest (connector: method, URL, headers, signed envelope)', () => {
  it('sends the exact bytes: URL, headers, head key order, clientId null, channelId omitted, signature over the sent body', () => {
    const request = build(ctx());
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://securestage.paytmpayments.com/theia/api/v1/initiateTransaction?mid=probe_merchant&orderId=order_001');
    expect(request.headers).toEqual({ 'Content-Type': 'application/json', Via: 'HyperSwitch' });
    expect(Object.keys(request.headers)).toEqual(['Content-Type', 'Via']);
    expect(request.body).toBe(envelope(`{"clientId":null,"version":"v1","requestTimestamp":"1735732800","signature":"${VECTOR_B_SIGNATURE}"}`));
  });

  it.each([
    ['Android', 'WAP'],
    ['iOS', 'WAP'],
    ['IPADOS-like iOS 17', 'WAP'],
    ['ANDROID 14', 'WAP'],
    ['Windows', 'WEB'],
    ['macOS', 'WEB'],
    ['', 'WEB'],
  ])('os_type %p → channelId %p between requestTimestamp and signature', (osType, channel) => {
    expect(build(ctx({ browserInfo: { osType } })).body).toBe(
      envelope(`{"clientId":null,"version":"v1","requestTimestamp":"1735732800","channelId":"${channel}","signature":"${VECTOR_B_SIGNATURE}"}`),
    );
  });

  it('omits channelId when browser info has no os_type', () => {
    expect(build(ctx({ browserInfo: { userAgent: 'Mozilla/5.0' } })).body).not.toContain('channelId');
  });

  it('sends clientId when configured', () => {
    expect(build(ctx({ creds: credentials({ clientId: 'C11' }) })).body?.startsWith('{"head":{"clientId":"C11","version":"v1",')).toBe(true);
  });

  it('URL-encodes mid and orderId in the query string and signs exactly the body it sends', () => {
    const creds = credentials({ merchantId: 'MID+1&x=y /é', website: 'WEB"STAGING' });
    const request = build(ctx({ creds, orderId: 'A-b_9' }));
    expect(request.url).toBe('https://securestage.paytmpayments.com/theia/api/v1/initiateTransaction?mid=MID%2B1%26x%3Dy%20%2F%C3%A9&orderId=A-b_9');
    const sent = JSON.parse(request.body ?? '') as { head: { signature: string }; body: { mid: string; websiteName: string } };
    expect(sent.body.mid).toBe('MID+1&x=y /é');
    expect(sent.body.websiteName).toBe('WEB"STAGING');
    const bodyJson = (request.body ?? '').slice((request.body ?? '').indexOf(',"body":') + 8, -1);
    expect(sent.head.signature).toBe(signPaytmBody(bodyJson, new Secret(KEY), SALT));
  });

  it('tolerates a base URL without its trailing slash', () => {
    expect(build(ctx({ baseUrl: 'http://127.0.0.1:4010/paytm' })).url).toBe('http://127.0.0.1:4010/paytm/theia/api/v1/initiateTransaction?mid=probe_merchant&orderId=order_001');
  });

  it('never puts the merchant key in the request', () => {
    expect(renderEverywhere(build(ctx()))).not.toContain(KEY);
  });

  it.each([
    ['51 characters', 'a'.repeat(51)],
    ['a space', 'order 001'],
    ['unicode', 'ordér_001'],
    ['a slash', 'order/001'],
    ['empty (upstream sends "")', ''],
    ['a query separator', 'o&mid=x'],
  ])('refuses an orderId with %s before building anything', (_label, orderId) => {
    const randomBytes = jest.fn(() => SALT);
    let thrown: unknown;
    try {
      createPaytmConnector({ randomBytes }).flows.sessionToken.buildRequest(ctx({ orderId }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IntegrationError);
    expect(thrown).toMatchObject({ code: 'INVALID_ORDER_ID', field: 'merchantSessionId', connector: 'paytm', flow: 'sessionToken' });
    if (orderId !== '') expect((thrown as Error).message).not.toContain(orderId);
    expect(randomBytes).not.toHaveBeenCalled();
  });

  it('accepts a 50-character orderId', () => {
    expect(() => build(ctx({ orderId: `${'A'.repeat(25)}${'_-'.repeat(12)}9` }))).not.toThrow();
  });

  it('refuses currencies upstream rejects, in prepareFlow (the only currency check), before a salt is drawn', () => {
    const randomBytes = jest.fn(() => SALT);
    expect(() => prepareFlow(createPaytmConnector({ randomBytes }), 'sessionToken', ctx({ request: { amount: { minorAmount: 100n, currency: 'IRR' } } }))).toThrow(
      expect.objectContaining({ name: 'IntegrationError', code: 'UNSUPPORTED_CURRENCY', field: 'amount.currency' }),
    );
    expect(randomBytes).not.toHaveBeenCalled();
  });

  it('draws a fresh salt of 3 bytes for every request', () => {
    const salts = [Uint8Array.of(0, 0, 0), Uint8Array.of(1, 2, 3)];
    const randomBytes = jest.fn((_size: number) => salts.shift() ?? Uint8Array.of(9, 9, 9));
    const flow = createPaytmConnector({ randomBytes }).flows.sessionToken;
    const first = flow.buildRequest(ctx());
    const second = flow.buildRequest(ctx());
    expect(first.body).not.toBe(second.body);
    expect(second.body).toContain(VECTOR_B_SIGNATURE);
    expect(randomBytes.mock.calls).toEqual([[3], [3]]);
  });
});

const asResponse = (answer: { status: number; body: string }): HttpResponse => ({ status: answer.status, headers: {}, body: answer.body });
const merchantKey = new Secret(KEY);
const read = (response: HttpResponse) => fromPaytmInitiateTransactionResponse(response, merchantKey);
const signing = { merchantKey: KEY };
// An answer whose body is sent exactly as `bodyJson`, with `signature` (if any) in its head.
const answerText = (bodyJson: string, signature?: string | null) =>
  `{"head":{"responseTimestamp":"1735732800000","version":"v1"${signature === undefined ? '' : `,"signature":${JSON.stringify(signature)}`}},"body":${bodyJson}}`;
const signed = (bodyJson: string, key = KEY) => answerText(bodyJson, signPaytmBody(bodyJson, new Secret(key), Uint8Array.of(7, 7, 7)));
const ok200 = (body: string): HttpResponse => ({ status: 200, headers: {}, body });
const SUCCESS_BODY = `{"resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"},"txnToken":"${TOKEN}","isPromoCodeValid":false,"authenticated":false}`;

const signatureFailure = (message: string) => ({
  status: 'FAILURE',
  error: { code: 'RESPONSE_SIGNATURE_INVALID', message, statusCode: 200, attemptStatus: 'FAILURE', unifiedCode: 'GATEWAY_SIGNATURE_INVALID', retryable: false },
});
const MISSING = "Paytm's answer signature is missing; the token was discarded";
const INVALID = "Paytm's answer signature did not verify with the merchant key; the token was discarded";
const AMBIGUOUS = 'Paytm\'s answer has more than one top-level "body" member, so its signature could not be checked; the token was discarded';

describe('fromPaytmInitiateTransactionResponse', () => {
  it('maps a signed success to the txnToken, wrapped, with attempt status PENDING', () => {
    const outcome = read(asResponse(paytmFakeAnswers.success(TOKEN, signing)));
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.attemptStatus).toBe('PENDING');
    expect(outcome.data.sessionToken.expose()).toBe(TOKEN);
    expect(renderEverywhere(outcome)).not.toContain(TOKEN);
  });

  it('accepts any result code other than 0002 when a verified token is present (upstream decides by shape)', () => {
    const body = `{"resultInfo":{"resultStatus":"S","resultCode":"0001","resultMsg":"x"},"txnToken":"${TOKEN}"}`;
    expect(read(ok200(signed(body))).status).toBe('SUCCESS');
  });

  it('maps a signed 0002 to a typed DUPLICATE_REQUEST failure without the token', () => {
    const outcome = read(asResponse(paytmFakeAnswers.duplicate(TOKEN, signing)));
    expect(outcome).toEqual({
      status: 'FAILURE',
      error: { code: '0002', message: 'Success Idempotent', reason: 'Success Idempotent', statusCode: 200, unifiedCode: 'DUPLICATE_REQUEST', retryable: false },
    });
    expect(renderEverywhere(outcome)).not.toContain(TOKEN);
  });

  it('scrubs the token should Paytm echo it in the 0002 message', () => {
    const body = `{"resultInfo":{"resultStatus":"S","resultCode":"0002","resultMsg":"dup ${TOKEN}"},"txnToken":"${TOKEN}"}`;
    expect(renderEverywhere(read(ok200(signed(body))))).not.toContain(TOKEN);
  });

  it.each([
    ['2005', 'Checksum provided is invalid', 'INVALID_SIGNATURE'],
    ['330', 'Invalid checksum', 'INVALID_SIGNATURE'],
    ['1001', 'Request parameters are not valid', 'INVALID_REQUEST'],
    ['309', 'Invalid Order Id', 'INVALID_REQUEST'],
    ['1006', 'Your Session has expired', 'SESSION_EXPIRED'],
    ['9999', 'Something else', 'GATEWAY_REJECTED'],
  ])('maps a body without token (%s) to a FAILURE decline', (code, message, unifiedCode) => {
    expect(read(asResponse(paytmFakeAnswers.failure(code, message, signing)))).toEqual({
      status: 'FAILURE',
      error: { code, message, reason: message, statusCode: 200, attemptStatus: 'FAILURE', unifiedCode, retryable: false },
    });
  });

  it('does not require a signature on an answer without a token (nothing to discard)', () => {
    const body = '{"extraParamsMap":null,"resultInfo":{"resultStatus":"F","resultCode":"1001","resultMsg":"bad"}}';
    expect(read(ok200(answerText(body)))).toMatchObject({ status: 'FAILURE', error: { code: '1001', unifiedCode: 'INVALID_REQUEST' } });
  });

  it('treats a non-string txnToken as the failure shape, like upstream’s untagged parse', () => {
    const body = JSON.stringify({ head: { version: 'v1' }, body: { resultInfo: { resultStatus: 'F', resultCode: '501', resultMsg: 'System Error' }, txnToken: null } });
    expect(read({ status: 200, headers: {}, body })).toMatchObject({ status: 'FAILURE', error: { code: '501' } });
  });

  it('raises MISSING_REQUIRED_FIELD for a verified answer with an empty txnToken', () => {
    const body = '{"resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"},"txnToken":""}';
    expect(() => read(ok200(signed(body)))).toThrow(expect.objectContaining({ name: 'ConnectorError', code: 'MISSING_REQUIRED_FIELD' }));
  });

  it.each([
    ['malformed JSON', paytmFakeAnswers.malformedJson().body],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['no head.version', '{"head":{},"body":{"resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"},"txnToken":"t"}}'],
    ['a resultInfo without resultMsg', '{"head":{"version":"v1"},"body":{"resultInfo":{"resultStatus":"S","resultCode":"0000"}}}'],
    ['a numeric resultCode', '{"head":{"version":"v1"},"body":{"resultInfo":{"resultStatus":"S","resultCode":0,"resultMsg":"Success"}}}'],
  ])('raises MALFORMED_RESPONSE for %s', (_label, body) => {
    expect(() => read({ status: 200, headers: {}, body })).toThrow(ConnectorError);
    expect(() => read({ status: 200, headers: {}, body })).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE', httpStatus: 200 }));
  });

  it('keeps tokens and signatures out of a malformed-response error', () => {
    const body = `{"head":{"version":"v1","signature":"SIGNATURE_SECRET_1"},"body":{"txnToken":"${TOKEN}","resultInfo":`;
    let thrown: unknown;
    try {
      read({ status: 200, headers: {}, body });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    const text = renderEverywhere(thrown);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('SIGNATURE_SECRET_1');
  });
});

describe('fromPaytmInitiateTransactionResponse: Paytm signs its answers, we check', () => {
  const expectDiscarded = (body: string, message: string) => {
    const outcome = read(ok200(body));
    expect(outcome).toEqual(signatureFailure(message));
    expect(renderEverywhere(outcome)).not.toContain(TOKEN);
  };

  it('valid signature over the raw body → the token', () => {
    const outcome = read(ok200(signed(SUCCESS_BODY)));
    expect(outcome.status === 'SUCCESS' && outcome.data.sessionToken.expose()).toBe(TOKEN);
  });

  it('tampered token → failure, the token discarded', () => {
    const forged = signed(SUCCESS_BODY).replace(TOKEN, `${TOKEN.slice(0, -1)}1`);
    expect(forged).not.toContain(TOKEN);
    const outcome = read(ok200(forged));
    expect(outcome).toEqual(signatureFailure(INVALID));
    expect(renderEverywhere(outcome)).not.toContain(`${TOKEN.slice(0, -1)}1`);
  });

  it('tampered body (any other field) → failure', () => {
    expectDiscarded(signed(SUCCESS_BODY).replace('"isPromoCodeValid":false', '"isPromoCodeValid":true'), INVALID);
    expectDiscarded(signed(SUCCESS_BODY).replace('"resultCode":"0000"', '"resultCode":"0001"'), INVALID);
  });

  it('missing, null or empty signature → failure', () => {
    expectDiscarded(answerText(SUCCESS_BODY), MISSING);
    expectDiscarded(answerText(SUCCESS_BODY, null), MISSING);
    expectDiscarded(answerText(SUCCESS_BODY, ''), MISSING);
  });

  it('garbage signature → failure', () => {
    expectDiscarded(answerText(SUCCESS_BODY, 'not-a-signature'), INVALID);
  });

  it('signature by another merchant key → failure', () => {
    expectDiscarded(signed(SUCCESS_BODY, 'otherKey12345678'), INVALID);
  });

  it('a signed 0002 whose signature does not verify is a signature failure, not a duplicate', () => {
    expectDiscarded(asResponse(paytmFakeAnswers.duplicate(TOKEN, { merchantKey: 'otherKey12345678' })).body, INVALID);
    expectDiscarded(answerText(`{"resultInfo":{"resultStatus":"S","resultCode":"0002","resultMsg":"Success Idempotent"},"txnToken":"${TOKEN}"}`), MISSING);
  });

  it('whitespace and key order in the raw body verify only when signed as sent', () => {
    const spaced = `{ "txnToken" : "${TOKEN}",\n  "resultInfo" : { "resultMsg" : "Success", "resultCode" : "0000", "resultStatus" : "S" } }`;
    const asSent = read(ok200(signed(spaced)));
    expect(asSent.status === 'SUCCESS' && asSent.data.sessionToken.expose()).toBe(TOKEN);
    // Signed over the compact re-serialisation, but sent spaced: does not verify.
    const compact = JSON.stringify(JSON.parse(spaced));
    expectDiscarded(answerText(spaced, signPaytmBody(compact, merchantKey, SALT)), INVALID);
    // Signed over another key order than the one sent: does not verify.
    const reordered = `{"resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"},"txnToken":"${TOKEN}"}`;
    const otherOrder = `{"txnToken":"${TOKEN}","resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"}}`;
    expectDiscarded(answerText(otherOrder, signPaytmBody(reordered, merchantKey, SALT)), INVALID);
    const otherOrderSignedAsSent = read(ok200(signed(otherOrder)));
    expect(otherOrderSignedAsSent.status).toBe('SUCCESS');
    // Whitespace around the body member itself is not part of it.
    const padded = `{"head":{"version":"v1","signature":"${signPaytmBody(SUCCESS_BODY, merchantKey, SALT)}"} ,"body" :  ${SUCCESS_BODY}  }`;
    expect(read(ok200(padded)).status).toBe('SUCCESS');
  });

  it('a duplicate top-level "body" key is refused, whichever body was signed', () => {
    const decoy = '{"resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"},"txnToken":"attacker"}';
    const signature = signPaytmBody(SUCCESS_BODY, merchantKey, SALT);
    const head = `{"version":"v1","signature":"${signature}"}`;
    expectDiscarded(`{"head":${head},"body":${SUCCESS_BODY},"body":${SUCCESS_BODY}}`, AMBIGUOUS);
    expectDiscarded(`{"head":${head},"body":${SUCCESS_BODY},"body":${decoy}}`, AMBIGUOUS);
    expectDiscarded(`{"head":${head},"body":${decoy},"b\\u006fdy":${SUCCESS_BODY}}`, AMBIGUOUS);
  });
});
