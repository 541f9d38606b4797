'use strict';
/**
 * The GraphQL documents the integration harness (apps/api/src/testing), the e2e suite (apps/api-e2e)
 * and the benchmark (bench/) send to the API. Plain CommonJS so that `node bench/run.js` can require
 * it without a build step; the types are in index.d.ts. Every document is checked against the API's
 * schema by apps/api/src/testing/graphql-documents.spec.ts.
 *
 * The benchmark sends CREATE_SESSION_TOKEN and PAYMENT_SESSION as they are: a change to their text
 * changes what the benchmark measures.
 */

/** createSessionToken with every field a client may read. */
const CREATE_SESSION_TOKEN = `
  mutation Create($input: CreateSessionTokenInput!) {
    createSessionToken(input: $input) {
      sessionToken
      statusCode
      replayed
      error {
        retryable
        source
        gatewayHttpStatus
        unifiedDetails { code message description userGuidanceMessage }
        connectorDetails { code message reason }
      }
      session {
        id merchantSessionId connector connectorAccountId status testMode expiresAt createdAt attemptCount
        amount { minorAmount currency formatted }
      }
    }
  }
`;

/** One session by id, with its token (null for another merchant's or a missing id). */
const PAYMENT_SESSION = `
  query Session($id: ID!) {
    paymentSession(id: $id) {
      id merchantSessionId connector connectorAccountId status testMode expiresAt createdAt attemptCount token
      amount { minorAmount currency formatted }
    }
  }
`;

/** A page of the calling merchant's sessions, with why each failed; every variable is optional (`first` defaults to 20). */
const PAYMENT_SESSIONS = `
  query Sessions($first: Int, $after: String, $filter: PaymentSessionFilter) {
    paymentSessions(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id merchantSessionId connector status testMode expiresAt createdAt attemptCount token
          amount { minorAmount currency formatted }
          error { retryable source unifiedDetails { code message } }
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

/** revokePaymentSession: the session's new status and token (null once revoked), or why not. */
const REVOKE_PAYMENT_SESSION = `
  mutation Revoke($id: ID!) {
    revokePaymentSession(id: $id) {
      session { status token }
      error { retryable source unifiedDetails { code message } }
    }
  }
`;

// Every field of a ConnectorAccount (there is no credentials field to select: they are write-only).
const ACCOUNT_FIELDS =
  'id connector label testMode isDefault enabled wallets credentialHints createdAt updatedAt lastVerifiedAt' +
  ' walletConfig { googlePay { merchantName merchantId gatewayMerchantId allowedAuthMethods allowedCardNetworks } applePay { merchantIdentifier displayName domains merchantBusinessCountry certificateNotAfter } }';
const ACCOUNT_ERROR = 'error { retryable source gatewayHttpStatus unifiedDetails { code message userGuidanceMessage } connectorDetails { code message reason } }';

/** createConnectorAccount: the account or why nothing was saved. Variables: `{ input }`. */
const CREATE_CONNECTOR_ACCOUNT = `
  mutation CreateAccount($input: CreateConnectorAccountInput!) {
    createConnectorAccount(input: $input) { connectorAccount { ${ACCOUNT_FIELDS} } ${ACCOUNT_ERROR} }
  }
`;

/** updateConnectorAccount. Variables: `{ id, input }`. */
const UPDATE_CONNECTOR_ACCOUNT = `
  mutation UpdateAccount($id: ID!, $input: UpdateConnectorAccountInput!) {
    updateConnectorAccount(id: $id, input: $input) { connectorAccount { ${ACCOUNT_FIELDS} } ${ACCOUNT_ERROR} }
  }
`;

/** disableConnectorAccount. Variables: `{ id }`. */
const DISABLE_CONNECTOR_ACCOUNT = `
  mutation DisableAccount($id: ID!) {
    disableConnectorAccount(id: $id) { connectorAccount { ${ACCOUNT_FIELDS} } ${ACCOUNT_ERROR} }
  }
`;

/** enableConnectorAccount. Variables: `{ id }`. */
const ENABLE_CONNECTOR_ACCOUNT = `
  mutation EnableAccount($id: ID!) {
    enableConnectorAccount(id: $id) { connectorAccount { ${ACCOUNT_FIELDS} } ${ACCOUNT_ERROR} }
  }
`;

/** The calling merchant's accounts. Variables (optional): `{ connector }`. */
const CONNECTOR_ACCOUNTS = `
  query Accounts($connector: Connector) {
    connectorAccounts(connector: $connector) { ${ACCOUNT_FIELDS} }
  }
`;

/** The connectors and what each supports (any merchant may ask). */
const CONNECTORS_QUERY = `
  query Connectors {
    connectors { id }
  }
