import { applePayAnswerOutcome, applePayTransportOutcome, errorCode } from './apple-pay-outcome';

const SESSION = { epochTimestamp: 1_767_225_600_000, expiresAt: 1_767_229_200_000, merchantSessionIdentifier: 'SSH1', nonce: 'a1b2c3d4', displayName: 'Shop' };

describe('applePayAnswerOutcome', () => {
  it('passes a 2xx JSON object through as the merchant session', () => {
    expect(applePayAnswerOutcome(200, JSON.stringify(SESSION))).toEqual({ ok: true, session: SESSION });
  });

  it.each([
    [200, '{"status":"SUCC', 'APPLE_PAY_BAD_RESPONSE', 'Apple Pay answered HTTP 200 with a body that is not JSON'],
    [200, '<html>maintenance</html>', 'APPLE_PAY_BAD_RESPONSE', 'Apple Pay answered HTTP 200 with a body that is not JSON'],
    [200, '[1,2]', 'APPLE_PAY_BAD_RESPONSE', 'Apple Pay answered HTTP 200 with JSON that is not an object'],
    [200, 'null', 'APPLE_PAY_BAD_RESPONSE', 'Apple Pay answered HTTP 200 with JSON that is not an object'],
    [
      400,
      '{"statusMessage":"Payment Services Exception merchantId=ABC not registered for domain=shop.example","statusCode":"400"}',
      'APPLE_PAY_REFUSED',
      'Apple Pay refused the merchant validation (HTTP 400: Payment Services Exception merchantId=ABC not registered for domain=shop.example)',
    ],
    [403, 'Forbidden', 'APPLE_PAY_REFUSED', 'Apple Pay refused the merchant validation (HTTP 403)'],
    [417, '{"statusCode":"417"}', 'APPLE_PAY_REFUSED', 'Apple Pay refused the merchant validation (HTTP 417)'],
    [500, '{}', 'APPLE_PAY_UNREACHABLE', 'Apple Pay is unavailable (HTTP 500)'],
    [503, '<html>down</html>', 'APPLE_PAY_UNREACHABLE', 'Apple Pay is unavailable (HTTP 503)'],
    [302, '', 'APPLE_PAY_BAD_RESPONSE', 'Apple Pay answered an unexpected HTTP 302'],
  ])('maps HTTP %i %s to %s', (status, body, code, message) => {
    expect(applePayAnswerOutcome(status, body)).toEqual({ ok: false, code, message });
  });

  it("bounds Apple's statusMessage in the message", () => {
    const result = applePayAnswerOutcome(400, JSON.stringify({ statusMessage: 'x'.repeat(5000) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(400);
  });
});

describe('applePayTransportOutcome', () => {
  const context = { timedOut: false, timeoutMs: 2500, phase: 'request' as const };
  const coded = (code: string, nested = false) => (nested ? Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('inner'), { code }) }) : Object.assign(new Error('x'), { code }));

  it.each([
    ['UND_ERR_CONNECT_TIMEOUT', 'APPLE_PAY_TIMEOUT'],
    ['UND_ERR_HEADERS_TIMEOUT', 'APPLE_PAY_TIMEOUT'],
    ['UND_ERR_BODY_TIMEOUT', 'APPLE_PAY_TIMEOUT'],
    ['ECONNREFUSED', 'APPLE_PAY_UNREACHABLE'],
    ['ECONNRESET', 'APPLE_PAY_UNREACHABLE'],
    ['ENOTFOUND', 'APPLE_PAY_UNREACHABLE'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'APPLE_PAY_UNREACHABLE'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'APPLE_PAY_UNREACHABLE'],
    ['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'APPLE_PAY_REFUSED'],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'APPLE_PAY_REFUSED'],
    ['UND_ERR_SOCKET', 'APPLE_PAY_REFUSED'],
    ['ERR_OSSL_X509_KEY_VALUES_MISMATCH', 'APPLE_PAY_REFUSED'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'APPLE_PAY_UNREACHABLE'],
  ])('maps %s to %s', (code, expected) => {
    const result = applePayTransportOutcome(coded(code), context);
    expect(result).toMatchObject({ ok: false, code: expected });
    if (!result.ok) expect(result.message).not.toContain('x\n');
  });

  it('finds the code along the cause chain (fetch-style errors)', () => {
    expect(applePayTransportOutcome(coded('ECONNREFUSED', true), context)).toEqual({ ok: false, code: 'APPLE_PAY_UNREACHABLE', message: 'Apple Pay could not be reached (ECONNREFUSED)' });
  });

  it('reports our own deadline as a timeout whatever error the abort produced', () => {
    expect(applePayTransportOutcome(new Error('This operation was aborted'), { ...context, timedOut: true })).toEqual({ ok: false, code: 'APPLE_PAY_TIMEOUT', message: 'Apple Pay did not answer within 2500 ms' });
  });

  it('reports a body cut off after the headers as a bad response', () => {
    expect(applePayTransportOutcome(coded('UND_ERR_SOCKET'), { ...context, phase: 'body' })).toEqual({ ok: false, code: 'APPLE_PAY_BAD_RESPONSE', message: "Apple Pay's answer was cut off (UND_ERR_SOCKET)" });
  });

  it('never copies the error message (it could quote anything), only the code', () => {
    const result = applePayTransportOutcome(Object.assign(new Error('-----BEGIN PRIVATE KEY----- MIIE'), { code: 'EWHATEVER' }), context);
    expect(result).toEqual({ ok: false, code: 'APPLE_PAY_UNREACHABLE', message: 'Apple Pay could not be reached (EWHATEVER)' });
  });

  it('errorCode ignores non-objects and empty codes', () => {
    expect(errorCode('boom')).toBeUndefined();
    expect(errorCode({ code: '' })).toBeUndefined();
    expect(errorCode(undefined)).toBeUndefined();
  });
});
