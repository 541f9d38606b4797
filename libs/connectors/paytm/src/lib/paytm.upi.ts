import { IntegrationError } from '@prism-sessions/connector-interfaces';
import type { PaymentMethodData } from '@prism-sessions/domain-types';
import { Secret, maskUpiVpa } from '@prism-sessions/masking';

/** The UPI variant a processTransaction call uses. */
export type PaytmUpiFlow = { readonly kind: 'intent' } | { readonly kind: 'collect'; readonly vpa: Secret<string> };

const context = { connector: 'paytm', flow: 'authorize' } as const;

/**
 * Picks the UPI variant and validates a collect VPA with upstream's rule (contains `@`, longer than
 * 3 characters). Messages never contain the VPA.
 * @throws IntegrationError `INVALID_VPA`, or `PAYMENT_METHOD_NOT_SUPPORTED` for non-UPI methods.
 */
export function resolvePaytmUpiFlow(paymentMethod: PaymentMethodData): PaytmUpiFlow {
  switch (paymentMethod.type) {
    case 'upi_intent':
      return { kind: 'intent' };
    case 'upi_collect': {
      const vpa = paymentMethod.vpa.peek();
      if (typeof vpa !== 'string' || !vpa.includes('@') || vpa.length <= 3) {
        throw new IntegrationError('INVALID_VPA', 'Invalid UPI VPA format', { ...context, field: 'paymentMethod.vpa', suggestedAction: 'Send a VPA of the form handle@psp' });
      }
      return { kind: 'collect', vpa: new Secret(vpa, maskUpiVpa) };
    }
    default:
      throw new IntegrationError('PAYMENT_METHOD_NOT_SUPPORTED', 'Only UPI payment methods are supported', { ...context, field: 'paymentMethod.type' });
  }
}

/** A `upi://` deep link from processTransaction, kept wrapped (it names the payee and amount). */
export function paytmUpiRedirect(deepLink: string | null | undefined): Secret<string> | undefined {
  return typeof deepLink === 'string' && deepLink.startsWith('upi://') ? new Secret(deepLink) : undefined;
}
