import { inspect } from 'node:util';
import { ConnectorError, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { nuveiErrorResponseSchema, nuveiPaymentResponseSchema, nuveiSessionTokenResponseSchema, parseNuveiSuccessBody } from './nuvei.responses';

const ok = (body: string): HttpResponse => ({ status: 200, headers: {}, body });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('Nuvei response schemas', () => {
  it('accepts errCode as a number or a string', () => {
    expect(nuveiSessionTokenResponseSchema.parse({ status: 'ERROR', errCode: 1001 }).errCode).toBe('1001');
    expect(nuveiSessionTokenResponseSchema.parse({ status: 'ERROR', errCode: '1001' }).errCode).toBe('1001');
    expect(nuveiErrorResponseSchema.parse({ errCode: 1022 }).errCode).toBe('1022');
    expect(nuveiErrorResponseSchema.parse({ errCode: '' }).errCode).toBeUndefined();
  });

  it('treats null and empty text as absent', () => {
    const parsed = nuveiSessionTokenResponseSchema.parse({ status: 'SUCCESS', sessionToken: '', reason: null, errCode: null });
    expect(parsed).toEqual({ status: 'SUCCESS' });
  });

  it('requires a known request status, case-sensitively', () => {
    expect(nuveiSessionTokenResponseSchema.safeParse({ sessionToken: 't' }).success).toBe(false);
    expect(nuveiSessionTokenResponseSchema.safeParse({ status: 'success', sessionToken: 't' }).success).toBe(false);
  });

  it.each([
    ['APPROVED', 'APPROVED'],
    ['Approved', 'APPROVED'],
    ['declined', 'DECLINED'],
    ['Filter Error', 'FILTER_ERROR'],
    ['Error', 'ERROR'],
    ['Redirect', 'REDIRECT'],
    ['Pending', 'PENDING'],
  ])('normalises transactionStatus %p', (raw, expected) => {
    expect(nuveiPaymentResponseSchema.parse({ status: 'SUCCESS', transactionStatus: raw }).transactionStatus).toBe(expected);
  });

  it('refuses an unknown transactionStatus', () => {
    expect(nuveiPaymentResponseSchema.safeParse({ status: 'SUCCESS', transactionStatus: 'MAYBE' }).success).toBe(false);
  });

  it('reads ids given as numbers or strings', () => {
    expect(nuveiPaymentResponseSchema.parse({ status: 'SUCCESS', transactionId: 711, orderId: '42' })).toMatchObject({ transactionId: '711', orderId: '42' });
  });
});

describe('parseNuveiSuccessBody', () => {
  it('returns the parsed body', () => {
    expect(parseNuveiSuccessBody(nuveiSessionTokenResponseSchema, ok('{"status":"SUCCESS","sessionToken":"t"}'), 'sessionToken')).toEqual({
      status: 'SUCCESS',
      sessionToken: 't',
    });
  });

  it('raises MALFORMED_RESPONSE for a non-JSON body without quoting it', () => {
    const error = thrown(() => parseNuveiSuccessBody(nuveiSessionTokenResponseSchema, ok('{"sessionToken":"leaky_token_canary'), 'sessionToken'));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', httpStatus: 200, connector: 'nuvei', flow: 'sessionToken' });
    expect(inspect(error)).not.toContain('leaky_token_canary');
  });

  it('names the wrong fields but never their values', () => {
    const error = thrown(() => parseNuveiSuccessBody(nuveiSessionTokenResponseSchema, ok('{"status":"MAYBE","sessionToken":"leaky_token_canary"}'), 'sessionToken'));
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', reason: expect.stringContaining('status') });
    expect(inspect(error)).not.toContain('leaky_token_canary');
    expect(inspect(error)).not.toContain('MAYBE');
  });
});
