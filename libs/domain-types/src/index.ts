export { CURRENCY_CODES, UNSUPPORTED_CURRENCIES, currencyExponent, isCurrencyCode } from './lib/currency';
export type { CurrencyCode, CurrencyExponent } from './lib/currency';
export { MAX_MINOR_AMOUNT, createMoney, toMajorUnitString } from './lib/money';
export type { Money } from './lib/money';
export { DomainValidationError } from './lib/validation-error';
export { ATTEMPT_STATUSES } from './lib/attempt-status';
export type { AttemptStatus } from './lib/attempt-status';
export { UNIFIED_ERROR_CODES } from './lib/error-response';
export type { ErrorResponse, UnifiedErrorCode } from './lib/error-response';
export type { BrowserInformation } from './lib/browser-information';
export type { AccessToken, ConnectorState } from './lib/connector-state';
export type { AccessTokenRequestData, AccessTokenResponseData } from './lib/access-token';
export type { ConnectorId } from './lib/connector-id';
export { defineCredentialSchema } from './lib/credential-schema';
export type { CredentialField, CredentialFields, CredentialSchema, CredentialValues, LegacyAuthKey, LegacyAuthMapping } from './lib/credential-schema';
export { ConnectorConfigError } from './lib/connector-config-error';
export type { ConnectorConfigErrorCode } from './lib/connector-config-error';
export { parseConnectorConfig } from './lib/connector-config';
export type { ConnectorConfig } from './lib/connector-config';
export type { PaymentFlowData, SessionTokenRequestData, SessionTokenResponseData } from './lib/session-token';
export type {
  AuthorizeRequestData,
  AuthorizeResponseData,
  BillingDetails,
  CardPaymentMethod,
  PaymentMethodData,
  UpiCollectPaymentMethod,
  UpiIntentPaymentMethod,
} from './lib/authorize';
