import { paytmEnvelope } from './paytm.requests';

describe('paytmEnvelope', () => {
  it('splices the already serialised body unchanged after the head', () => {
    const body = '{"b":1,  "a":"x"}';
    expect(paytmEnvelope({ z: null, a: '1' }, body)).toBe('{"head":{"z":null,"a":"1"},"body":{"b":1,  "a":"x"}}');
  });
});
