import { ConnectorError, IntegrationError, isUnsupportedFlow, type FlowContext } from '@prism-sessions/connector-interfaces';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import type { AuthorizeRequestData } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import { renderEverywhere } from '../../testing/render';
import { paytmConnector } from '../paytm.connector';
import type { PaytmCredentials } from '../paytm.credentials';
import { fromPaytmProcessTransactionResponse, toPaytmProcessTransaction } from './authorize.transformer';

const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f901735732800000';
const VPA = '9876543210@paytm';
const URL = 'https://securestage.paytmpayments.com/theia/api/v1/processTransaction?mid=probe_merchant&orderId=order_001';

const credentials: PaytmCredentials = {
  merchantId: new Secret('probe_merchant'),
  merchantKey: new Secret('abcdefgh12345678'),
  website: new Secret('WEBSTAGING'),
};

function ctx(request: Partial<AuthorizeRequestData> = {}, orderId = 'order_001'): FlowContext<AuthorizeRequestData, PaytmCredentials> {
  return {
    flowData: { merchantId: 'merchant_1', connectorRequestReferenceId: orderId, testMode: true },
    request: {
      amount: { minorAmount: 1000n, currency: 'INR' },
      sessionToken: new Secret(TOKEN),
      paymentMethod: { type: 'upi_intent' },
      captureMethod: 'automatic',
      ...request,
    },
    credentials,
    baseUrl: 'https://securestage.paytmpayments.com/',
    clock: new FixedClock('2025-01-01T12:00:00Z'),
  };
}

// The connector owns method, URL, headers and the envelope; the transformer builds head and body.
const authorizeFlow = (() => {
  const flow = paytmConnector.flows.authorize;
  if (isUnsupportedFlow(flow)) throw new Error('authorize must be implemented');
  return flow;
})();
const toPaytmProcessTransactionRequest = (context: FlowContext<AuthorizeRequestData, PaytmCredentials>) => authorizeFlow.buildRequest(context);

const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('toPaytmProcessTransaction (pure head and body builder)', () => {
  it('keeps the token, merchant id and VPA as Secrets until the wire body is serialised', () => {
    const parts = toPaytmProcessTransaction(ctx({ paymentMethod: { type: 'upi_collect', vpa: new Secret(VPA) } }), 'order_001');
    const text = JSON.stringify(parts);
    for (const value of [TOKEN, VPA, 'probe_merchant']) expect(text).not.toContain(value);
    expect(parts.head.txnToken.expose()).toBe(TOKEN);
  });
});

describe('authorize buildRequest: UPI intent', () => {
  it('builds the exact bytes with channelId null when the OS is unknown', () => {
    const request = toPaytmProcessTransactionRequest(ctx());
    expect(request).toEqual({
      method: 'POST',
      url: URL,
      headers: { 'Content-Type': 'application/json', Via: 'HyperSwitch' },
      body: `{"head":{"version":"v1","requestTimestamp":"1735732800","channelId":null,"txnToken":"${TOKEN}"},"body":{"mid":"probe_merchant","orderId":"order_001","requestType":"NATIVE","paymentMode":"UPI_INTENT","paymentFlow":"NONE"}}`,
    });
  });

  it('adds channelId from the OS and txnNote from the description', () => {
    const request = toPaytmProcessTransactionRequest(ctx({ browserInfo: { osType: 'Android' }, description: 'Order #1 "mug"' }));
    expect(request.body).toBe(
      `{"head":{"version":"v1","requestTimestamp":"1735732800","channelId":"WAP","txnToken":"${TOKEN}"},"body":{"mid":"probe_merchant","orderId":"order_001","requestType":"NATIVE","paymentMode":"UPI_INTENT","paymentFlow":"NONE","txnNote":"Order #1 \\"mug\\""}}`,
    );
    expect(toPaytmProcessTransactionRequest(ctx({ browserInfo: { osType: 'Linux' } })).body).toContain('"channelId":"WEB"');
  });
});

describe('authorize buildRequest: UPI collect', () => {
  it('builds the exact bytes with head {txnToken} and channelId WEB by default', () => {
    const request = toPaytmProcessTransactionRequest(ctx({ paymentMethod: { type: 'upi_collect', vpa: new Secret(VPA) } }));
    expect(request.url).toBe(URL);
    expect(request.body).toBe(
      `{"head":{"txnToken":"${TOKEN}"},"body":{"requestType":"NATIVE","mid":"probe_merchant","orderId":"order_001","paymentMode":"UPI","payerAccount":"${VPA}","channelCode":"","channelId":"WEB","txnToken":"${TOKEN}","authMode":null}}`,
    );
  });

  it('uses WAP for mobile clients', () => {
    const request = toPaytmProcessTransactionRequest(ctx({ paymentMethod: { type: 'upi_collect', vpa: new Secret(VPA) }, browserInfo: { osType: 'iOS' } }));
    expect(request.body).toContain('"channelId":"WAP"');
  });

  it.each(['no-at-sign', 'a@b', '@@@', '', 'abc'])('refuses VPA %p without echoing it', (vpa) => {
    const error = thrownBy(() => toPaytmProcessTransactionRequest(ctx({ paymentMethod: { type: 'upi_collect', vpa: new Secret(vpa) } })));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'INVALID_VPA', message: 'Invalid UPI VPA format', field: 'paymentMethod.vpa', flow: 'authorize' });
    if (vpa.length > 3) expect(renderEverywhere(error)).not.toContain(vpa);
  });

  it('accepts the shortest VPA upstream allows (4 characters with @)', () => {
    expect(() => toPaytmProcessTransactionRequest(ctx({ paymentMethod: { type: 'upi_collect', vpa: new Secret('a@bc') } }))).not.toThrow();
  });
});

