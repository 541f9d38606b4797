import type { Logger } from '../logging/logger';
import type { ClientContext } from '../wallets/wallet-builder';

const PLATFORMS = ['web', 'ios', 'android'] as const;
const DOMAIN = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

/**
 * Reads upstream's client headers (`x-client-platform`, `x-browser-name`, `x-merchant-domain`).
 * A value that does not parse is logged and ignored, as upstream does.
 */
export function parseClientContext(header: (name: string) => string | undefined, logger: Logger): ClientContext {
  const platform = header('x-client-platform')?.trim();
  const browser = header('x-browser-name')?.trim();
  const domain = header('x-merchant-domain')?.trim();
  const known = PLATFORMS.find((value) => value === platform);
  if (platform !== undefined && !known) logger.info({ header: 'x-client-platform' }, 'ignoring an unknown client platform');
  if (domain !== undefined && !DOMAIN.test(domain)) logger.info({ header: 'x-merchant-domain' }, 'ignoring a malformed merchant domain');
  return {
    ...(known ? { platform: known } : {}),
    ...(browser !== undefined && browser !== '' ? { browser: browser.toLowerCase() === 'safari' ? 'Safari' : 'other' } : {}),
    ...(domain !== undefined && DOMAIN.test(domain) ? { merchantDomain: domain.toLowerCase() } : {}),
  };
}
