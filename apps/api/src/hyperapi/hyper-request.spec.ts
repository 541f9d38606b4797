import { errorMessageOf, HYPER_ERRORS } from './hyper-errors';
import { echoableRequestId, parseHyperRequest } from './hyper-request';

const REQUEST_ID = 'f7443c1d-9acb-4b3d-9ae5-0e3c33dfcf5b';
const signed = { action: 'upiGetSessionToken', merchantKeyId: 'key-1', signature: 'c2ln', signaturePayload: '{"merchant_id":"m"}' };
const envelope = (payload: Record<string, unknown>, top: Record<string, unknown> = {}) => ({ requestId: REQUEST_ID, service: 'in.juspay.hyperapi', payload, ...top });

function refusal(body: unknown) {
  const parsed = parseHyperRequest(body);
  if (parsed.ok) throw new Error('expected a refusal');
  return { reason: parsed.failure.reason, message: errorMessageOf(parsed.failure) };
}

describe('parseHyperRequest (pipeline steps 1–3)', () => {
  it('accepts the seed envelope, keeping the signature and payload wrapped', () => {
    const parsed = parseHyperRequest(envelope({ ...signed, udfParameters: '{"a":"b"}', simId: '1', customerMobileNumber: '919876543210' }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.request).toMatchObject({ requestId: REQUEST_ID, action: 'upiGetSessionToken', udfParameters: '{"a":"b"}', simId: '1' });
    expect(parsed.request.auth.kind).toBe('SIGNATURE');
    expect(JSON.stringify(parsed.request)).not.toContain('919876543210');
    expect(JSON.stringify(parsed.request)).not.toContain('c2ln');
  });

  it('accepts the getSessionToken alias and the clientAuthToken group', () => {
    expect(parseHyperRequest(envelope({ ...signed, action: 'getSessionToken' })).ok).toBe(true);
    const token = parseHyperRequest(envelope({ action: 'upiGetSessionToken', clientAuthToken: 'tkn_x', merchantId: 'm', customerId: 'c' }));
    expect(token.ok && token.request.auth.kind).toBe('CLIENT_AUTH_TOKEN');
  });

  it('treats null optional and auth fields as absent', () => {
    expect(parseHyperRequest(envelope({ ...signed, clientAuthToken: null, udfParameters: null })).ok).toBe(true);
  });

  it.each([
    ['a non-object body', [], 'BAD_REQUEST', 'BAD_REQUEST: the body must be a JSON object'],
    ['a missing requestId', { service: 'in.juspay.hyperapi', payload: signed }, 'BAD_REQUEST', 'BAD_REQUEST: requestId must be a non-empty string'],
    ['a requestId that is not a uuid-v4', envelope(signed, { requestId: 'abcd-12345-abcd-12345' }), 'BAD_REQUEST', 'BAD_REQUEST: requestId must be a uuid-v4'],
    ['a wrong service', envelope(signed, { service: 'in.juspay.hyperpay' }), 'BAD_REQUEST', 'BAD_REQUEST: service must be "in.juspay.hyperapi"'],
    ['a string payload', envelope(signed, { payload: '{}' }), 'BAD_REQUEST', 'BAD_REQUEST: payload must be a JSON object'],
    ['an unknown action', envelope({ ...signed, action: 'upiSendMoney' }), 'BAD_REQUEST', 'BAD_REQUEST: payload.action must be one of upiGetSessionToken, getSessionToken, updateAuth'],
    ['the JWS variant', envelope({ ...signed, protected: 'eyJraWQiOiJ4In0' }), 'JWS_NOT_SUPPORTED', undefined],
    ['both auth groups', envelope({ ...signed, clientAuthToken: 'tkn_x' }), 'INVALID_AUTH_GROUP', undefined],
    ['no auth group', envelope({ action: 'upiGetSessionToken' }), 'INVALID_AUTH_GROUP', undefined],
    ['a missing signature', envelope({ ...signed, signature: undefined }), 'INVALID_AUTH_GROUP', 'Invalid values passed in payload: payload.signature is missing'],
    ['a token without customerId', envelope({ action: 'upiGetSessionToken', clientAuthToken: 'tkn_x', merchantId: 'm' }), 'INVALID_AUTH_GROUP', 'Invalid values passed in payload: payload.customerId is missing'],
    ['signaturePayload as an object', envelope({ ...signed, signaturePayload: { merchant_id: 'm' } }), 'TYPE_MISMATCH', 'Type mismatch: payload.signaturePayload expected String'],
    ['a numeric merchantKeyId', envelope({ ...signed, merchantKeyId: 1234 }), 'TYPE_MISMATCH', 'Type mismatch: payload.merchantKeyId expected String'],
    ['udfParameters as an object', envelope({ ...signed, udfParameters: {} }), 'TYPE_MISMATCH', 'Type mismatch: payload.udfParameters expected String'],
    ['an over-long signature', envelope({ ...signed, signature: 'A'.repeat(4097) }), 'BAD_REQUEST', 'BAD_REQUEST: payload.signature exceeds 4096 characters'],
    ['a malformed mobile number', envelope({ ...signed, customerMobileNumber: '9876543210' }), 'BAD_REQUEST', 'BAD_REQUEST: payload.customerMobileNumber must be 12 digits starting with 91'],
  ])('refuses %s', (_label, body, reason, message) => {
    const refused = refusal(body);
    expect(refused.reason).toBe(reason);
    if (message !== undefined) expect(refused.message).toBe(message);
  });

  it('checks in pipeline order: the shape before the auth group before the types', () => {
    expect(refusal(envelope({ ...signed, signaturePayload: {}, clientAuthToken: 'x' }, { service: 'x' })).reason).toBe('BAD_REQUEST');
    expect(refusal(envelope({ ...signed, signaturePayload: {}, clientAuthToken: 'x' })).reason).toBe('INVALID_AUTH_GROUP');
  });

  it('restricts actions to those of the surface', () => {
    expect(parseHyperRequest(envelope({ ...signed, action: 'updateAuth' })).ok).toBe(true);
    const refused = parseHyperRequest(envelope({ ...signed, action: 'updateAuth' }), 'uuid-v4', ['upiGetSessionToken', 'getSessionToken']);
    expect(refused.ok ? null : errorMessageOf(refused.failure)).toBe('BAD_REQUEST: payload.action must be one of upiGetSessionToken, getSessionToken');
  });

  it('accepts any printable requestId when so configured', () => {
    expect(parseHyperRequest(envelope(signed, { requestId: 'abcd-12345-abcd-12345' }), 'any').ok).toBe(true);
  });
});

describe('echoableRequestId', () => {
  it('echoes a short printable requestId and nothing else', () => {
    expect(echoableRequestId({ requestId: 'abc' })).toBe('abc');
    expect(echoableRequestId({ requestId: 'a'.repeat(129) })).toBe('');
    expect(echoableRequestId({ requestId: 'a b' })).toBe('');
    expect(echoableRequestId({ requestId: 42 })).toBe('');
    expect(echoableRequestId(null)).toBe('');
  });
});

describe('HYPER_ERRORS', () => {
  it('answers 401 exactly for authentication failures and 200 for the other refusals', () => {
    const unauthorized = Object.entries(HYPER_ERRORS).filter(([, entry]) => entry.httpStatus === 401).map(([reason]) => reason).sort();
    expect(unauthorized).toEqual(['MERCHANT_MISMATCH', 'REQUEST_EXPIRED', 'SESSION_EXPIRED', 'SIGNATURE_MISMATCH', 'UNAUTHORIZED']);
    for (const entry of Object.values(HYPER_ERRORS)) expect(entry.errorCode).toMatch(/^JP_\d{3}$/);
  });
});
