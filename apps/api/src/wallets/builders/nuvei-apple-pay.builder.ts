import type { ApplePayMerchantSessionClient } from '../apple-pay/apple-pay-merchant-session';
import type { WalletBuilder } from '../wallet-builder';
import { applePayBuilder } from './apple-pay.session-token';

/** Nuvei `apple_pay`: Apple's merchant validation over mutual TLS with the account's certificate; never a Nuvei call. */
export function nuveiApplePayBuilder(apple: ApplePayMerchantSessionClient): WalletBuilder {
  return applePayBuilder('nuvei', apple);
}
