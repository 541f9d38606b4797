import { FAULT_KINDS, faultRequestSchema, faultSchema, validateFault } from './fault';
import { FaultRegistry } from './fault-registry';

describe('faultSchema', () => {
  it('knows every kind', () => {
    expect([...FAULT_KINDS].sort()).toEqual(['answer', 'latency', 'malformed-json', 'reset', 'status', 'timeout', 'truncated']);
  });

  it('turns a JSON object or array body into its JSON text', () => {
    expect(faultSchema.parse({ kind: 'status', status: 400, body: { errCode: 1001 } })).toEqual({ kind: 'status', status: 400, body: '{"errCode":1001}' });
    expect(faultSchema.parse({ kind: 'answer', response: { status: 200, body: [1] } })).toEqual({ kind: 'answer', response: { status: 200, body: '[1]' } });
  });

  it('refuses a latency above 10 minutes and a fractional one', () => {
    expect(faultSchema.safeParse({ kind: 'latency', ms: 600_001 }).success).toBe(false);
    expect(faultSchema.safeParse({ kind: 'latency', ms: 1.5 }).success).toBe(false);
  });

  it('refuses header values node:http could not write', () => {
    expect(faultSchema.safeParse({ kind: 'answer', response: { status: 200, headers: { x: 'a\r\nb' }, body: '' } }).success).toBe(false);
  });

  it('validates a control request with optional times', () => {
    expect(faultRequestSchema.parse({ connector: 'paytm', fault: { kind: 'reset' } })).toEqual({ connector: 'paytm', fault: { kind: 'reset' } });
    expect(faultRequestSchema.safeParse({ connector: 'paytm', fault: { kind: 'reset' }, times: 1.5 }).success).toBe(false);
  });

  it('validateFault throws a TypeError for invalid input', () => {
    expect(validateFault({ kind: 'timeout' }, 3)).toEqual({ kind: 'timeout' });
    expect(() => validateFault({ kind: 'timeout' }, -1)).toThrow(TypeError);
  });
});

describe('FaultRegistry', () => {
  it('counts down `times` per connector and forgets the fault at zero', () => {
    const registry = new FaultRegistry();
    registry.set('nuvei', { kind: 'reset' }, 2);
    registry.set('paytm', { kind: 'timeout' }, undefined);
    expect([registry.take('nuvei'), registry.take('nuvei'), registry.take('nuvei')]).toEqual([{ kind: 'reset' }, { kind: 'reset' }, undefined]);
    expect([registry.take('paytm'), registry.take('paytm')]).toEqual([{ kind: 'timeout' }, { kind: 'timeout' }]);
    registry.clear();
    expect(registry.take('paytm')).toBeUndefined();
  });
});
