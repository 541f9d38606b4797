/**
 * Starting the processes under test (API, gateway simulator) and the hand-over file between the
 * global setup and the specs. Node built-ins only: the global setup loads this outside jest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DIST, E2E_ENV_FILE, E2E_LOG_DIR, E2E_TMP_DIR, WORKSPACE_ROOT } from './paths';
import { startProcess, type ManagedProcess } from './processes';

/** Gateway timeouts the suite runs the API with. */
export const GATEWAY_TIMEOUT_MS = 3_000;
export const GATEWAY_CONNECT_TIMEOUT_MS = 500;

/** What the global setup hands to the specs (written to {@link E2E_ENV_FILE}). */
export interface E2eEnv {
  readonly logDir: string;
  /** `http://127.0.0.1:<port>/graphql` of the shared API process. */
  readonly apiUrl: string;
  readonly apiPid: number;
  /** Root URL of the simulator (its control endpoint is `<url>/__control`). */
  readonly simulatorUrl: string;
  readonly simulatorPid: number;
  readonly nuveiBaseUrl: string;
  readonly paytmBaseUrl: string;
  readonly paypalBaseUrl: string;
  /** `x-connector-config` header values for the simulator's demo merchants, as it printed them. */
  readonly nuveiConnectorConfig: string;
  readonly paytmConnectorConfig: string;
  readonly paypalConnectorConfig: string;
  /** The simulator's emulated Apple Pay endpoint (mutual TLS) and its test PKI files. */
  readonly applePay: SimulatorApplePay;
  readonly databaseUrl: string;
  readonly databaseName: string;
  readonly adminUrl: string;
  readonly embeddedPostgres?: { readonly pid: number; readonly dir: string };
  /** The merchant created with `create-merchant.js`. */
  readonly merchant: { readonly merchantId: string; readonly apiKey: string; readonly publishableKey: string };
  /** The environment the shared API was started with (to start more API processes like it). */
  readonly apiEnv: Readonly<Record<string, string>>;
}

/** Reads the hand-over file the global setup wrote. */
export function readE2eEnv(): E2eEnv {
  const file = process.env['API_E2E_ENV_FILE'] ?? E2E_ENV_FILE;
  if (!existsSync(file)) throw new Error(`${file} is missing: run the suite through jest (its globalSetup writes it)`);
  return JSON.parse(readFileSync(file, 'utf8')) as E2eEnv;
}

/** Checks the build outputs exist (the Nx `test` target builds them first). */
export function assertBuilt(): void {
  const missing = Object.values(DIST).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`missing build output ${missing.join(', ')}: run \`npx nx build api && npx nx build gateway-simulator\` (\`nx test api-e2e\` does it)`);
  }
}

