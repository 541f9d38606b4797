import type { RegisteredConnector } from '../connectors/connector-registry';
import { gatewayError } from './gateway-call';

describe('gatewayError', () => {
  it('keeps the gateway code and message and adds the documented meaning', () => {
    const connector = { describeErrorCode: (code: string) => (code === '1001' ? 'Invalid checksum' : undefined) } as unknown as RegisteredConnector;
    const error = gatewayError(connector, { code: '1001', message: 'Invalid checksum', statusCode: 200, unifiedCode: 'INVALID_SIGNATURE', retryable: false });
    expect(error).toEqual({
      unifiedCode: 'INVALID_SIGNATURE',
      source: 'GATEWAY',
      retryable: false,
      description: 'Invalid checksum',
      connector: { code: '1001', message: 'Invalid checksum' },
      gatewayHttpStatus: 200,
    });
  });
});
