import { rawTopLevelMember } from './raw-json';

describe('rawTopLevelMember', () => {
  it('returns the exact source bytes of a member, whitespace and escapes included', () => {
    const text = '{ "head" : {"a":"}\\"{","b":[1,{"c":"]"}]} ,\n "body":  {"mid" : "M1", "n": [ 1 , 2 ]}  }';
    expect(rawTopLevelMember(text, 'body')).toBe('{"mid" : "M1", "n": [ 1 , 2 ]}');
    expect(rawTopLevelMember(text, 'head')).toBe('{"a":"}\\"{","b":[1,{"c":"]"}]}');
  });

  it('handles primitives, escaped keys and the last duplicate (as JSON.parse does)', () => {
    expect(rawTopLevelMember('{"a":1,"b":true,"c":null,"d":-1.5e3}', 'd')).toBe('-1.5e3');
    expect(rawTopLevelMember('{"a":1,"b":true}', 'b')).toBe('true');
    expect(rawTopLevelMember('{"b\\u006fdy":"x"}', 'body')).toBe('"x"');
    expect(rawTopLevelMember('{"body":1,"body":{"x":2}}', 'body')).toBe('{"x":2}');
  });

  it('returns undefined for missing keys, non-objects and invalid JSON', () => {
    expect(rawTopLevelMember('{"a":{"body":1}}', 'body')).toBeUndefined();
    expect(rawTopLevelMember('[{"body":1}]', 'body')).toBeUndefined();
    expect(rawTopLevelMember('{"body":', 'body')).toBeUndefined();
    expect(rawTopLevelMember('', 'body')).toBeUndefined();
    expect(rawTopLevelMember('{}', 'body')).toBeUndefined();
  });
});
