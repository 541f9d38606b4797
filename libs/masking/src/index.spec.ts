import * as api from './index';

describe('public entry point', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_MASK',
        'Secret',
        'exposeHeaders',
        'isSecret',
        'maskEmail',
        'maskHeaders',
        'maskPan',
        'maskPhone',
        'maskUpiVpa',
        'redact',
        'redactKeys',
        'withType',
      ].sort(),
    );
  });

  it('wires the pieces together for a typical connector log line', () => {
    const headers = { authorization: new api.Secret('Bearer CANARY_s3cr3t_4242'), accept: 'application/json' };
    const line = JSON.stringify(
      api.redact({ headers: api.maskHeaders(headers), payer: new api.Secret('9876543210@paytm', api.maskUpiVpa) }),
    );
    expect(line).toBe('{"headers":{"authorization":"[REDACTED]","accept":"application/json"},"payer":"***@paytm"}');
    expect(api.exposeHeaders(headers)['authorization']).toBe('Bearer CANARY_s3cr3t_4242');
  });
});
