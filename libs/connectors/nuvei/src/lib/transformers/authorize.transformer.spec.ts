import { inspect } from 'node:util';
import { ConnectorError, IntegrationError, type FlowContext, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import type { AuthorizeRequestData } from '@prism-sessions/domain-types';
import type { NuveiCredentials } from '../nuvei.credentials';
import { Secret, maskPan } from '@prism-sessions/masking';
import { serializeNuveiRequest } from '../wire/nuvei.requests';
import { fromNuveiPaymentResponse, toNuveiPaymentRequest } from './authorize.transformer';

const PAN = '4111111111111111';
const CVV = '9731';

const credentials: NuveiCredentials = {
  merchantId: new Secret('probe_merchant'),
  merchantSiteId: new Secret('probe_id'),
  merchantSecret: new Secret('probe_secret'),
};

function authorizeRequest(overrides: Partial<AuthorizeRequestData> = {}): AuthorizeRequestData {
  return {
    amount: { minorAmount: 1000n, currency: 'USD' },
    sessionToken: new Secret('tok_abc'),
    paymentMethod: {
      type: 'card',
      cardNumber: new Secret(PAN, maskPan),
      expiryMonth: new Secret('12'),
      expiryYear: new Secret('2030'),
      cvc: new Secret(CVV),
      holderName: new Secret('Jane Doe'),
    },
    captureMethod: 'automatic',
    browserInfo: { ipAddress: '203.0.113.7' },
    billing: { email: new Secret('jane@example.com'), country: 'US', firstName: new Secret('Jane'), lastName: new Secret('Doe') },
    returnUrl: 'https://merchant.example/return',
    ...overrides,
  };
}

function context(request: AuthorizeRequestData = authorizeRequest()): FlowContext<AuthorizeRequestData, NuveiCredentials> {
  return {
    credentials,
    flowData: { merchantId: 'merchant_probe', connectorRequestReferenceId: 'txn_001', testMode: true },
    request,
    baseUrl: 'https://ppp-test.nuvei.com/ppp/api/v1',
    clock: new FixedClock('2025-01-01T12:00:00Z'),
  };
}

const ok = (body: unknown): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** Everything a log line could show of a value; stack frames are dropped (their line numbers are noise). */
function rendered(value: unknown): string {
  const text = value instanceof Error ? ` ${value.message}` : '';
  return `${inspect(value, { depth: null }).replace(/^\s+at .*$/gm, '')} ${JSON.stringify(value)}${text}`;
}

function expectNoCardData(value: unknown): void {
  const text = rendered(value);
  expect(text).not.toContain(PAN);
  expect(text).not.toContain(CVV);
  expect(text).not.toContain('probe_secret');
}

describe('toNuveiPaymentRequest', () => {
  it('builds the payment.do body byte for byte, keys in upstream order', () => {
    expect(serializeNuveiRequest(toNuveiPaymentRequest(context()))).toBe(
      '{"sessionToken":"tok_abc","merchantId":"probe_merchant","merchantSiteId":"probe_id","clientRequestId":"txn_001",' +
        '"amount":"10.00","currency":"USD","clientUniqueId":"txn_001",' +
        `"paymentOption":{"card":{"cardNumber":"${PAN}","cardHolderName":"Jane Doe","expirationMonth":"12","expirationYear":"2030","CVV":"${CVV}"}},` +
        '"transactionType":"Sale","deviceDetails":{"ipAddress":"203.0.113.7"},' +
        '"billingAddress":{"email":"jane@example.com","country":"US","firstName":"Jane","lastName":"Doe"},' +
        '"urlDetails":{"successUrl":"https://merchant.example/return","failureUrl":"https://merchant.example/return","pendingUrl":"https://merchant.example/return"},' +
        '"timeStamp":"20250101120000","checksum":"de4f285a657c89d0124aa9d05a06dcebe1027f0b5f160ad615e567a40dac43af"}',
    );
  });

  it('keeps card data, token and PII masked in the request object', () => {
    const request = toNuveiPaymentRequest(context());
    expectNoCardData(request);
    expect(rendered(request)).not.toContain('tok_abc');
    expect(rendered(request)).not.toContain('jane@example.com');
  });

  it.each([
    ['automatic', 1000n, 'Sale'],
    ['manual', 1000n, 'Auth'],
    ['automatic', 0n, 'Auth'],
    ['manual', 0n, 'Auth'],
  ] as const)('uses %s capture with %s minor units → %s', (captureMethod, minorAmount, transactionType) => {
    const request = toNuveiPaymentRequest(context(authorizeRequest({ captureMethod, amount: { minorAmount, currency: 'USD' } })));
    expect(request.transactionType).toBe(transactionType);
  });

  it('formats the amount in major units for the currency', () => {
    expect(toNuveiPaymentRequest(context(authorizeRequest({ amount: { minorAmount: 1000n, currency: 'JPY' } }))).amount).toBe('1000');
    expect(toNuveiPaymentRequest(context(authorizeRequest({ amount: { minorAmount: 1000n, currency: 'KWD' } }))).amount).toBe('1.000');
  });

  it('omits urlDetails and optional billing fields when absent, and names the holder from billing', () => {
    const base = authorizeRequest();
    const card = base.paymentMethod.type === 'card' ? { ...base.paymentMethod, holderName: undefined } : base.paymentMethod;
    const { returnUrl: _returnUrl, ...withoutReturnUrl } = base;
    const body = serializeNuveiRequest(
      toNuveiPaymentRequest(context({ ...withoutReturnUrl, paymentMethod: card, billing: { email: new Secret('a@b.co'), country: 'DE', firstName: new Secret('Ada'), lastName: new Secret('Lovelace') } })),
    );
    expect(body).not.toContain('urlDetails');
    expect(body).toContain('"cardHolderName":"Ada Lovelace"');
    expect(body).toContain('"billingAddress":{"email":"a@b.co","country":"DE","firstName":"Ada","lastName":"Lovelace"}');
  });

  it.each([
    ['sessionToken', authorizeRequest({ sessionToken: undefined })],
    ['sessionToken', authorizeRequest({ sessionToken: new Secret('') })],
    ['browserInfo.ipAddress', authorizeRequest({ browserInfo: {} })],
    ['browserInfo.ipAddress', authorizeRequest({ browserInfo: undefined })],
    ['billing.email', authorizeRequest({ billing: { country: 'US' } })],
    ['billing.country', authorizeRequest({ billing: { email: new Secret('a@b.co') } })],
    ['paymentMethod.holderName', authorizeRequest({ billing: { email: new Secret('a@b.co'), country: 'US' }, paymentMethod: { type: 'card', cardNumber: new Secret(PAN), expiryMonth: new Secret('12'), expiryYear: new Secret('30'), cvc: new Secret(CVV) } })],
  ])('refuses a request without %s, naming the field', (field, request) => {
    const error = thrown(() => toNuveiPaymentRequest(context(request)));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field, flow: 'authorize', connector: 'nuvei' });
    expect((error as Error).message).toContain(field);
    expectNoCardData(error);
  });

  it('refuses a country that is not alpha-2', () => {
    const error = thrown(() => toNuveiPaymentRequest(context(authorizeRequest({ billing: { email: new Secret('a@b.co'), country: 'USA' } }))));
    expect(error).toMatchObject({ code: 'INVALID_FIELD', field: 'billing.country' });
  });

  it('refuses payment methods other than cards', () => {
    const error = thrown(() => toNuveiPaymentRequest(context(authorizeRequest({ paymentMethod: { type: 'upi_collect', vpa: new Secret('someone@upi') } }))));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'PAYMENT_METHOD_NOT_SUPPORTED', field: 'paymentMethod.type' });
    expect(rendered(error)).not.toContain('someone@upi');
  });
});

