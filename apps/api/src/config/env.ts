import { z } from 'zod';
import { Secret } from '@prism-sessions/masking';
import { CONNECTOR_IDS, type ConnectorId } from '../connectors/connector-registry';
import type { BaseUrlOverrides } from '../connectors/gateway-base-url';

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url({ protocol: /^https?$/ }).optional());

const staticSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** The Prism-compatible gRPC server's port (8080, as in upstream's examples); 0 picks a free one. */
  GRPC_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_URL: z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .optional(),
  /** Base64 of 32 random bytes. Required in production. */
  ENCRYPTION_KEY: z.string().optional(),
  /** Comma-separated base64 keys that were retired: still accepted for decryption until `keys:rotate` re-seals their rows. */
  ENCRYPTION_PREVIOUS_KEYS: z.string().optional(),
  /** Hosts a per-request `base_url` in x-connector-config may point at. Empty: the override is refused. */
  CONNECTOR_BASE_URL_ALLOWLIST: z.string().default(''),
  GATEWAY_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** Seconds subtracted from a token's documented lifetime to compute `expiresAt`. */
  SESSION_EXPIRY_MARGIN_SECONDS: z.coerce.number().int().min(0).default(60),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  /** API worker processes (node:cluster). Unset: one per available core in production, one elsewhere. Each has its own database pool. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  /** Bearer token guarding `GET /metrics`. In production `/metrics` is off (404) unless it is set. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .transform((value) => new Secret(value))
    .optional(),
  /** `true`: metrics carry a `merchant_id` label where documented (README, Metrics). Off by default. */
  METRICS_MERCHANT_LABEL: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** How long an authenticated API key is trusted without a database lookup: the bound on revocation across instances. */
  API_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  /** Sustained gateway-calling fields per second per merchant (and per instance). */
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
  /** Token bucket size: gateway-calling fields one merchant may spend at once (per instance). */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /** How long a connector-account look-up of createSessionToken is cached in-process (0: not cached); the bound within which a disable takes effect on every instance. */
  CONNECTOR_ACCOUNT_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** HyperSDK: how long a signed timestamp (and a session it opens) stays valid. */
  SIGNATURE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** HyperSDK: how far in the future a signed timestamp may be (client clocks run fast). */
  SIGNATURE_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(3_600).default(120),
  /** HyperSDK: the 3-character NPCI prefix of the merchant's PSP handle, returned as `prefix` (empty when unset). */
  UPI_PREFIX: z
    .string()
    .regex(/^[A-Z0-9]{3}$/, 'must be 3 characters A–Z or 0–9')
    .optional(),
  /** Apple Pay merchant validation base URL (`{base}paymentservices/paymentSession`); the simulator's in tests. */
  APPLE_PAY_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://apple-pay-gateway.apple.com/'),
  /** Bound on one Apple Pay merchant validation call. */
  APPLE_PAY_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** Optional PEM file of extra CAs to trust for Apple Pay (the simulator's), read once at startup. */
  APPLE_PAY_CA_FILE: z.string().optional(),
  /** `true`: POST /payments/session_tokens also emits our non-upstream `paytm_checkout` wallet (GraphQL always does). */
  PAYTM_CHECKOUT_SESSION_TOKENS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** `<ID>_BASE_URL`: the gateway base URL override of one registered connector (e.g. `NUVEI_BASE_URL`). */
export function baseUrlVariable<Id extends ConnectorId>(id: Id): `${Uppercase<Id>}_BASE_URL` {
  return `${id.toUpperCase() as Uppercase<Id>}_BASE_URL`;
}

type BaseUrlVariables = { readonly [Id in ConnectorId as `${Uppercase<Id>}_BASE_URL`]?: string };

const envSchema = staticSchema.extend(Object.fromEntries(CONNECTOR_IDS.map((id) => [baseUrlVariable(id), optionalUrl.optional()])));

/** Validated process configuration. Names are fixed by the product spec. */
export type AppConfig = z.infer<typeof staticSchema> & BaseUrlVariables & { readonly baseUrlAllowlist: ReadonlySet<string> };

/** The `<ID>_BASE_URL` values that are set, by connector id. */
export function baseUrlOverridesOf(config: AppConfig): BaseUrlOverrides {
  return Object.fromEntries(
    CONNECTOR_IDS.flatMap((id) => {
      const url = config[baseUrlVariable(id)];
      return url === undefined ? [] : [[id, url]];
    }),
  );
}

/** Parses configuration from an environment map; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "unset" (shells and .env files produce them), never 0 or "".
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const data = parsed.data as z.infer<typeof staticSchema> & Partial<Record<string, string>>;
  const baseUrlAllowlist = new Set(
    data.CONNECTOR_BASE_URL_ALLOWLIST.split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== ''),
  );
  return { ...data, baseUrlAllowlist } as AppConfig;
}
