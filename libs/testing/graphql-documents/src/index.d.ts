// Types of index.js (plain CommonJS, so that the benchmark can require it without a build step).

/** createSessionToken with every field a client may read. Variables: `{ input: CreateSessionTokenInput }`. */
export declare const CREATE_SESSION_TOKEN: string;
/** One session by id, with its token. Variables: `{ id }`. */
export declare const PAYMENT_SESSION: string;
/** A page of the calling merchant's sessions. Variables (all optional): `{ first, after, filter: { connector, status } }`. */
export declare const PAYMENT_SESSIONS: string;
/** revokePaymentSession: `session { status token }` or `error`. Variables: `{ id }`. */
export declare const REVOKE_PAYMENT_SESSION: string;
/** The registered connectors (`connectors { id }`). No variables. */
export declare const CONNECTORS_QUERY: string;
/** createApiKey: `key` (shown once) and `apiKey { … }`. Variables: `{ input: { name, kind, expiresAt } }`. */
export declare const CREATE_API_KEY: string;
/** revokeApiKey: the revoked key's listing. Variables: `{ id }`. */
export declare const REVOKE_API_KEY: string;
/** The calling merchant's API keys. */
export declare const API_KEYS: string;
/** registerClientSigningKey. Variables: `{ input: { keyId, publicKeyPem } }`. */
export declare const REGISTER_CLIENT_SIGNING_KEY: string;
/** revokeClientSigningKey. Variables: `{ keyId }`. */
export declare const REVOKE_CLIENT_SIGNING_KEY: string;
/** The calling merchant's client signing keys. */
export declare const CLIENT_SIGNING_KEYS: string;
/** createConnectorAccount: `connectorAccount { …every field }` or `error`. Variables: `{ input: CreateConnectorAccountInput }`. */
export declare const CREATE_CONNECTOR_ACCOUNT: string;
/** updateConnectorAccount. Variables: `{ id, input: UpdateConnectorAccountInput }`. */
export declare const UPDATE_CONNECTOR_ACCOUNT: string;
/** disableConnectorAccount. Variables: `{ id }`. */
export declare const DISABLE_CONNECTOR_ACCOUNT: string;
/** enableConnectorAccount. Variables: `{ id }`. */
export declare const ENABLE_CONNECTOR_ACCOUNT: string;
/** The calling merchant's connector accounts. Variables (optional): `{ connector }`. */
export declare const CONNECTOR_ACCOUNTS: string;
export declare const UPI_GET_SESSION_TOKEN: string;
export declare const UPDATE_AUTH: string;
export declare const UPI_CUSTOMER: string;
export declare const RECORD_UPI_DEVICE_BINDING: string;
export declare const REVOKE_UPI_DEVICE_BINDING: string;
export declare const LINK_UPI_ACCOUNT: string;
export declare const UNLINK_UPI_ACCOUNT: string;
export declare const CREATE_CLIENT_AUTH_TOKEN: string;
/** createPayment: `clientSecret`, `payment { … }` or `error`. Variables: `{ input: CreatePaymentInput }`. */
export declare const CREATE_PAYMENT: string;
/** One payment with its sessions. Variables: `{ id }`. */
export declare const PAYMENT: string;
/** A page of the calling merchant's payments. Variables (optional): `{ first, after, filter }`. */
export declare const PAYMENTS: string;
/** cancelPayment. Variables: `{ id }`. */
export declare const CANCEL_PAYMENT: string;
/** createWalletSessionTokens (publishable key). Variables: `{ input: WalletSessionTokensInput }`. */
export declare const CREATE_WALLET_SESSION_TOKENS: string;