`;

/** createApiKey: the key (shown once) and its listing. Variables: `{ input: { name, kind, expiresAt } }`. */
const CREATE_API_KEY = `
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey { id name kind prefix createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`;

/** revokeApiKey. Variables: `{ id }`. */
const REVOKE_API_KEY = `
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id name kind prefix createdAt expiresAt lastUsedAt revokedAt }
  }
`;

/** The calling merchant's API keys. No variables. */
const API_KEYS = `
  query ApiKeys {
    apiKeys { id name kind prefix createdAt expiresAt lastUsedAt revokedAt }
  }
`;

/** registerClientSigningKey. Variables: `{ input: { keyId, publicKeyPem } }`. */
const REGISTER_CLIENT_SIGNING_KEY = `
  mutation RegisterClientSigningKey($input: RegisterClientSigningKeyInput!) {
    registerClientSigningKey(input: $input) { keyId algorithm modulusBits fingerprint createdAt revokedAt }
  }
`;

/** revokeClientSigningKey. Variables: `{ keyId }`. */
const REVOKE_CLIENT_SIGNING_KEY = `
  mutation RevokeClientSigningKey($keyId: String!) {
    revokeClientSigningKey(keyId: $keyId) { keyId algorithm modulusBits fingerprint createdAt revokedAt }
  }
`;

/** The calling merchant's client signing keys. No variables. */
const CLIENT_SIGNING_KEYS = `
  query ClientSigningKeys {
    clientSigningKeys { keyId algorithm modulusBits fingerprint createdAt revokedAt }
  }
`;

const HYPER_RESULT_FIELDS = `
  requestId service error errorMessage errorCode event
  payload {
    action status isDeviceBound isDeviceActivated prefix customerMobileNumber deviceFingerPrint expiryTimestamp otherInfo
    vpaAccounts { vpa isDefault account { bankCode bankName maskedAccountNumber mpinLength mpinSet referenceId isPrimary otpLength atmPinLength type branchName ifsc name } }
  }
`;

/** HyperSDK upiGetSessionToken (no API key needed). Variables: `{ request }` (the REST envelope, field for field). */
const UPI_GET_SESSION_TOKEN = `
  mutation UpiGetSessionToken($request: HyperProcessRequestInput!) {
    upiGetSessionToken(request: $request) { ${HYPER_RESULT_FIELDS} }
  }
`;

/** HyperSDK updateAuth. Variables: `{ request }`. */
const UPDATE_AUTH = `
  mutation UpdateAuth($request: HyperProcessRequestInput!) {
    updateAuth(request: $request) { ${HYPER_RESULT_FIELDS} }
  }
`;

const UPI_CUSTOMER_FIELDS = `
  customerId status isDeviceBound isDeviceActivated
  deviceBindings { deviceFingerPrint maskedMobileNumber boundAt activatedAt revokedAt }
  vpaAccounts { vpa isDefault account { bankCode bankName maskedAccountNumber mpinLength mpinSet referenceId isPrimary otpLength atmPinLength type branchName ifsc name } }
`;

/** upiCustomer. Variables: `{ customerId }`. */
const UPI_CUSTOMER = `
  query UpiCustomer($customerId: String!) {
    upiCustomer(customerId: $customerId) { ${UPI_CUSTOMER_FIELDS} }
  }
`;

/** recordUpiDeviceBinding. Variables: `{ input }`. */
const RECORD_UPI_DEVICE_BINDING = `
  mutation RecordUpiDeviceBinding($input: RecordUpiDeviceBindingInput!) {
    recordUpiDeviceBinding(input: $input) { ${UPI_CUSTOMER_FIELDS} }
  }
`;

/** revokeUpiDeviceBinding. Variables: `{ input }`. */
const REVOKE_UPI_DEVICE_BINDING = `
  mutation RevokeUpiDeviceBinding($input: RevokeUpiDeviceBindingInput!) {
    revokeUpiDeviceBinding(input: $input) { ${UPI_CUSTOMER_FIELDS} }
  }
`;

/** linkUpiAccount. Variables: `{ input }`. */
const LINK_UPI_ACCOUNT = `
  mutation LinkUpiAccount($input: LinkUpiAccountInput!) {
    linkUpiAccount(input: $input) { ${UPI_CUSTOMER_FIELDS} }
  }
`;

/** unlinkUpiAccount. Variables: `{ input }`. */
const UNLINK_UPI_ACCOUNT = `
  mutation UnlinkUpiAccount($input: UnlinkUpiAccountInput!) {
    unlinkUpiAccount(input: $input) { ${UPI_CUSTOMER_FIELDS} }
  }
