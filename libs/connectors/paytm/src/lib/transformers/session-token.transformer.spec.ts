import { ConnectorError, IntegrationError, type FlowContext, type HttpResponse } from '@org/connector-interfaces';
import { FixedClock } from '@org/connector-interfaces/testing';
import type { BrowserInformation, PaytmCredentials, SessionTokenRequestData } from '@org/domain-types';
import { Secret } from '@org/masking';
import { paytmFakeAnswers } from '../../testing/paytm.fake-answers';
import { renderEverywhere } from '../../testing/render';
import { signPaytmBody } from '../paytm.signature';
import {
  createPaytmSessionTokenFlow,
  fromPaytmInitiateTransactionResponse,
  toPaytmInitiateTransactionBody,
  toPaytmInitiateTransactionRequest,
} from './session-token.transformer';

const KEY = 'abcdefgh12345678';
const SALT = Uint8Array.of(1, 2, 3);
const VECTOR_B_BODY =
  '{"requestType":"Payment","mid":"probe_merchant","orderId":"order_001","websiteName":"WEBSTAGING","txnAmount":{"value":"10.00","currency":"INR"},"userInfo":{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null},"enablePaymentMode":[{"mode":"UPI","channels":["UPIPUSH","UPI"]}],"callbackUrl":"https://default-callback.com","shippingInfo":[{"trackingNo":"order_001","chargeAmount":{"value":"10.00","currency":"INR"}}]}';
const VECTOR_B_SIGNATURE = 'MnvUehz56DRsfWys3d9HuTyK1T9IpcWhT7s8clRy3EU4k1FeKtgz5qufhXFzNf0rikErwyEABHYPSDg+9LMhnjEc+bisOL6c7K25wXgt6I8=';
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f901735732800000';

