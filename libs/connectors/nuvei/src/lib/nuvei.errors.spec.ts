import type { HttpResponse } from '@prism-sessions/connector-interfaces';
import { describeNuveiErrorCode, nuveiDeclineErrorResponse, nuveiStatusErrorResponse, nuveiUnifiedErrorCode, parseNuveiErrorResponse } from './nuvei.errors';

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const text = (status: number, body: string): HttpResponse => ({ status, headers: { 'content-type': 'text/html' }, body });

describe('describeNuveiErrorCode', () => {
  it.each([
    [1001, /checksum/i],
    ['1013', /merchant ID/i],
    [1021, /clock skew/i],
    [1022, /site ID/i],
    ['1064', /one order per session token/i],
    [1069, /expired/i],
  ])('explains %p', (code, meaning) => {
    expect(describeNuveiErrorCode(code)).toMatch(meaning);
  });

  it('returns undefined for codes without documentation', () => {
    expect(describeNuveiErrorCode(4242)).toBeUndefined();
    expect(describeNuveiErrorCode('toString')).toBeUndefined();
  });
});

describe('nuveiUnifiedErrorCode', () => {
  it.each([
    ['1001', 'INVALID_SIGNATURE'],
    ['1013', 'INVALID_CREDENTIALS'],
    ['1022', 'INVALID_CREDENTIALS'],
    ['1021', 'INVALID_TIMESTAMP'],
    ['1064', 'SESSION_ALREADY_USED'],
    ['1069', 'SESSION_EXPIRED'],
    ['1000', 'GATEWAY_REJECTED'],
    ['constructor', 'GATEWAY_REJECTED'],
  ])('maps %s to %s', (code, unified) => {
    expect(nuveiUnifiedErrorCode(code)).toBe(unified);
  });
});

describe('nuveiStatusErrorResponse (HTTP 200 + status ERROR)', () => {
  it('keeps the code, uses reason as message and reason, and fails the attempt (1021 clock skew is retryable)', () => {
    expect(nuveiStatusErrorResponse({ errCode: '1021', reason: 'Invalid timestamp' }, 200)).toEqual({
      code: '1021',
      message: 'Invalid timestamp',
      reason: 'Invalid timestamp',
      statusCode: 200,
      attemptStatus: 'FAILURE',
      unifiedCode: 'INVALID_TIMESTAMP',
      retryable: true,
    });
    expect(nuveiStatusErrorResponse({ errCode: '1001', reason: 'Invalid checksum' }, 200).retryable).toBe(false);
  });

  it('falls back to "" and "Unknown error" like upstream', () => {
    expect(nuveiStatusErrorResponse({}, 200)).toMatchObject({ code: '', message: 'Unknown error', reason: 'Unknown error', unifiedCode: 'GATEWAY_REJECTED' });
  });
});

describe('nuveiDeclineErrorResponse', () => {
  it('uses the acquirer code and reason', () => {
    expect(nuveiDeclineErrorResponse({ status: 'SUCCESS', transactionStatus: 'DECLINED', gwErrorCode: '-1', gwErrorReason: 'Decline' }, 200)).toEqual({
      code: '-1',
      message: 'Decline',
      reason: 'Decline',
      statusCode: 200,
      attemptStatus: 'FAILURE',
      unifiedCode: 'GATEWAY_REJECTED',
      retryable: false,
    });
  });

  it('says what happened when Nuvei gives no reason', () => {
    expect(nuveiDeclineErrorResponse({ status: 'FAILED' }, 200)).toMatchObject({ code: 'No error code', message: 'Nuvei status FAILED' });
  });
});

describe('parseNuveiErrorResponse', () => {
  it('reads a 4xx JSON body with a numeric errCode', () => {
    expect(parseNuveiErrorResponse(json(400, { reason: 'Invalid checksum', errCode: 1001, status: 'ERROR' }))).toEqual({
      code: '1001',
      message: 'Invalid checksum',
      reason: 'Invalid checksum',
      statusCode: 400,
      unifiedCode: 'INVALID_SIGNATURE',
      retryable: false,
    });
  });

  it('reads a 4xx JSON body with a string errCode', () => {
    const error = parseNuveiErrorResponse(json(401, { reason: 'Invalid merchant ID', errCode: '1013', status: 'ERROR' }));
    expect(error).toMatchObject({ code: '1013', message: 'Invalid merchant ID', statusCode: 401, unifiedCode: 'INVALID_CREDENTIALS' });
    expect(error.attemptStatus).toBeUndefined();
  });

  it('uses upstream’s fallbacks for a 4xx JSON body without code or reason', () => {
    const error = parseNuveiErrorResponse(json(400, { status: 'ERROR' }));
    expect(error).toEqual({ code: 'No error code', message: 'No error message', statusCode: 400, unifiedCode: 'INVALID_REQUEST', retryable: false });
  });

  it('maps an HTML 4xx page to its status with a short excerpt', () => {
    const error = parseNuveiErrorResponse(text(403, `<html><body>Forbidden${'!'.repeat(500)}</body></html>`));
    expect(error).toMatchObject({ code: '403', message: 'Unsupported response type', statusCode: 403, unifiedCode: 'GATEWAY_MALFORMED_RESPONSE', retryable: false });
    expect(error.reason?.startsWith('<html><body>Forbidden')).toBe(true);
    expect(error.reason?.length).toBeLessThanOrEqual(200);
  });

  it('maps an empty 4xx body without a reason', () => {
    expect(parseNuveiErrorResponse(text(404, ''))).toEqual({
      code: '404',
      message: 'Unsupported response type',
      statusCode: 404,
      unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
      retryable: false,
    });
  });

  it('treats 4xx JSON of an unexpected shape as unsupported instead of throwing', () => {
    expect(parseNuveiErrorResponse(json(400, { errCode: { nested: true } }))).toMatchObject({ code: '400', unifiedCode: 'GATEWAY_MALFORMED_RESPONSE' });
    expect(parseNuveiErrorResponse(json(400, ['not', 'an', 'object']))).toMatchObject({ code: '400', unifiedCode: 'GATEWAY_MALFORMED_RESPONSE' });
  });

  it.each([500, 502, 503])('maps a %i to the retryable default server error', (status) => {
    const error = parseNuveiErrorResponse(json(status, { reason: 'Internal error', status: 'ERROR' }));
    expect(error).toMatchObject({ code: String(status), statusCode: status, unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: true });
    expect(error.attemptStatus).toBeUndefined();
  });
});
