import { inspect } from 'node:util';
import { Secret } from '@prism-sessions/masking';
import { serializeNuveiRequest, type NuveiSessionTokenRequest } from './nuvei.requests';

const request: NuveiSessionTokenRequest = {
  merchantId: new Secret('probe_merchant'),
  merchantSiteId: new Secret('probe_id'),
  clientRequestId: 'session_001',
  timeStamp: '20250101120000',
  checksum: 'abc',
};

describe('serializeNuveiRequest', () => {
  it('writes compact JSON in declaration order with secrets exposed', () => {
    expect(serializeNuveiRequest(request)).toBe(
      '{"merchantId":"probe_merchant","merchantSiteId":"probe_id","clientRequestId":"session_001","timeStamp":"20250101120000","checksum":"abc"}',
    );
  });

  it('exposes nested secrets and omits absent optional keys', () => {
    const nested = { outer: { inner: new Secret('deep_value'), skipped: undefined }, list: [new Secret('in_array')] };
    expect(serializeNuveiRequest(nested as unknown as NuveiSessionTokenRequest)).toBe('{"outer":{"inner":"deep_value"},"list":["in_array"]}');
  });

  it('leaves the request object itself masked', () => {
    expect(JSON.stringify(request)).not.toContain('probe_merchant');
    expect(inspect(request)).not.toContain('probe_merchant');
  });
});
