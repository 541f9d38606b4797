import pino, { type Logger } from 'pino';
import { redact } from '@prism-sessions/masking';

export type { Logger };

/**
 * Structured JSON logger. Every logged object goes through `redact()` (secrets and sensitive keys
 * masked), and pino's own path redaction covers the headers that carry credentials.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers["api-key"]', 'req.headers["x-connector-config"]', 'req.headers["x-connector-auth"]', 'req.headers["x-api-key"]', 'req.headers["x-key1"]', 'req.headers["x-key2"]', 'req.headers["x-api-secret"]', 'req.headers.cookie'],
        censor: '[REDACTED]',
      },
    },
    destination,
  );
}
