import type { WalletBuilder } from '../wallet-builder';
import { googlePayBuilder } from './google-pay.session-token';

/** Nuvei's Google Pay `gateway` (upstream's dashboard maps Nuvei → `nuveidigital`). */
export const NUVEI_GOOGLE_PAY_GATEWAY = 'nuveidigital';

/** Nuvei `google_pay`: configuration only, no gateway call (Nuvei's upstream Session flow is empty). */
export function nuveiGooglePayBuilder(): WalletBuilder {
  return googlePayBuilder('nuvei', NUVEI_GOOGLE_PAY_GATEWAY);
}
