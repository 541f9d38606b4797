import { z } from 'zod';

/** Where the simulator listens and where it writes its Apple Pay test PKI. */
export interface SimulatorConfig {
  readonly port: number;
  readonly host: string;
  /** Port of the Apple Pay HTTPS (mutual TLS) listener. */
  readonly applePayPort: number;
  /** Directory for the Apple Pay CA and demo merchant identity PEMs; a fresh temporary one when absent. */
  readonly applePayDir: string | undefined;
}

/** Default `SIMULATOR_PORT`. */
export const DEFAULT_SIMULATOR_PORT = 4010;
/** Default `SIMULATOR_HOST`: loopback only. */
export const DEFAULT_SIMULATOR_HOST = '127.0.0.1';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const schema = z.object({
  SIMULATOR_PORT: port(DEFAULT_SIMULATOR_PORT),
  SIMULATOR_HOST: z.string().trim().min(1).default(DEFAULT_SIMULATOR_HOST),
  SIMULATOR_APPLE_PAY_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  SIMULATOR_APPLE_PAY_DIR: z.string().trim().min(1).optional(),
});

/**
 * Reads `SIMULATOR_PORT` (default 4010; 0 picks a free port), `SIMULATOR_HOST` (default 127.0.0.1),
 * `SIMULATOR_APPLE_PAY_PORT` (default `SIMULATOR_PORT + 1`, i.e. 4011, or a free port when `SIMULATOR_PORT`
 * is 0, so scripts that ask for free ports never collide on it) and `SIMULATOR_APPLE_PAY_DIR`
 * (default: a new temporary directory). Empty values count as unset.
 * @throws Error naming the invalid variable.
 */
export function readSimulatorConfig(env: NodeJS.ProcessEnv): SimulatorConfig {
  const set = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
  const parsed = schema.safeParse({
    SIMULATOR_PORT: set(env['SIMULATOR_PORT']),
    SIMULATOR_HOST: set(env['SIMULATOR_HOST']),
    SIMULATOR_APPLE_PAY_PORT: set(env['SIMULATOR_APPLE_PAY_PORT']),
    SIMULATOR_APPLE_PAY_DIR: set(env['SIMULATOR_APPLE_PAY_DIR']),
  });
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new Error(`Invalid ${names.join(', ')}: SIMULATOR_PORT and SIMULATOR_APPLE_PAY_PORT must be integers 0-65535, SIMULATOR_HOST a host name or IP`);
  }
  return {
    port: parsed.data.SIMULATOR_PORT,
    host: parsed.data.SIMULATOR_HOST,
    applePayPort: parsed.data.SIMULATOR_APPLE_PAY_PORT ?? (parsed.data.SIMULATOR_PORT === 0 ? 0 : Math.min(parsed.data.SIMULATOR_PORT + 1, 65_535)),
    applePayDir: parsed.data.SIMULATOR_APPLE_PAY_DIR,
  };
}
