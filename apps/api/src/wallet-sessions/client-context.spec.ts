import { createLogger } from '../logging/logger';
import { parseClientContext } from './client-context';

const logger = createLogger('silent');
const from = (headers: Record<string, string>) => parseClientContext((name) => headers[name], logger);

describe('parseClientContext', () => {
  it('reads the three headers', () => {
    expect(from({ 'x-client-platform': 'web', 'x-browser-name': 'Safari', 'x-merchant-domain': 'Shop.Example.com' })).toEqual({ platform: 'web', browser: 'Safari', merchantDomain: 'shop.example.com' });
  });

  it('ignores values that do not parse, as upstream does', () => {
    expect(from({ 'x-client-platform': 'WEB', 'x-merchant-domain': 'https://x/y' })).toEqual({});
    expect(from({ 'x-browser-name': 'Chrome' })).toEqual({ browser: 'other' });
  });
});