describe('authorize buildRequest: refusals', () => {
  it('requires the session token', () => {
    const error = thrownBy(() => toPaytmProcessTransactionRequest(ctx({ sessionToken: undefined })));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field: 'sessionToken' });
  });

  it('supports only UPI', () => {
    const card = { type: 'card', cardNumber: new Secret('4111111111111111'), expiryMonth: new Secret('12'), expiryYear: new Secret('2030'), cvc: new Secret('123') } as const;
    const error = thrownBy(() => toPaytmProcessTransactionRequest(ctx({ paymentMethod: card })));
    expect(error).toMatchObject({ code: 'PAYMENT_METHOD_NOT_SUPPORTED', message: 'Only UPI payment methods are supported' });
    expect(renderEverywhere(error)).not.toContain('4111111111111111');
  });

  it('validates the orderId first', () => {
    const error = thrownBy(() => toPaytmProcessTransactionRequest(ctx({ sessionToken: undefined }, 'bad id')));
    expect(error).toMatchObject({ code: 'INVALID_ORDER_ID', field: 'merchantTransactionId' });
  });

  it('never renders the token in its errors', () => {
    const error = thrownBy(() => toPaytmProcessTransactionRequest(ctx({ paymentMethod: { type: 'upi_collect', vpa: new Secret('bad') } })));
    expect(renderEverywhere(error)).not.toContain(TOKEN);
  });
});

const processAnswer = (body: object, status = 200) => ({ status, headers: {}, body: JSON.stringify({ head: { responseTimestamp: '1735732800000', version: 'v1' }, body }) });
const resultInfo = (resultCode: string, resultMsg = 'msg') => ({ resultStatus: resultCode === '0000' ? 'S' : 'F', resultCode, resultMsg });

describe('fromPaytmProcessTransactionResponse', () => {
  it('maps an intent success to AUTHORIZED with the upi:// deep link as a wrapped redirect', () => {
    const deepLink = 'upi://pay?pa=probe@paytm&pn=Probe&tr=2025000001&am=10.00&cu=INR&mode=00';
    const outcome = fromPaytmProcessTransactionResponse(
      processAnswer({ resultInfo: resultInfo('0000', 'Success'), deepLinkInfo: { deepLink, orderId: 'order_001', cashierRequestId: 'CR1', transId: '2025000001' } }),
    );
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.attemptStatus).toBe('AUTHORIZED');
    expect(outcome.data.status).toBe('AUTHORIZED');
    expect(outcome.data.connectorTransactionId).toBe('2025000001');
    expect(outcome.data.redirectUrl?.expose()).toBe(deepLink);
    expect(renderEverywhere(outcome)).not.toContain('upi://');
  });

  it('ignores deep links that are not upi://', () => {
    const outcome = fromPaytmProcessTransactionResponse(processAnswer({ resultInfo: resultInfo('0000'), deepLinkInfo: { deepLink: 'https://evil.example/' } }));
    expect(outcome.status === 'SUCCESS' && outcome.data.redirectUrl).toBeUndefined();
  });

  it('maps a collect success with its transId', () => {
    const outcome = fromPaytmProcessTransactionResponse(processAnswer({ resultInfo: resultInfo('0000'), transId: 'T9', orderId: 'order_001' }));
    expect(outcome).toEqual({ status: 'SUCCESS', data: { status: 'AUTHORIZED', connectorTransactionId: 'T9' }, attemptStatus: 'AUTHORIZED' });
  });

  it('keeps unknown codes PENDING as a success outcome', () => {
    expect(fromPaytmProcessTransactionResponse(processAnswer({ resultInfo: resultInfo('402') }))).toEqual({
      status: 'SUCCESS',
      data: { status: 'PENDING' },
      attemptStatus: 'PENDING',
    });
  });

  it.each([
    ['1006', 'AUTHENTICATION_FAILED', 'SESSION_EXPIRED'],
    ['2004', 'AUTHENTICATION_FAILED', 'SESSION_EXPIRED'],
    ['931', 'AUTHENTICATION_FAILED', 'GATEWAY_REJECTED'],
    ['RC-00018', 'AUTHORIZATION_FAILED', 'GATEWAY_REJECTED'],
    ['0001', 'FAILURE', 'GATEWAY_REJECTED'],
    ['1001', 'FAILURE', 'INVALID_REQUEST'],
  ])('maps %s to a FAILURE outcome with attempt status %s', (code, attemptStatus, unifiedCode) => {
    expect(fromPaytmProcessTransactionResponse(processAnswer({ resultInfo: resultInfo(code, 'Declined') }))).toEqual({
      status: 'FAILURE',
      error: { code, message: 'Declined', reason: 'Declined', statusCode: 200, attemptStatus, unifiedCode, retryable: false },
    });
  });

  it('raises MALFORMED_RESPONSE for unreadable bodies', () => {
    for (const body of ['', '{', '{"head":{},"body":{}}', 'null']) {
      expect(() => fromPaytmProcessTransactionResponse({ status: 200, headers: {}, body })).toThrow(ConnectorError);
    }
  });

  it('is wired as the authorize flow handler', () => {
    expect(authorizeFlow.buildRequest(ctx()).url).toBe(URL);
    expect(authorizeFlow.handleResponse(ctx(), processAnswer({ resultInfo: resultInfo('0000') })).status).toBe('SUCCESS');
  });
});