describe('fromNuveiPaymentResponse', () => {
  const approved = { status: 'SUCCESS', transactionStatus: 'APPROVED', transactionId: '7110000000001', orderId: '400000001' };

  it.each([
    [{ transactionStatus: 'APPROVED' }, 'automatic', 'CHARGED'],
    [{ transactionStatus: 'Approved' }, 'manual', 'AUTHORIZED'],
    [{ transactionStatus: 'REDIRECT' }, 'automatic', 'AUTHENTICATION_PENDING'],
    [{ transactionStatus: 'Pending' }, 'automatic', 'PENDING'],
    [{ transactionStatus: 'PROCESSING' }, 'automatic', 'PENDING'],
    [{ transactionStatus: undefined }, 'automatic', 'PENDING'],
  ] as const)('maps %j with %s capture to a SUCCESS outcome with %s', (fields, captureMethod, attemptStatus) => {
    const outcome = fromNuveiPaymentResponse(context(authorizeRequest({ captureMethod })), ok({ ...approved, ...fields }));
    expect(outcome).toEqual({ status: 'SUCCESS', attemptStatus, data: { status: attemptStatus, connectorTransactionId: '7110000000001' } });
  });

  it.each(['DECLINED', 'Error', 'Filter Error'])('maps transactionStatus %s to a FAILURE outcome with the acquirer reason', (transactionStatus) => {
    const outcome = fromNuveiPaymentResponse(context(), ok({ ...approved, transactionStatus, gwErrorCode: -1, gwErrorReason: 'Decline' }));
    expect(outcome).toEqual({
      status: 'FAILURE',
      error: { code: '-1', message: 'Decline', reason: 'Decline', statusCode: 200, attemptStatus: 'FAILURE', unifiedCode: 'GATEWAY_REJECTED', retryable: false },
    });
  });

  it('maps status FAILED without a transactionStatus to FAILURE', () => {
    expect(fromNuveiPaymentResponse(context(), ok({ status: 'FAILED', orderId: '1' })).status).toBe('FAILURE');
  });

  it.each([
    [1064, 'Invalid session token. There can be only one order per session token.', 'SESSION_ALREADY_USED'],
    [1069, 'Session expired', 'SESSION_EXPIRED'],
    [1001, 'Invalid checksum', 'INVALID_SIGNATURE'],
  ])('maps 200 + status ERROR %i to a FAILURE outcome', (errCode, reason, unifiedCode) => {
    const outcome = fromNuveiPaymentResponse(context(), ok({ status: 'ERROR', errCode, reason }));
    expect(outcome).toMatchObject({ status: 'FAILURE', error: { code: String(errCode), message: reason, attemptStatus: 'FAILURE', unifiedCode, retryable: false } });
  });

  it('falls back to orderId and keeps a redirect URL masked', () => {
    const outcome = fromNuveiPaymentResponse(
      context(),
      ok({ status: 'SUCCESS', transactionStatus: 'REDIRECT', orderId: '400000009', paymentOption: { redirectUrl: 'https://acs.example/3ds?c=secret_creq' } }),
    );
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.data.connectorTransactionId).toBe('400000009');
    expect(outcome.data.redirectUrl?.expose()).toBe('https://acs.example/3ds?c=secret_creq');
    expect(rendered(outcome)).not.toContain('secret_creq');
  });

  it('ignores a redirect URL that does not parse', () => {
    const outcome = fromNuveiPaymentResponse(context(), ok({ ...approved, transactionStatus: 'REDIRECT', paymentOption: { redirectUrl: 'not a url' } }));
    expect(outcome.status === 'SUCCESS' && outcome.data.redirectUrl).toBeFalsy();
  });

  it('raises MISSING_REQUIRED_FIELD when neither transactionId nor orderId is present', () => {
    const error = thrown(() => fromNuveiPaymentResponse(context(), ok({ status: 'SUCCESS', transactionStatus: 'APPROVED' })));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', flow: 'authorize' });
  });

  it('raises MALFORMED_RESPONSE for an unknown transactionStatus or a body without status', () => {
    expect(thrown(() => fromNuveiPaymentResponse(context(), ok({ ...approved, transactionStatus: 'MAYBE' })))).toMatchObject({ code: 'MALFORMED_RESPONSE' });
    expect(thrown(() => fromNuveiPaymentResponse(context(), ok({ transactionStatus: 'APPROVED' })))).toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });
});
