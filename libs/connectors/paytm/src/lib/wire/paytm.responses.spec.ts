import { paytmInitiateTransactionResponseSchema, parsePaytmCallbackError, parsePaytmFlatError, parsePaytmResultInfoError } from './paytm.responses';

const resultInfo = { resultStatus: 'F', resultCode: '1001', resultMsg: 'bad' };

describe('Paytm response schemas', () => {
  it('initiateTransaction: head.version and all of resultInfo are required; extra fields ignored', () => {
    const ok = { head: { version: 'v1', responseTimestamp: '1' }, body: { resultInfo, extraParamsMap: null, txnToken: 't' } };
    expect(paytmInitiateTransactionResponseSchema.safeParse(ok).success).toBe(true);
    expect(paytmInitiateTransactionResponseSchema.safeParse({ ...ok, head: {} }).success).toBe(false);
    expect(paytmInitiateTransactionResponseSchema.safeParse({ ...ok, body: { resultInfo: { resultCode: '1', resultMsg: 'm' } } }).success).toBe(false);
  });

  it('error shapes', () => {
    expect(parsePaytmResultInfoError({ head: { version: 'v1' }, body: { resultInfo } })).toBeDefined();
    expect(parsePaytmResultInfoError({ head: {}, body: { resultInfo } })).toBeUndefined();
    expect(parsePaytmCallbackError({ head: { version: 'v1' }, body: { resultInfo } })).toBeUndefined();
    expect(parsePaytmCallbackError({ head: { version: 'v1' }, body: { resultInfo, txnInfo: { RESPCODE: '227' } } })?.body.txnInfo.RESPCODE).toBe('227');
    expect(parsePaytmFlatError({})).toEqual({});
    expect(parsePaytmFlatError({ errorCode: 5 })).toBeUndefined();
  });
});