function credentials(overrides: Partial<Record<'merchantId' | 'website' | 'clientId', string>> = {}): PaytmCredentials {
  return {
    connector: 'paytm',
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

const fixedSalt = () => SALT;
const envelope = (head: string) => `{"head":${head},"body":${VECTOR_B_BODY}}`;

describe('toPaytmInitiateTransactionRequest', () => {
  it('builds the body of spec Vector B (probe_merchant, order_001, WEBSTAGING, 1000 INR)', () => {
    expect(JSON.stringify(toPaytmInitiateTransactionBody(ctx(), 'order_001'))).toBe(VECTOR_B_BODY);
  });

  it('sends the exact bytes: URL, headers, head key order, clientId null, channelId omitted, signature over the sent body', () => {
    const request = toPaytmInitiateTransactionRequest(ctx(), fixedSalt);
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
    const request = toPaytmInitiateTransactionRequest(ctx({ browserInfo: { osType } }), fixedSalt);
    expect(request.body).toBe(
      envelope(`{"clientId":null,"version":"v1","requestTimestamp":"1735732800","channelId":"${channel}","signature":"${VECTOR_B_SIGNATURE}"}`),
    );
  });

  it('omits channelId when browser info has no os_type', () => {
    const request = toPaytmInitiateTransactionRequest(ctx({ browserInfo: { userAgent: 'Mozilla/5.0' } }), fixedSalt);
    expect(request.body).not.toContain('channelId');
  });

  it('sends clientId when configured', () => {
    const request = toPaytmInitiateTransactionRequest(ctx({ creds: credentials({ clientId: 'C11' }) }), fixedSalt);
    expect(request.body?.startsWith('{"head":{"clientId":"C11","version":"v1",')).toBe(true);
  });

  it('URL-encodes mid and orderId in the query string and signs exactly the body it sends', () => {
    const creds = credentials({ merchantId: 'MID+1&x=y /é', website: 'WEB"STAGING' });
    const request = toPaytmInitiateTransactionRequest(ctx({ creds, orderId: 'A-b_9' }), fixedSalt);
    expect(request.url).toBe('https://securestage.paytmpayments.com/theia/api/v1/initiateTransaction?mid=MID%2B1%26x%3Dy%20%2F%C3%A9&orderId=A-b_9');
    const sent = JSON.parse(request.body ?? '') as { head: { signature: string }; body: { mid: string; websiteName: string } };
    expect(sent.body.mid).toBe('MID+1&x=y /é');
    expect(sent.body.websiteName).toBe('WEB"STAGING');
    const bodyJson = (request.body ?? '').slice((request.body ?? '').indexOf(',"body":') + 8, -1);
    expect(sent.head.signature).toBe(signPaytmBody(bodyJson, new Secret(KEY), SALT));
  });

  it('tolerates a base URL without its trailing slash', () => {
    const request = toPaytmInitiateTransactionRequest(ctx({ baseUrl: 'http://127.0.0.1:4010/paytm' }), fixedSalt);
    expect(request.url).toBe('http://127.0.0.1:4010/paytm/theia/api/v1/initiateTransaction?mid=probe_merchant&orderId=order_001');
  });

  it('formats amounts with the currency exponent', () => {
    const body = (minorAmount: bigint, currency: 'JPY' | 'KWD' | 'USD') =>
      JSON.stringify(toPaytmInitiateTransactionBody(ctx({ request: { amount: { minorAmount, currency } } }), 'o1'));
    expect(body(1000n, 'JPY')).toContain('"txnAmount":{"value":"1000","currency":"JPY"}');
    expect(body(1000n, 'KWD')).toContain('"txnAmount":{"value":"1.000","currency":"KWD"}');
    expect(body(5n, 'USD')).toContain('"chargeAmount":{"value":"0.05","currency":"USD"}');
  });

  it('never puts the merchant key in the request', () => {
    const request = toPaytmInitiateTransactionRequest(ctx(), fixedSalt);
    expect(renderEverywhere(request)).not.toContain(KEY);
  });

  it.each([
    ['51 characters', 'a'.repeat(51)],
    ['a space', 'order 001'],
    ['unicode', 'ordér_001'],
    ['a slash', 'order/001'],
    ['empty (upstream sends "")', ''],
    ['a query separator', 'o&mid=x'],
  ])('refuses an orderId with %s before building anything', (_label, orderId) => {
    const saltSource = jest.fn(fixedSalt);
    let thrown: unknown;
    try {
      toPaytmInitiateTransactionRequest(ctx({ orderId }), saltSource);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IntegrationError);
    expect(thrown).toMatchObject({ code: 'INVALID_ORDER_ID', field: 'merchantSessionId', connector: 'paytm', flow: 'sessionToken' });
    if (orderId !== '') expect((thrown as Error).message).not.toContain(orderId);
    expect(saltSource).not.toHaveBeenCalled();
  });

  it('accepts a 50-character orderId', () => {
    expect(() => toPaytmInitiateTransactionRequest(ctx({ orderId: `${'A'.repeat(25)}${'_-'.repeat(12)}9` }), fixedSalt)).not.toThrow();
  });

  it('refuses currencies upstream rejects', () => {
    expect(() => toPaytmInitiateTransactionRequest(ctx({ request: { amount: { minorAmount: 100n, currency: 'IRR' } } }), fixedSalt)).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_CURRENCY', field: 'amount.currency' }),
    );
  });

  it('draws a fresh salt for every request from the flow handler', () => {
    const salts = [Uint8Array.of(0, 0, 0), Uint8Array.of(1, 2, 3)];
    const flow = createPaytmSessionTokenFlow(() => salts.shift() ?? Uint8Array.of(9, 9, 9));
    const first = flow.buildRequest(ctx());
    const second = flow.buildRequest(ctx());
    expect(first.body).not.toBe(second.body);
    expect(second.body).toContain(VECTOR_B_SIGNATURE);
  });
});

const asResponse = (answer: { status: number; body: string }): HttpResponse => ({ status: answer.status, headers: {}, body: answer.body });

describe('fromPaytmInitiateTransactionResponse', () => {
  it('maps a success to the txnToken, wrapped, with attempt status PENDING', () => {
    const outcome = fromPaytmInitiateTransactionResponse(asResponse(paytmFakeAnswers.success(TOKEN)));
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.attemptStatus).toBe('PENDING');
    expect(outcome.data.sessionToken.expose()).toBe(TOKEN);
    expect(renderEverywhere(outcome)).not.toContain(TOKEN);
  });

  it('accepts any result code other than 0002 when a token is present (upstream decides by shape)', () => {
    const body = JSON.stringify({ head: { version: 'v1' }, body: { resultInfo: { resultStatus: 'S', resultCode: '0001', resultMsg: 'x' }, txnToken: TOKEN } });
    expect(fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body }).status).toBe('SUCCESS');
  });

  it('maps 0002 to a typed DUPLICATE_REQUEST failure without the token', () => {
    const outcome = fromPaytmInitiateTransactionResponse(asResponse(paytmFakeAnswers.duplicate(TOKEN)));
    expect(outcome).toEqual({
      status: 'FAILURE',
      error: { code: '0002', message: 'Success Idempotent', reason: 'Success Idempotent', statusCode: 200, unifiedCode: 'DUPLICATE_REQUEST', retryable: false },
    });
    expect(renderEverywhere(outcome)).not.toContain(TOKEN);
  });

  it('scrubs the token should Paytm echo it in the 0002 message', () => {
    const body = JSON.stringify({ head: { version: 'v1' }, body: { resultInfo: { resultStatus: 'S', resultCode: '0002', resultMsg: `dup ${TOKEN}` }, txnToken: TOKEN } });
    expect(renderEverywhere(fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body }))).not.toContain(TOKEN);
  });

  it.each([
    ['2005', 'Checksum provided is invalid', 'INVALID_SIGNATURE'],
    ['330', 'Invalid checksum', 'INVALID_SIGNATURE'],
    ['1001', 'Request parameters are not valid', 'INVALID_REQUEST'],
    ['309', 'Invalid Order Id', 'INVALID_REQUEST'],
    ['1006', 'Your Session has expired', 'SESSION_EXPIRED'],
    ['9999', 'Something else', 'GATEWAY_REJECTED'],
  ])('maps a body without token (%s) to a FAILURE decline', (code, message, unifiedCode) => {
    expect(fromPaytmInitiateTransactionResponse(asResponse(paytmFakeAnswers.failure(code, message)))).toEqual({
      status: 'FAILURE',
      error: { code, message, reason: message, statusCode: 200, attemptStatus: 'FAILURE', unifiedCode, retryable: false },
    });
  });

  it('treats a non-string txnToken as the failure shape, like upstream’s untagged parse', () => {
    const body = JSON.stringify({ head: { version: 'v1' }, body: { resultInfo: { resultStatus: 'F', resultCode: '501', resultMsg: 'System Error' }, txnToken: null } });
    expect(fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body })).toMatchObject({ status: 'FAILURE', error: { code: '501' } });
  });

  it('raises MISSING_REQUIRED_FIELD for an empty txnToken', () => {
    const body = JSON.stringify({ head: { version: 'v1' }, body: { resultInfo: { resultStatus: 'S', resultCode: '0000', resultMsg: 'Success' }, txnToken: '' } });
    expect(() => fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body })).toThrow(
      expect.objectContaining({ name: 'ConnectorError', code: 'MISSING_REQUIRED_FIELD' }),
    );
  });

  it.each([
    ['malformed JSON', paytmFakeAnswers.malformedJson().body],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['no head.version', '{"head":{},"body":{"resultInfo":{"resultStatus":"S","resultCode":"0000","resultMsg":"Success"},"txnToken":"t"}}'],
    ['a resultInfo without resultMsg', '{"head":{"version":"v1"},"body":{"resultInfo":{"resultStatus":"S","resultCode":"0000"}}}'],
    ['a numeric resultCode', '{"head":{"version":"v1"},"body":{"resultInfo":{"resultStatus":"S","resultCode":0,"resultMsg":"Success"}}}'],
  ])('raises MALFORMED_RESPONSE for %s', (_label, body) => {
    expect(() => fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body })).toThrow(ConnectorError);
    expect(() => fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body })).toThrow(expect.objectContaining({ code: 'MALFORMED_RESPONSE', httpStatus: 200 }));
  });

  it('keeps tokens and signatures out of a malformed-response error', () => {
    const body = `{"head":{"version":"v1","signature":"SIGNATURE_SECRET_1"},"body":{"txnToken":"${TOKEN}","resultInfo":`;
    let thrown: unknown;
    try {
      fromPaytmInitiateTransactionResponse({ status: 200, headers: {}, body });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    const text = renderEverywhere(thrown);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('SIGNATURE_SECRET_1');
  });
});
