import { hsErrorBody, malformedBody, paymentNotFound, statusNotAllowed, unauthorized } from './hs-error';

describe('upstream error bodies', () => {
  it('uses `type` for API errors and `error_type` for body errors', () => {
    expect(hsErrorBody(unauthorized())).toEqual({ error: { type: 'invalid_request', message: 'API key not provided or invalid API key used', code: 'IR_01' } });
    expect(hsErrorBody(malformedBody('missing field `wallets`'))).toEqual({ error: { error_type: 'invalid_request', message: 'Json deserialize error: missing field `wallets`', code: 'IR_06' } });
    expect(paymentNotFound().httpStatus).toBe(404);
  });

  it('prints the status snake_case as upstream does', () => {
    expect(statusNotAllowed('SUCCEEDED').message).toBe('You cannot create a session token for this payment because it has status succeeded');
  });
});
