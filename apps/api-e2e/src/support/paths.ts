/** Fixed locations of the e2e suite (Node built-ins only: also loaded by the global setup). */
import * as path from 'node:path';

/** The Nx workspace root. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
/** Runtime files of the suite (git-ignored, so Nx does not hash them). */
export const E2E_TMP_DIR = path.join(WORKSPACE_ROOT, 'apps/api-e2e/tmp');
/** stdout/stderr of every child process, one file each. */
export const E2E_LOG_DIR = path.join(E2E_TMP_DIR, 'e2e-logs');
/** What the global setup hands to the specs (URLs, API key, database URL, PIDs). */
export const E2E_ENV_FILE = path.join(E2E_TMP_DIR, 'e2e-env.json');

/** Build outputs the suite runs (`nx build api`, `nx build gateway-simulator`). */
export const DIST = {
  apiMain: path.join(WORKSPACE_ROOT, 'dist/apps/api/main.js'),
  migrate: path.join(WORKSPACE_ROOT, 'dist/apps/api/cli/migrate.js'),
  createMerchant: path.join(WORKSPACE_ROOT, 'dist/apps/api/cli/create-merchant.js'),
  simulatorMain: path.join(WORKSPACE_ROOT, 'dist/apps/gateway-simulator/main.js'),
} as const;

/** The browser example (plain HTML + JS) and its merchant-server stub. */
export const WALLET_CHECKOUT_SERVER = path.join(WORKSPACE_ROOT, 'examples/wallet-checkout/server.js');