/** A clean environment for a child: no inherited NODE_ENV, DATABASE_URL, PORT or NODE_OPTIONS. */
export function baseChildEnv(): Record<string, string> {
  const env: Record<string, string> = { CHECKPOINT_DISABLE: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** The environment of an API process of this suite (test mode, loopback only, short gateway timeouts). */
export function apiEnvironment(options: {
  databaseUrl: string;
  nuveiBaseUrl: string;
  paytmBaseUrl: string;
  paypalBaseUrl: string;
  encryptionKey: string;
  applePay?: Pick<SimulatorApplePay, 'baseUrl' | 'caFile'>;
}): Record<string, string> {
  return {
    // Apple's merchant validation goes to the simulator, trusting the CA it wrote (read by the API since the wallets issue).
    ...(options.applePay ? { APPLE_PAY_BASE_URL: options.applePay.baseUrl, APPLE_PAY_CA_FILE: options.applePay.caFile, APPLE_PAY_TIMEOUT_MS: String(GATEWAY_TIMEOUT_MS) } : {}),
    ...baseChildEnv(),
    NODE_ENV: 'test',
    PORT: '0',
    GRPC_PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    NUVEI_BASE_URL: options.nuveiBaseUrl,
    PAYTM_BASE_URL: options.paytmBaseUrl,
    PAYPAL_BASE_URL: options.paypalBaseUrl,
    GATEWAY_TIMEOUT_MS: String(GATEWAY_TIMEOUT_MS),
    GATEWAY_CONNECT_TIMEOUT_MS: String(GATEWAY_CONNECT_TIMEOUT_MS),
    ENCRYPTION_KEY: options.encryptionKey,
    LOG_LEVEL: 'info',
    // Never the workspace's .data/: nothing should be written there, but if it were, it lands here.
    DATA_DIR: `${E2E_TMP_DIR}/data`,
  };
}

/** A started API process and its GraphQL URL. */
export interface ApiProcess {
  readonly proc: ManagedProcess;
  readonly url: string;
}

const READY = /GraphQL API ready at (http:\/\/\S+\/graphql)/;

/** Generous: on a busy machine a fresh process's first database probe can exceed the health check's 1 s. */
const STARTUP_DEADLINE_MS = 120_000;

/**
 * Starts `dist/apps/api/main.js` and waits until it prints its URL and `/health` answers 200. The first
 * probes of a fresh process may answer 503 (cold connection pool on a busy machine): poll until the
 * deadline rather than judge the first answer.
 */
export async function startApi(name: string, env: Record<string, string>, logDir: string = E2E_LOG_DIR): Promise<ApiProcess> {
  const proc = startProcess({ name, script: DIST.apiMain, env, cwd: WORKSPACE_ROOT, logDir });
  try {
    const deadline = Date.now() + STARTUP_DEADLINE_MS;
    const match = await proc.waitForOutput(READY, STARTUP_DEADLINE_MS);
    const url = (match[1] as string).replace('//localhost:', '//127.0.0.1:');
    for (;;) {
      const health = await fetch(new URL('/health', url));
      const body = (await health.json()) as unknown;
      if (health.status === 200) break;
      if (proc.hasExited() || Date.now() > deadline) throw new Error(`${name}: GET /health answered ${health.status} ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { proc, url };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

/** What the simulator printed about its emulated Apple Pay endpoint. */
export interface SimulatorApplePay {
  /** `https://127.0.0.1:<port>/apple_pay/`. */
  readonly baseUrl: string;
  /** The simulator's CA (PEM file): trusted for the endpoint, and the issuer of the demo identity. */
  readonly caFile: string;
  /** The demo merchant identity (PEM files) the endpoint accepts. */
  readonly demoCertificateFile: string;
  readonly demoPrivateKeyFile: string;
}

/** A started gateway simulator and what it printed. */
export interface SimulatorProcess {
  readonly proc: ManagedProcess;
  readonly url: string;
  readonly nuveiBaseUrl: string;
  readonly paytmBaseUrl: string;
  readonly paypalBaseUrl: string;
  readonly nuveiConnectorConfig: string;
  readonly paytmConnectorConfig: string;
  readonly paypalConnectorConfig: string;
  readonly applePay: SimulatorApplePay;
}

/** Starts `dist/apps/gateway-simulator/main.js` on a free 127.0.0.1 port and parses its banner. */
export async function startSimulator(logDir: string = E2E_LOG_DIR): Promise<SimulatorProcess> {
  const env = { ...baseChildEnv(), SIMULATOR_PORT: '0', SIMULATOR_HOST: '127.0.0.1', SIMULATOR_APPLE_PAY_PORT: '0', SIMULATOR_APPLE_PAY_DIR: `${E2E_TMP_DIR}/apple-pay` };
  const proc = startProcess({ name: 'gateway-simulator', script: DIST.simulatorMain, env, cwd: WORKSPACE_ROOT, logDir });
  try {
    await proc.waitForOutput(/^Stop with Ctrl\+C\.$/m, STARTUP_DEADLINE_MS);
    const text = proc.stdout();
    const line = (pattern: RegExp, what: string): string => {
      const found = pattern.exec(text)?.[1];
      if (!found) throw new Error(`the simulator did not print ${what}; see ${proc.stdoutFile}`);
      return found.trim();
    };
    return {
      proc,
      url: line(/^Gateway simulator listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/m, 'its URL'),
      nuveiBaseUrl: line(/^NUVEI_BASE_URL=(\S+)\s*$/m, 'NUVEI_BASE_URL'),
      paytmBaseUrl: line(/^PAYTM_BASE_URL=(\S+)\s*$/m, 'PAYTM_BASE_URL'),
      paypalBaseUrl: line(/^PAYPAL_BASE_URL=(\S+)\s*$/m, 'PAYPAL_BASE_URL'),
      nuveiConnectorConfig: line(/^x-connector-config: (\{"config":\{"Nuvei".*\})\s*$/m, 'the Nuvei x-connector-config'),
      paytmConnectorConfig: line(/^x-connector-config: (\{"config":\{"Paytm".*\})\s*$/m, 'the Paytm x-connector-config'),
      paypalConnectorConfig: line(/^x-connector-config: (\{"config":\{"Paypal".*\})\s*$/m, 'the PayPal x-connector-config'),
      applePay: {
        baseUrl: line(/^APPLE_PAY_BASE_URL=(\S+)\s*$/m, 'APPLE_PAY_BASE_URL'),
        caFile: line(/^APPLE_PAY_CA_FILE=(\S+)\s*$/m, 'APPLE_PAY_CA_FILE'),
        demoCertificateFile: line(/^APPLE_PAY_DEMO_CERTIFICATE_FILE=(\S+)\s*$/m, 'APPLE_PAY_DEMO_CERTIFICATE_FILE'),
        demoPrivateKeyFile: line(/^APPLE_PAY_DEMO_PRIVATE_KEY_FILE=(\S+)\s*$/m, 'APPLE_PAY_DEMO_PRIVATE_KEY_FILE'),
      },
    };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}
