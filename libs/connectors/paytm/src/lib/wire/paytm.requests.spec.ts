import { Secret } from '@prism-sessions/masking';
import { signPaytmBody, verifyPaytmSignature } from '../paytm.signature';
import { paytmEnvelope, serializePaytmWire, signedPaytmEnvelope } from './paytm.requests';

const KEY = new Secret('abcdefgh12345678');

describe('serializePaytmWire', () => {
  it('exposes Secrets (nested too) only in the wire text, keeping key order and nulls', () => {
    const body = { z: new Secret('MID'), a: { token: new Secret('TOK') }, n: null, list: [{ v: new Secret('V') }] };
    expect(serializePaytmWire(body)).toBe('{"z":"MID","a":{"token":"TOK"},"n":null,"list":[{"v":"V"}]}');
    expect(JSON.stringify(body)).not.toContain('TOK');
  });
});

describe('signedPaytmEnvelope', () => {
  it('serialises the body once, signs exactly those characters and splices them after the head, signature last', () => {
    const envelope = signedPaytmEnvelope({ clientId: null, version: 'v1' }, { mid: new Secret('M1') }, KEY, Uint8Array.of(0, 0, 0));
    const signature = signPaytmBody('{"mid":"M1"}', KEY, Uint8Array.of(0, 0, 0));
    expect(envelope).toBe(`{"head":{"clientId":null,"version":"v1","signature":"${signature}"},"body":{"mid":"M1"}}`);
    expect(verifyPaytmSignature('{"mid":"M1"}', KEY, signature)).toBe(true);
  });

  it('exposes a Secret head value (clientId) on the wire', () => {
    expect(signedPaytmEnvelope({ clientId: new Secret('C1') }, {}, KEY, Uint8Array.of(1, 2, 3))).toMatch(/^\{"head":\{"clientId":"C1","signature":"[^"]{108}"\},"body":\{\}\}$/);
  });
});

describe('paytmEnvelope', () => {
  it('serialises head then body, unsigned', () => {
    expect(paytmEnvelope({ head: { txnToken: new Secret('T') }, body: { b: 1, a: 'x' } })).toBe('{"head":{"txnToken":"T"},"body":{"b":1,"a":"x"}}');
  });
});
