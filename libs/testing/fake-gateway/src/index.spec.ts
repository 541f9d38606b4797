import * as api from './index';

describe('public API', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['CONTROL_PREFIX', 'FAULT_KINDS', 'MALFORMED_JSON_BODY', 'MAX_BODY_BYTES', 'MAX_LATENCY_MS', 'createFakeGatewayControlClient', 'startFakeGatewayServer'].sort(),
    );
  });
});
