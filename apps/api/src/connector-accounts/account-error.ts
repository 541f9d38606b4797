import { ConnectorErrorDetails, ErrorInfo, UnifiedErrorDetails } from '../graphql/types/error-info.type';

/** Codes a connector-account mutation reports in its payload. */
export type AccountErrorCode = 'CONNECTOR_ACCOUNT_NOT_FOUND' | 'VERIFICATION_FAILED' | 'VERIFICATION_UNAVAILABLE' | 'DEFAULT_CONFLICT';

/** Why a connector-account mutation changed nothing. Never holds a credential. */
export interface AccountError {
  readonly code: AccountErrorCode;
  readonly message: string;
  readonly source: 'VALIDATION' | 'GATEWAY' | 'NETWORK' | 'CONFLICT';
  readonly retryable: boolean;
  readonly connector?: { readonly code?: string; readonly message?: string; readonly reason?: string };
  readonly gatewayHttpStatus?: number;
}

const GUIDANCE: Readonly<Record<AccountErrorCode, string>> = {
  CONNECTOR_ACCOUNT_NOT_FOUND: 'Check the id; accounts are visible only to the merchant that created them.',
  VERIFICATION_FAILED: 'Check the credentials and testMode against the gateway account, then save again.',
  VERIFICATION_UNAVAILABLE: 'Save the account without verify: true.',
  DEFAULT_CONFLICT: 'Another request changed the default account at the same time; retry.',
};

/** The GraphQL `ErrorInfo` of an account error. */
export function toAccountErrorInfo(error: AccountError): ErrorInfo {
  return Object.assign(new ErrorInfo(), {
    unifiedDetails: Object.assign(new UnifiedErrorDetails(), { code: error.code, message: error.message, userGuidanceMessage: GUIDANCE[error.code] }),
    retryable: error.retryable,
    source: error.source,
    ...(error.connector ? { connectorDetails: Object.assign(new ConnectorErrorDetails(), error.connector) } : {}),
    ...(error.gatewayHttpStatus !== undefined ? { gatewayHttpStatus: error.gatewayHttpStatus } : {}),
  });
}
