import type { HttpResponse } from '@prism-sessions/connector-interfaces';
import { paytmFakeAnswers } from '../testing/paytm.fake-answers';
import { renderEverywhere } from '../testing/render';
import { describePaytmResultCode, parsePaytmErrorResponse, safePaytmExcerpt, unifiedCodeForPaytm } from './paytm.errors';

const response = (answer: { status: number; body: string }): HttpResponse => ({ status: answer.status, headers: {}, body: answer.body });

describe('parsePaytmErrorResponse', () => {
  it('shape 1 {head, body:{extraParamsMap, resultInfo}} → resultCode / resultMsg, no reason', () => {
    expect(parsePaytmErrorResponse(response(paytmFakeAnswers.clientErrorResultInfo(400)))).toEqual({
      code: '1001',
      message: 'Request parameters are not valid',
      statusCode: 400,
      attemptStatus: 'FAILURE',
      unifiedCode: 'INVALID_REQUEST',
      retryable: false,
    });
  });

  it('shape 2 (callback) → txnInfo RESPCODE / RESPMSG win over resultInfo', () => {
    expect(parsePaytmErrorResponse(response(paytmFakeAnswers.clientErrorCallbackShape(400)))).toEqual({
      code: '227',
      message: 'Your payment has been declined by your bank',
      statusCode: 400,
      attemptStatus: 'FAILURE',
      unifiedCode: 'GATEWAY_REJECTED',
      retryable: false,
    });
  });

  it('shape 2 accepts camelCase respCode / respMsg and falls back to resultInfo without them', () => {
    const head = { version: 'v1' };
    const resultInfo = { resultStatus: 'F', resultCode: '0001', resultMsg: 'FAILED' };
    const camel = JSON.stringify({ head, body: { resultInfo, txnInfo: { respCode: '810', respMsg: 'Txn failed' } } });
    expect(parsePaytmErrorResponse({ status: 422, headers: {}, body: camel })).toMatchObject({ code: '810', message: 'Txn failed' });
    const bare = JSON.stringify({ head, body: { resultInfo, txnInfo: { ORDERID: 'o' } } });
    expect(parsePaytmErrorResponse({ status: 422, headers: {}, body: bare })).toMatchObject({ code: '0001', message: 'FAILED' });
  });

  it('shape 3 {errorCode, errorMessage, errorDescription} → code / message / reason', () => {
    expect(parsePaytmErrorResponse(response(paytmFakeAnswers.clientErrorFlatShape(401)))).toEqual({
      code: '1007',
      message: 'Missing mandatory element',
      reason: 'orderId is missing',
      statusCode: 401,
      attemptStatus: 'FAILURE',
      unifiedCode: 'INVALID_REQUEST',
      retryable: false,
    });
  });

  it('shape 3 with fields absent → empty strings (any JSON object matches, as upstream)', () => {
    expect(parsePaytmErrorResponse({ status: 403, headers: {}, body: '{"status":"denied"}' })).toMatchObject({ code: '', message: '', reason: '' });
  });

  it('5xx JSON → PENDING, retryable, GATEWAY_UNAVAILABLE', () => {
    expect(parsePaytmErrorResponse(response(paytmFakeAnswers.serverError(503)))).toEqual({
      code: '501',
      message: 'System Error',
      statusCode: 503,
      attemptStatus: 'PENDING',
      unifiedCode: 'GATEWAY_UNAVAILABLE',
      retryable: true,
    });
  });

  it.each([
    [503, 'Service temporarily unavailable', 'PENDING', true],
    [502, 'Bad gateway', 'PENDING', true],
    [500, 'Internal server error', 'PENDING', true],
    [504, 'HTTP 504 error', 'PENDING', true],
    [599, 'HTTP 599 error', 'PENDING', true],
    [404, 'Not found', 'FAILURE', false],
    [400, 'Bad request', 'FAILURE', false],
    [429, 'HTTP 429 error', 'FAILURE', false],
  ])('non-JSON %i → message %p, %s, retryable %p, raw excerpt of 200 chars', (status, message, attemptStatus, retryable) => {
    const body = `<html>${'x'.repeat(300)}</html>`;
    const error = parsePaytmErrorResponse({ status, headers: {}, body });
    expect(error).toMatchObject({ code: String(status), message, attemptStatus, retryable, statusCode: status });
    expect(error.reason).toBe(`Raw response: ${body.slice(0, 200)}`);
    expect(error.unifiedCode).toBe(retryable ? 'GATEWAY_UNAVAILABLE' : 'GATEWAY_REJECTED');
  });

  it('HTML page and empty body use the fallback', () => {
    expect(parsePaytmErrorResponse(response(paytmFakeAnswers.htmlError(502)))).toMatchObject({ code: '502', message: 'Bad gateway', retryable: true });
    expect(parsePaytmErrorResponse({ status: 400, headers: {}, body: '' })).toEqual({
      code: '400',
      message: 'Bad request',
      reason: 'Raw response: ',
      statusCode: 400,
      attemptStatus: 'FAILURE',
      unifiedCode: 'GATEWAY_REJECTED',
      retryable: false,
    });
  });

  it('JSON that matches no object shape (array, string, numeric errorCode) uses the fallback', () => {
    for (const body of ['[]', '"oops"', '{"errorCode":1007}']) {
      expect(parsePaytmErrorResponse({ status: 400, headers: {}, body })).toMatchObject({ code: '400', message: 'Bad request' });
    }
  });

  it('never copies a token or signature from the raw body', () => {
    const body = '<pre>{"head":{"signature":"SIG_SECRET_VALUE"},"body":{"txnToken":"TOKEN_SECRET_VALUE"}}</pre>';
    const text = renderEverywhere(parsePaytmErrorResponse({ status: 500, headers: {}, body }));
    expect(text).not.toContain('SIG_SECRET_VALUE');
    expect(text).not.toContain('TOKEN_SECRET_VALUE');
  });
});

