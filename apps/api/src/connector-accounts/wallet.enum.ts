import { registerEnumType } from 'type-graphql';

/**
 * Wallets an account may serve: upstream's `SessionToken` variant names (seed 003, `wallet_name`)
 * in upper case (plus the UPI payment method types Paytm serves). Configured through `walletConfig`.
 */
export enum WalletEnum {
  GOOGLE_PAY = 'GOOGLE_PAY',
  SAMSUNG_PAY = 'SAMSUNG_PAY',
  KLARNA = 'KLARNA',
  PAYPAL = 'PAYPAL',
  APPLE_PAY = 'APPLE_PAY',
  OPEN_BANKING = 'OPEN_BANKING',
  PAZE = 'PAZE',
  CLICK_TO_PAY = 'CLICK_TO_PAY',
  AMAZON_PAY = 'AMAZON_PAY',
  UPI_INTENT = 'UPI_INTENT',
  UPI_COLLECT = 'UPI_COLLECT',
}
registerEnumType(WalletEnum, { name: 'Wallet', description: 'A wallet SDK (upstream `wallet_name`, upper-cased).' });

/** Whether a stored string is a known wallet. */
export function isWallet(value: string): value is WalletEnum {
  return (Object.values(WalletEnum) as string[]).includes(value);
}
