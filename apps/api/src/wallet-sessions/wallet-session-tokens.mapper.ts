import type { SessionTokenJson } from '../wallets/wallet-builder';
import type { HsError } from './hs-error';
import { WalletTypeEnum } from './wallet-session-tokens.input';
import {
  ApplePayPaymentRequest,
  ApplePaySessionToken,
  ApplePayTotal,
  GooglePaySessionToken,
  GpayAllowedPaymentMethod,
  GpayMerchantInfo,
  GpayTransactionInfo,
  NextActionCallEnum,
  OmittedWallet,
  PaypalSessionToken,
  PaytmCheckoutSessionToken,
  SdkNextAction,
  SessionTokenError,
  WalletSessionTokensPayload,
} from './wallet-session-tokens.type';
import type { OmittedWalletRecord, ProducedToken, WalletSessionResult } from './wallet-session.service';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function nextActionOf(value: unknown): SdkNextAction {
  const raw = obj(value)['next_action'];
  if (typeof raw === 'object' && raw !== null && 'deny' in raw) {
    return Object.assign(new SdkNextAction(), { nextAction: NextActionCallEnum.DENY, denyMessage: str(obj(obj(raw)['deny'])['message']) });
  }
  const name = String(raw).toUpperCase() as NextActionCallEnum;
  return Object.assign(new SdkNextAction(), { nextAction: Object.values(NextActionCallEnum).includes(name) ? name : NextActionCallEnum.CONFIRM });
}

function googlePay(entry: ProducedToken, token: Json): GooglePaySessionToken {
  const info = obj(token['merchant_info']);
  const transaction = obj(token['transaction_info']);
  const methods = Array.isArray(token['allowed_payment_methods']) ? (token['allowed_payment_methods'] as unknown[]) : [];
  return Object.assign(new GooglePaySessionToken(), {
    connector: entry.connector,
    merchantConnectorId: entry.accountId,
    delayedSessionToken: token['delayed_session_token'] === true,
    merchantInfo: Object.assign(new GpayMerchantInfo(), { merchantName: str(info['merchant_name']) ?? '', ...(str(info['merchant_id']) ? { merchantId: str(info['merchant_id']) } : {}) }),
    allowedPaymentMethods: methods.map((method) =>
      Object.assign(new GpayAllowedPaymentMethod(), { type: str(obj(method)['type']) ?? '', parameters: obj(obj(method)['parameters']), tokenizationSpecification: obj(obj(method)['tokenization_specification']) }),
    ),
    transactionInfo: Object.assign(new GpayTransactionInfo(), {
      countryCode: str(transaction['country_code']) ?? '',
      currencyCode: str(transaction['currency_code']) ?? '',
      totalPriceStatus: str(transaction['total_price_status']) ?? '',
      totalPrice: str(transaction['total_price']) ?? '',
    }),
    shippingAddressRequired: token['shipping_address_required'] === true,
    emailRequired: token['email_required'] === true,
    sdkNextAction: nextActionOf(token['sdk_next_action']),
  });
}

function applePay(entry: ProducedToken, token: Json): ApplePaySessionToken {
  const request = token['payment_request_data'] ? obj(token['payment_request_data']) : undefined;
  const total = obj(request?.['total']);
  return Object.assign(new ApplePaySessionToken(), {
    connector: entry.connector,
    merchantConnectorId: entry.accountId,
    delayedSessionToken: token['delayed_session_token'] === true,
    ...('session_token_data' in token ? { sessionTokenData: token['session_token_data'] } : {}),
    ...(request
      ? {
          paymentRequestData: Object.assign(new ApplePayPaymentRequest(), {
            countryCode: str(request['country_code']) ?? '',
            currencyCode: str(request['currency_code']) ?? '',
            total: Object.assign(new ApplePayTotal(), { label: str(total['label']) ?? '', type: str(total['type']) ?? '', amount: str(total['amount']) ?? '' }),
            merchantCapabilities: (request['merchant_capabilities'] as string[] | undefined) ?? [],
            supportedNetworks: (request['supported_networks'] as string[] | undefined) ?? [],
            merchantIdentifier: str(request['merchant_identifier']) ?? '',
          }),
        }
      : {}),
    sdkNextAction: nextActionOf(token['sdk_next_action']),
  });
}

function paypal(entry: ProducedToken, token: Json): PaypalSessionToken {
  return Object.assign(new PaypalSessionToken(), {
    connector: entry.connector,
    merchantConnectorId: entry.accountId,
    sessionToken: str(token['session_token']) ?? '',
    ...(str(token['client_token']) ? { clientToken: str(token['client_token']) } : {}),
    sdkNextAction: nextActionOf(token['sdk_next_action']),
  });
}

function paytmCheckout(entry: ProducedToken, token: Json): PaytmCheckoutSessionToken {
  return Object.assign(new PaytmCheckoutSessionToken(), {
    connector: entry.connector,
    merchantConnectorId: entry.accountId,
    ...(str(token['mid']) ? { mid: str(token['mid']) } : {}),
    orderId: str(token['order_id']) ?? '',
    txnToken: str(token['txn_token']) ?? '',
    amount: str(token['amount']) ?? '',
    host: str(token['host']) ?? '',
    expiresAt: str(token['expires_at']) ?? '',
  });
}

const MAPPERS: Readonly<Record<string, (entry: ProducedToken, token: Json) => WalletSessionTokensPayload['sessionTokens'][number]>> = {
  google_pay: googlePay,
  apple_pay: applePay,
  paypal,
  paytm_checkout: paytmCheckout,
};

/** The GraphQL view of one REST token (same content, camelCase, typed per wallet). */
export function toGraphQLToken(entry: ProducedToken, token: SessionTokenJson = entry.token): WalletSessionTokensPayload['sessionTokens'][number] | null {
  const mapper = MAPPERS[token.wallet_name];
  return mapper ? mapper(entry, token) : null;
}

function toOmitted(record: OmittedWalletRecord): OmittedWallet | null {
  if (!(Object.values(WalletTypeEnum) as string[]).includes(record.wallet)) return null;
  return Object.assign(new OmittedWallet(), { wallet: record.wallet as WalletTypeEnum, connector: record.connector, merchantConnectorId: record.accountId, code: record.code, message: record.message });
}

/** The mutation payload of a service result. */
export function toWalletSessionTokensPayload(paymentId: string, result: WalletSessionResult): WalletSessionTokensPayload {
  if (!result.ok) return Object.assign(new WalletSessionTokensPayload(), { paymentId, sessionTokens: [], omitted: [], errors: [toSessionTokenError(result.error)] });
  return Object.assign(new WalletSessionTokensPayload(), {
    paymentId: result.paymentId,
    sessionTokens: result.tokens.flatMap((entry) => toGraphQLToken(entry) ?? []),
    omitted: result.omitted.flatMap((record) => toOmitted(record) ?? []),
    errors: [],
  });
}

function toSessionTokenError(error: HsError): SessionTokenError {
  return Object.assign(new SessionTokenError(), { code: error.code, message: error.message, httpStatus: error.httpStatus });
}
