import { rawTopLevelMember } from './paytm.raw-json';

const raw = (text: string, key: string) => {
  const result = rawTopLevelMember(text, key);
  return result.ok ? result.raw : undefined;
};

describe('rawTopLevelMember', () => {
  it('returns the exact source text of a member, whitespace and escapes included', () => {
    const text = '{ "head" : {"a":"}\\"{","b":[1,{"c":"]"}]} ,\n "body":  {"mid" : "M1", "n": [ 1 , 2 ]}  }';
    expect(rawTopLevelMember(text, 'body')).toEqual({ ok: true, raw: '{"mid" : "M1", "n": [ 1 , 2 ]}' });
    expect(raw(text, 'head')).toBe('{"a":"}\\"{","b":[1,{"c":"]"}]}');
  });

  it('handles primitives, non-ASCII text and escaped keys', () => {
    expect(raw('{"a":1,"b":true,"c":null,"d":-1.5e3}', 'd')).toBe('-1.5e3');
    expect(raw('{"a":1,"b":true}', 'b')).toBe('true');
    expect(raw('{"b\\u006fdy":"x"}', 'body')).toBe('"x"');
    expect(raw('{"body":{"note":"₹ é \\u00e9 😀"}}', 'body')).toBe('{"note":"₹ é \\u00e9 😀"}');
  });

  it('refuses a key that appears twice (JSON.parse would keep the last, a signer may have signed the first)', () => {
    expect(rawTopLevelMember('{"body":1,"body":{"x":2}}', 'body')).toEqual({ ok: false, reason: 'duplicate' });
    expect(rawTopLevelMember('{"body":1,"b\\u006fdy":2}', 'body')).toEqual({ ok: false, reason: 'duplicate' });
    // Duplicates elsewhere do not matter.
    expect(raw('{"head":1,"head":2,"body":{"a":1,"a":2}}', 'body')).toBe('{"a":1,"a":2}');
  });

  it('says why there is no member', () => {
    expect(rawTopLevelMember('{"a":{"body":1}}', 'body')).toEqual({ ok: false, reason: 'missing' });
    expect(rawTopLevelMember('{}', 'body')).toEqual({ ok: false, reason: 'missing' });
    expect(rawTopLevelMember('[{"body":1}]', 'body')).toEqual({ ok: false, reason: 'not_an_object' });
    expect(rawTopLevelMember('"body"', 'body')).toEqual({ ok: false, reason: 'not_an_object' });
  });

  it.each([
    ['truncated', '{"body":'],
    ['empty', ''],
    ['a comment', '{"body":1 /* c */}'],
    ['a trailing comma', '{"body":1,}'],
    ['trailing garbage', '{"body":1} x'],
    ['non-JSON whitespace', '{"body":1}\u00a0'],
    ['a leading zero', '{"body":01}'],
  ])('refuses %s as invalid JSON', (_label, text) => {
    expect(rawTopLevelMember(text, 'body')).toEqual({ ok: false, reason: 'invalid_json' });
  });
});
