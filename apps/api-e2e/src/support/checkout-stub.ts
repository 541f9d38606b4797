/** The wallet checkout example's merchant-server stub (`examples/wallet-checkout/server.js`) as a real process. */
import { baseChildEnv } from './stack';
import { WALLET_CHECKOUT_SERVER, WORKSPACE_ROOT } from './paths';
import { startProcess, type ManagedProcess } from './processes';

/** A started stub and the URL of its page. */
export interface CheckoutStub {
  readonly proc: ManagedProcess;
  readonly url: string;
}

const READY = /^Wallet checkout example at (http:\/\/127\.0\.0\.1:\d+\/)/m;

/** Starts the stub on a free 127.0.0.1 port against `apiUrl` (the API root, without /graphql) with the merchant's keys. */
export async function startCheckoutStub(options: { name: string; apiUrl: string; secretKey: string; publishableKey: string; logDir: string }): Promise<CheckoutStub> {
  const env = { ...baseChildEnv(), API_URL: options.apiUrl, SECRET_KEY: options.secretKey, PUBLISHABLE_KEY: options.publishableKey, PORT: '0', HOST: '127.0.0.1' };
  const proc = startProcess({ name: options.name, script: WALLET_CHECKOUT_SERVER, env, cwd: WORKSPACE_ROOT, logDir: options.logDir });
  try {
    const match = await proc.waitForOutput(READY, 60_000);
    return { proc, url: match[1] as string };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}
