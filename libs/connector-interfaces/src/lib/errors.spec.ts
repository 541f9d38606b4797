import { inspect } from 'node:util';
import { ConnectorError, ConnectorFlowError, IntegrationError, NetworkError } from './errors';
import { TransportError } from './http';

describe('connector-phase errors', () => {
  const integration = new IntegrationError('MISSING_REQUIRED_FIELD', 'sessionToken is required', {
    connector: 'nuvei',
    flow: 'authorize',
    field: 'sessionToken',
    suggestedAction: 'Run the sessionToken flow first',
  });
  const network = new NetworkError('GATEWAY_TIMEOUT', 'The gateway did not answer in time', {
    connector: 'paytm',
    flow: 'sessionToken',
    retryable: true,
    paymentMayHaveBeenProcessed: true,
  });
  const connector = new ConnectorError('MALFORMED_RESPONSE', 'unreadable body', { connector: 'nuvei', flow: 'psync', httpStatus: 200, reason: '<html>' });

  it.each([
    ['IntegrationError', integration, IntegrationError, 'MISSING_REQUIRED_FIELD', 'nuvei', 'authorize'],
    ['NetworkError', network, NetworkError, 'GATEWAY_TIMEOUT', 'paytm', 'sessionToken'],
    ['ConnectorError', connector, ConnectorError, 'MALFORMED_RESPONSE', 'nuvei', 'psync'],
  ] as const)('%s carries code, connector, flow and a name, and is an Error', (name, error, Class, code, connectorId, flow) => {
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ConnectorFlowError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.connector).toBe(connectorId);
    expect(error.flow).toBe(flow);
    expect(String(error)).toBe(`${name}: ${error.message}`);
    expect(error.stack).toContain(name);
  });

  it('keeps the three classes apart, so callers can tell which side failed', () => {
    expect(integration).not.toBeInstanceOf(NetworkError);
    expect(integration).not.toBeInstanceOf(ConnectorError);
    expect(network).not.toBeInstanceOf(IntegrationError);
    expect(network).not.toBeInstanceOf(ConnectorError);
    expect(connector).not.toBeInstanceOf(IntegrationError);
    expect(connector).not.toBeInstanceOf(NetworkError);
  });

  it('IntegrationError carries field and suggestedAction when given, and leaves them undefined otherwise', () => {
    expect(integration.field).toBe('sessionToken');
    expect(integration.suggestedAction).toBe('Run the sessionToken flow first');
    const bare = new IntegrationError('FLOW_NOT_SUPPORTED', 'no refunds', { connector: 'paytm', flow: 'refund' });
    expect(bare.field).toBeUndefined();
    expect(bare.suggestedAction).toBeUndefined();
  });

  it('NetworkError carries retryable and paymentMayHaveBeenProcessed', () => {
    expect(network.retryable).toBe(true);
    expect(network.paymentMayHaveBeenProcessed).toBe(true);
    const refused = new NetworkError('CONNECTION_REFUSED', 'refused', { connector: 'nuvei', flow: 'sessionToken', retryable: true, paymentMayHaveBeenProcessed: false });
    expect(refused.paymentMayHaveBeenProcessed).toBe(false);
  });

  it('ConnectorError carries httpStatus and an optional reason', () => {
    expect(connector.httpStatus).toBe(200);
    expect(connector.reason).toBe('<html>');
    const bare = new ConnectorError('UNEXPECTED_STATUS', 'HTTP 301', { connector: 'nuvei', flow: 'sessionToken', httpStatus: 301 });
    expect(bare.reason).toBeUndefined();
  });

  it('does not copy unknown context keys onto the error', () => {
    const context = { connector: 'nuvei', flow: 'authorize', merchantSecret: 'CANARY_SECRET_9f8e' } as const;
    const error = new IntegrationError('X', 'y', context);
    expect(inspect(error)).not.toContain('CANARY_SECRET_9f8e');
    expect(JSON.stringify(error)).not.toContain('CANARY_SECRET_9f8e');
  });

  it('serialises its machine-readable fields to JSON (for structured logs)', () => {
    expect(JSON.parse(JSON.stringify(network))).toEqual({
      name: 'NetworkError',
      code: 'GATEWAY_TIMEOUT',
      connector: 'paytm',
      flow: 'sessionToken',
      retryable: true,
      paymentMayHaveBeenProcessed: true,
    });
  });
});

describe('TransportError', () => {
  it('carries kind and requestSent, and is an Error', () => {
    const error = new TransportError('connection_reset', true, 'socket hang up');
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TransportError');
    expect(error.kind).toBe('connection_reset');
    expect(error.requestSent).toBe(true);
    expect(error.message).toBe('socket hang up');
  });
});
