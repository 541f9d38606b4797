import type { ConnectorId, ConnectorRegistry } from '../connectors/connector-registry';
import { CONNECTOR_IDS } from '../connectors/connector-registry';
import { validateAccountCredentials, type CredentialOverride } from '../connector-accounts/account-credentials';
import { InvalidInputError } from '../errors/app-errors';
import { malformedBody, type HsError } from './hs-error';
import { PAYTM_CHECKOUT, SEED_WALLET_NAMES } from './wallet-names';

/** Longest `payment_id` / `client_secret` read (upstream: ids ≤ 64, secrets in a varchar(128)). */
const MAX_ID_LENGTH = 64;
const MAX_SECRET_LENGTH = 128;
/** More wallets than upstream has names is never a real request. */
const MAX_WALLETS = SEED_WALLET_NAMES.size + 1;

/** The REST body (`PaymentsSessionRequest`, seed 003 §3.1) after deserialization. */
export interface SessionTokensBody {
  readonly paymentId: string;
  readonly clientSecret: string;
  readonly wallets: readonly string[];
  /** `merchant_connector_details.encoded_data.connector_account_details`, parsed per connector. */
  readonly credentialOverrides?: ReadonlyMap<ConnectorId, CredentialOverride>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function stringField(body: Record<string, unknown>, name: string, maxLength: number): string | HsError {
  const value = body[name];
  if (value === undefined || value === null) return malformedBody(`missing field \`${name}\``);
  if (typeof value !== 'string') return malformedBody(`invalid type at \`${name}\`, expected a string`);
  if (value.length > maxLength) return malformedBody(`\`${name}\` is longer than ${maxLength} characters`);
  return value;
}

function connectorDetails(registry: ConnectorRegistry, raw: unknown): ReadonlyMap<ConnectorId, CredentialOverride> | HsError | undefined {
  const field = 'merchant_connector_details';
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) return malformedBody(`invalid type at \`${field}\`, expected an object`);
  if (typeof raw['creds_identifier'] !== 'string') return malformedBody(`missing field \`${field}.creds_identifier\``);
  const encoded = raw['encoded_data'];
  if (!isRecord(encoded)) return malformedBody(`missing field \`${field}.encoded_data\``);
  const details = encoded['connector_account_details'];
  if (!isRecord(details)) return malformedBody(`missing field \`${field}.encoded_data.connector_account_details\``);
  if (encoded['metadata'] !== undefined && encoded['metadata'] !== null && !isRecord(encoded['metadata'])) {
    return malformedBody(`invalid type at \`${field}.encoded_data.metadata\`, expected an object`);
  }
  const overrides = new Map<ConnectorId, CredentialOverride>();
  for (const [key, value] of Object.entries(details)) {
    const connector = CONNECTOR_IDS.find((id) => registry[id].credentials.configKey === key);
    if (!connector) return malformedBody(`unknown connector in \`${field}.encoded_data.connector_account_details\`, expected one of ${CONNECTOR_IDS.map((id) => registry[id].credentials.configKey).join(', ')}`);
    try {
      const validated = validateAccountCredentials(registry, connector, value, `${field}.encoded_data.connector_account_details.${key}`);
      overrides.set(connector, { ...validated.parsed, hints: validated.hints });
    } catch (error) {
      if (error instanceof InvalidInputError) return malformedBody(error.message);
      throw error;
    }
  }
  return overrides;
}

/**
 * Deserializes the body as upstream's JSON extractor would: unknown keys ignored, every required
 * field present and typed, each wallet a name of the seed's list (`paytm_checkout` only with
 * extensions). The first problem is an `IR_06`; values are never echoed.
 */
export function parseSessionTokensBody(registry: ConnectorRegistry, body: unknown, extensions: boolean): SessionTokensBody | HsError {
  if (!isRecord(body)) return malformedBody('expected a JSON object');
  const paymentId = stringField(body, 'payment_id', MAX_ID_LENGTH);
  if (typeof paymentId !== 'string') return paymentId;
  const clientSecret = stringField(body, 'client_secret', MAX_SECRET_LENGTH);
  if (typeof clientSecret !== 'string') return clientSecret;
  const wallets = body['wallets'];
  if (wallets === undefined || wallets === null) return malformedBody('missing field `wallets`');
  if (!Array.isArray(wallets)) return malformedBody('invalid type at `wallets`, expected a sequence');
  if (wallets.length > MAX_WALLETS) return malformedBody(`\`wallets\` has more than ${MAX_WALLETS} entries`);
  for (const [index, wallet] of wallets.entries()) {
    if (typeof wallet !== 'string') return malformedBody(`invalid type at \`wallets[${index}]\`, expected a string`);
    if (!SEED_WALLET_NAMES.has(wallet) && !(extensions && wallet === PAYTM_CHECKOUT)) return malformedBody(`unknown variant at \`wallets[${index}]\`, expected a payment method type such as \`google_pay\``);
  }
  const overrides = connectorDetails(registry, body['merchant_connector_details']);
  if (overrides !== undefined && !(overrides instanceof Map)) return overrides as HsError;
  return { paymentId, clientSecret, wallets: wallets as string[], ...(overrides ? { credentialOverrides: overrides } : {}) };
}