`;

/** createClientAuthToken. Variables: `{ input: { customerId } }`. */
const CREATE_CLIENT_AUTH_TOKEN = `
  mutation CreateClientAuthToken($input: CreateClientAuthTokenInput!) {
    createClientAuthToken(input: $input) { clientAuthToken expiresAt }
  }
`;

const PAYMENT_FIELDS = `
  id status merchantReference customerId billingCountry description clientSecretExpiresAt createdAt updatedAt
  amount { minorAmount currency formatted }
`;
const PAYMENT_ERROR = 'error { source retryable unifiedDetails { code message } }';

/** createPayment: the payment, its client secret (new payments only) or `error`. Variables: `{ input: CreatePaymentInput }`. */
const CREATE_PAYMENT = `
  mutation CreatePayment($input: CreatePaymentInput!) {
    createPayment(input: $input) { clientSecret payment { ${PAYMENT_FIELDS} } ${PAYMENT_ERROR} }
  }
`;

/** One payment by id with its payment sessions (null for another merchant's or a missing id). Variables: `{ id }`. */
const PAYMENT = `
  query Payment($id: ID!) {
    payment(id: $id) { ${PAYMENT_FIELDS} sessions { id merchantSessionId connector connectorAccountId status expiresAt } }
  }
`;

/** A page of the calling merchant's payments. Variables (optional): `{ first, after, filter }`. */
const PAYMENTS = `
  query Payments($first: Int, $after: String, $filter: PaymentFilter) {
    payments(first: $first, after: $after, filter: $filter) {
      edges { cursor node { ${PAYMENT_FIELDS} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

/** cancelPayment. Variables: `{ id }`. */
const CANCEL_PAYMENT = `
  mutation CancelPayment($id: ID!) {
    cancelPayment(id: $id) { payment { ${PAYMENT_FIELDS} } ${PAYMENT_ERROR} }
  }
`;

/** createWalletSessionTokens (publishable key) with every token field. Variables: `{ input: WalletSessionTokensInput }`. */
const CREATE_WALLET_SESSION_TOKENS = `
  mutation WalletSessionTokens($input: WalletSessionTokensInput!) {
    createWalletSessionTokens(input: $input) {
      paymentId
      sessionTokens {
        __typename
        ... on GooglePaySessionToken {
          connector merchantConnectorId delayedSessionToken shippingAddressRequired emailRequired
          merchantInfo { merchantId merchantName }
          allowedPaymentMethods { type parameters tokenizationSpecification }
          transactionInfo { countryCode currencyCode totalPriceStatus totalPrice }
          sdkNextAction { nextAction denyMessage }
        }
        ... on ApplePaySessionToken {
          connector merchantConnectorId delayedSessionToken sessionTokenData
          paymentRequestData { countryCode currencyCode total { label type amount } merchantCapabilities supportedNetworks merchantIdentifier }
          sdkNextAction { nextAction }
        }
        ... on PaypalSessionToken { connector merchantConnectorId sessionToken clientToken sdkNextAction { nextAction } }
        ... on PaytmCheckoutSessionToken { connector merchantConnectorId mid orderId txnToken amount host expiresAt }
      }
      omitted { wallet connector merchantConnectorId code message }
      errors { code message httpStatus }
    }
  }
`;

module.exports = {
  CREATE_SESSION_TOKEN,
  PAYMENT_SESSION,
  PAYMENT_SESSIONS,
  REVOKE_PAYMENT_SESSION,
  CREATE_CONNECTOR_ACCOUNT,
  UPDATE_CONNECTOR_ACCOUNT,
  DISABLE_CONNECTOR_ACCOUNT,
  ENABLE_CONNECTOR_ACCOUNT,
  CONNECTOR_ACCOUNTS,
  CONNECTORS_QUERY,
  CREATE_API_KEY,
  REVOKE_API_KEY,
  API_KEYS,
  REGISTER_CLIENT_SIGNING_KEY,
  REVOKE_CLIENT_SIGNING_KEY,
  CLIENT_SIGNING_KEYS,
  UPI_GET_SESSION_TOKEN,
  UPDATE_AUTH,
  UPI_CUSTOMER,
  RECORD_UPI_DEVICE_BINDING,
  REVOKE_UPI_DEVICE_BINDING,
  LINK_UPI_ACCOUNT,
  UNLINK_UPI_ACCOUNT,
  CREATE_CLIENT_AUTH_TOKEN,
  CREATE_PAYMENT,
  PAYMENT,
  PAYMENTS,
  CANCEL_PAYMENT,
  CREATE_WALLET_SESSION_TOKENS,
};