describe('safePaytmExcerpt', () => {
  it('blanks txnToken / signature values, even when truncated, and strips control characters', () => {
    expect(safePaytmExcerpt('{"txnToken" : "abc","x":1,"signature":"def"}')).toBe('{"txnToken" : "***","x":1,"signature":"***"}');
    expect(safePaytmExcerpt('{"txnToken":"abcdef')).toBe('{"txnToken":"***"');
    expect(safePaytmExcerpt('a\nb')).toBe('a b');
    expect(safePaytmExcerpt('y'.repeat(500))).toHaveLength(200);
  });
});

describe('unifiedCodeForPaytm', () => {
  it.each([
    ['0002', 'DUPLICATE_REQUEST'],
    ['2005', 'INVALID_SIGNATURE'],
    ['330', 'INVALID_SIGNATURE'],
    ['1006', 'SESSION_EXPIRED'],
    ['2004', 'SESSION_EXPIRED'],
    ['1001', 'INVALID_REQUEST'],
    ['1007', 'INVALID_REQUEST'],
    ['309', 'INVALID_REQUEST'],
    ['0000', 'GATEWAY_REJECTED'],
    ['anything', 'GATEWAY_REJECTED'],
    ['constructor', 'GATEWAY_REJECTED'],
  ])('%s → %s', (code, unified) => {
    expect(unifiedCodeForPaytm(code)).toBe(unified);
    expect(unifiedCodeForPaytm(code, 400)).toBe(unified);
    expect(unifiedCodeForPaytm(code, 502)).toBe('GATEWAY_UNAVAILABLE');
  });
});

describe('describePaytmResultCode', () => {
  it('explains the known codes', () => {
    expect(describePaytmResultCode('2005')).toMatch(/checksum/i);
    expect(describePaytmResultCode('330')).toMatch(/checksum/i);
    expect(describePaytmResultCode('1006')).toMatch(/expired/i);
    expect(describePaytmResultCode('0002')).toMatch(/idempotent/i);
    expect(describePaytmResultCode('2004')).toMatch(/token/i);
    for (const code of ['0000', '0001', '1001', '1005', '1007', '309', '501']) expect(describePaytmResultCode(code)).toEqual(expect.any(String));
  });
  it('returns undefined for unknown codes, including prototype keys', () => {
    expect(describePaytmResultCode('12345')).toBeUndefined();
    expect(describePaytmResultCode('toString')).toBeUndefined();
  });
});
