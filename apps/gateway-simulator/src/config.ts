import { z } from 'zod';

/** Where the simulator listens. */
export interface SimulatorConfig {
  readonly port: number;
  readonly host: string;
}

/** Default `SIMULATOR_PORT`. */
export const DEFAULT_SIMULATOR_PORT = 4010;
/** Default `SIMULATOR_HOST`: loopback only. */
export const DEFAULT_SIMULATOR_HOST = '127.0.0.1';

const schema = z.object({
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_SIMULATOR_PORT),
  SIMULATOR_HOST: z.string().trim().min(1).default(DEFAULT_SIMULATOR_HOST),
});

/**
 * Reads `SIMULATOR_PORT` (default 4010; 0 picks a free port) and `SIMULATOR_HOST` (default 127.0.0.1).
 * Empty values count as unset.
 * @throws Error naming the invalid variable.
 */
export function readSimulatorConfig(env: NodeJS.ProcessEnv): SimulatorConfig {
  const set = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
  const parsed = schema.safeParse({ SIMULATOR_PORT: set(env['SIMULATOR_PORT']), SIMULATOR_HOST: set(env['SIMULATOR_HOST']) });
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new Error(`Invalid ${names.join(', ')}: SIMULATOR_PORT must be an integer 0-65535, SIMULATOR_HOST a host name or IP`);
  }
  return { port: parsed.data.SIMULATOR_PORT, host: parsed.data.SIMULATOR_HOST };
}
