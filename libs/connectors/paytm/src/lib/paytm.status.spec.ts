import { isPaytmFailureStatus, mapPaytmResultCode } from './paytm.status';

describe('mapPaytmResultCode (processTransaction, spec §5.5)', () => {
  it.each([
    ['0000', 'AUTHORIZED'],
    ['931', 'AUTHENTICATION_FAILED'],
    ['1006', 'AUTHENTICATION_FAILED'],
    ['2004', 'AUTHENTICATION_FAILED'],
    ['RC-00018', 'AUTHORIZATION_FAILED'],
    ['312', 'AUTHORIZATION_FAILED'],
    ['315', 'AUTHORIZATION_FAILED'],
    ['0001', 'FAILURE'],
    ['309', 'FAILURE'],
    ['1001', 'FAILURE'],
    ['1007', 'FAILURE'],
    ['501', 'FAILURE'],
    ['510', 'FAILURE'],
    ['372', 'FAILURE'],
    ['1005', 'FAILURE'],
    ['0002', 'PENDING'],
    ['400', 'PENDING'],
    ['', 'PENDING'],
    ['rc-00018', 'PENDING'],
  ])('%p → %s', (code, status) => {
    expect(mapPaytmResultCode(code)).toBe(status);
  });

  it('treats exactly the three failed statuses as failures', () => {
    expect(['FAILURE', 'AUTHENTICATION_FAILED', 'AUTHORIZATION_FAILED'].every((s) => isPaytmFailureStatus(s as never))).toBe(true);
    for (const status of ['PENDING', 'AUTHORIZED', 'CHARGED', 'AUTHENTICATION_PENDING'] as const) expect(isPaytmFailureStatus(status)).toBe(false);
  });
});
