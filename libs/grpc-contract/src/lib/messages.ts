/**
 * The decoded shapes of the contract's messages under {@link LOADER_OPTIONS}: snake_case keys,
 * int64 as strings, enums by name, unset fields absent. Hand-written to mirror payment.proto.
 */

/** `types.SecretString`. */
export interface SecretStringMessage {
  value?: string;
}

/** `types.Money`. `minor_amount` is an int64: a decimal string when decoded. */
export interface MoneyMessage {
  minor_amount?: string | number;
  currency?: string | number;
}

/** `types.AccessToken`. */
export interface AccessTokenMessage {
  token?: SecretStringMessage;
  expires_in_seconds?: string | number;
  token_type?: string;
}

/** `types.ConnectorState`. */
export interface ConnectorStateMessage {
  access_token?: AccessTokenMessage;
  connector_customer_id?: string;
}

/** `types.BrowserInformation`. */
export interface BrowserInformationMessage {
  color_depth?: number;
  screen_height?: number;
  screen_width?: number;
  java_enabled?: boolean;
  java_script_enabled?: boolean;
  language?: string;
  time_zone_offset_minutes?: number;
  accept_header?: string;
  user_agent?: string;
  accept_language?: string;
  referer?: string;
  ip_address?: string;
  os_type?: string;
  os_version?: string;
  device_model?: string;
}

/** `types.MerchantAuthenticationServiceCreateSessionTokenRequest` (upstream CS-B). */
export interface CreateSessionTokenRequestMessage {
  merchant_session_id?: string;
  amount?: MoneyMessage;
  metadata?: SecretStringMessage;
  connector_feature_data?: SecretStringMessage;
  state?: ConnectorStateMessage;
  browser_info?: BrowserInformationMessage;
  test_mode?: boolean;
}

/** `types.PaymentSessionContext` (upstream CS-C). */
export interface PaymentSessionContextMessage {
  amount?: MoneyMessage;
  metadata?: SecretStringMessage;
  browser_info?: BrowserInformationMessage;
}

/** `types.MerchantAuthenticationServiceCreateServerSessionAuthenticationTokenRequest` (upstream CS-C). */
export interface CreateServerSessionAuthenticationTokenRequestMessage {
  merchant_server_session_id?: string;
  connector_feature_data?: SecretStringMessage;
  state?: ConnectorStateMessage;
  test_mode?: boolean;
  payment?: PaymentSessionContextMessage;
  /** The set member of the `domain_context` oneof. */
  domain_context?: 'payment';
}

/** `types.ErrorInfo` (issuer details are never set by these flows). */
export interface ErrorInfoMessage {
  unified_details?: { code?: string; message?: string; description?: string; user_guidance_message?: string };
  connector_details?: { code?: string; message?: string; reason?: string };
}

/** The response of both RPCs (same three fields in CS-B and CS-C). */
export interface CreateSessionTokenResponseMessage {
  error?: ErrorInfoMessage;
  status_code: number;
  session_token: string;
}
