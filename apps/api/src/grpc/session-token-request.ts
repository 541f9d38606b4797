import { validate, type ValidationError } from 'class-validator';
import { isCurrencyCode } from '@prism-sessions/domain-types';
import type {
  BrowserInformationMessage,
  ConnectorStateMessage,
  CreateServerSessionAuthenticationTokenRequestMessage,
  CreateSessionTokenRequestMessage,
  MoneyMessage,
} from '@prism-sessions/grpc-contract';
import { InvalidInputError } from '../errors/app-errors';
import { AccessTokenInput, BrowserInformationInput, ConnectorStateInput, CreateSessionTokenInput, MoneyInput } from '../payment-sessions/create-session-token.input';
import { protoFieldName } from './proto-field-names';

const INTEGER = /^-?\d{1,40}$/;

function int64(value: string | number | undefined, field: string): bigint | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!INTEGER.test(text)) throw new InvalidInputError('INVALID_INT64', field, `${field} must be an integer`);
  return BigInt(text);
}

function money(amount: MoneyMessage | undefined): MoneyInput {
  // Upstream: MISSING_AMOUNT, "Amount is required for session token creation".
  if (amount === undefined) throw new InvalidInputError('MISSING_AMOUNT', 'amount', 'Amount is required for session token creation');
  const currency = amount.currency;
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    throw new InvalidInputError('unsupported_currency', 'amount.currency', 'amount.currency is not a supported currency');
  }
  // proto3: an unset int64 is 0, which the shared validation rejects as not positive.
  return Object.assign(new MoneyInput(), { minorAmount: int64(amount.minor_amount, 'amount.minor_amount') ?? 0n, currency });
}

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function browserInfo(info: BrowserInformationMessage | undefined): BrowserInformationInput | undefined {
  if (info === undefined) return undefined;
  return Object.assign(new BrowserInformationInput(), Object.fromEntries(Object.entries(info).map(([key, value]) => [camel(key), value])));
}

function state(message: ConnectorStateMessage | undefined): ConnectorStateInput | undefined {
  if (message === undefined) return undefined;
  const token = message.access_token;
  const expiresInSeconds = int64(token?.expires_in_seconds, 'state.access_token.expires_in_seconds');
  return Object.assign(new ConnectorStateInput(), {
    ...(token
      ? {
          accessToken: Object.assign(new AccessTokenInput(), {
            token: token.token?.value ?? '',
            ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}),
            ...(token.token_type !== undefined ? { tokenType: token.token_type } : {}),
          }),
        }
      : {}),
    ...(message.connector_customer_id !== undefined ? { connectorCustomerId: message.connector_customer_id } : {}),
  });
}

function firstProblem(errors: readonly ValidationError[], prefix: string): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = `${prefix}.${error.property}`;
    if (error.constraints) return { field, message: Object.values(error.constraints).join(', ') };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** CS-C's request in CS-B's shape (the `domain_context.payment` wrapper unwrapped). */
export function fromServerSessionRequest(message: CreateServerSessionAuthenticationTokenRequestMessage): CreateSessionTokenRequestMessage {
  const payment = message.payment;
  return {
    ...(message.merchant_server_session_id !== undefined ? { merchant_session_id: message.merchant_server_session_id } : {}),
    ...(payment?.amount !== undefined ? { amount: payment.amount } : {}),
    ...(payment?.metadata !== undefined ? { metadata: payment.metadata } : {}),
    ...(message.connector_feature_data !== undefined ? { connector_feature_data: message.connector_feature_data } : {}),
    ...(message.state !== undefined ? { state: message.state } : {}),
    ...(payment?.browser_info !== undefined ? { browser_info: payment.browser_info } : {}),
    ...(message.test_mode !== undefined ? { test_mode: message.test_mode } : {}),
  };
}

/**
 * The proto request as the GraphQL input class, validated by the same class-validator rules the
 * GraphQL mutation runs, so both surfaces accept and refuse exactly the same values.
 * @throws InvalidInputError naming the field (GraphQL-style path; see {@link protoFieldName}).
 */
export async function toCreateSessionTokenInput(message: CreateSessionTokenRequestMessage): Promise<CreateSessionTokenInput> {
  const connectorState = state(message.state);
  const browser = browserInfo(message.browser_info);
  const input = Object.assign(new CreateSessionTokenInput(), {
    // Upstream sends "" when absent; we need a reference, so absent fails the shared rule.
    merchantSessionId: message.merchant_session_id ?? '',
    amount: money(message.amount),
    ...(message.metadata !== undefined ? { metadata: message.metadata.value ?? '' } : {}),
    ...(message.connector_feature_data !== undefined ? { connectorFeatureData: message.connector_feature_data.value ?? '' } : {}),
    ...(connectorState ? { state: connectorState } : {}),
    ...(browser ? { browserInfo: browser } : {}),
    ...(message.test_mode !== undefined ? { testMode: message.test_mode } : {}),
  });
  const problem = firstProblem(await validate(input, { forbidUnknownValues: false, validationError: { target: false, value: false } }), 'input');
  if (problem) throw new InvalidInputError('INVALID_FIELD', problem.field, `${protoFieldName(problem.field)}: ${problem.message}`);
  return input;
}
