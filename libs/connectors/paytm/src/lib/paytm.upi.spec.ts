import { IntegrationError } from '@prism-sessions/connector-interfaces';
import { Secret } from '@prism-sessions/masking';
import { renderEverywhere } from '../testing/render';
import { paytmUpiRedirect, resolvePaytmUpiFlow } from './paytm.upi';

describe('resolvePaytmUpiFlow', () => {
  it('intent needs nothing else', () => {
    expect(resolvePaytmUpiFlow({ type: 'upi_intent' })).toEqual({ kind: 'intent' });
  });

  it('collect keeps the VPA wrapped and masked as ***@psp', () => {
    const flow = resolvePaytmUpiFlow({ type: 'upi_collect', vpa: new Secret('9876543210@paytm') });
    expect(flow.kind).toBe('collect');
    if (flow.kind !== 'collect') return;
    expect(flow.vpa.expose()).toBe('9876543210@paytm');
    expect(String(flow.vpa)).toBe('***@paytm');
    expect(renderEverywhere(flow)).not.toContain('9876543210');
  });

  it('refuses a malformed VPA without revealing it', () => {
    let thrown: unknown;
    try {
      resolvePaytmUpiFlow({ type: 'upi_collect', vpa: new Secret('9876543210paytm') });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IntegrationError);
    expect(thrown).toMatchObject({ code: 'INVALID_VPA', message: 'Invalid UPI VPA format', field: 'paymentMethod.vpa' });
    expect(renderEverywhere(thrown)).not.toContain('9876543210');
  });

  it('refuses cards', () => {
    const card = { type: 'card', cardNumber: new Secret('4111111111111111'), expiryMonth: new Secret('1'), expiryYear: new Secret('2030'), cvc: new Secret('1') } as const;
    expect(() => resolvePaytmUpiFlow(card)).toThrow('Only UPI payment methods are supported');
  });
});

describe('paytmUpiRedirect', () => {
  it('wraps upi:// links only', () => {
    expect(paytmUpiRedirect('upi://pay?pa=a@b')?.expose()).toBe('upi://pay?pa=a@b');
    expect(paytmUpiRedirect('https://x')).toBeUndefined();
    expect(paytmUpiRedirect('')).toBeUndefined();
    expect(paytmUpiRedirect(null)).toBeUndefined();
    expect(paytmUpiRedirect(undefined)).toBeUndefined();
  });
});
