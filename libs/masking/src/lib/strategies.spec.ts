import * as util from 'node:util';
import { DEFAULT_MASK, Secret } from './secret';
import { maskEmail, maskPan, maskPhone, maskUpiVpa, withType } from './strategies';

/** Runtime values that a typed caller cannot pass but an untyped one (or a bad cast) can. */
const nonStrings: readonly unknown[] = [undefined, null, 42, 4242424242424242n, {}, ['a@b.co'], new Secret('a@b.co')];

describe('maskEmail', () => {
  it.each([
    ['john.doe@example.com', 'j***@example.com'],
    ['john@example.com', 'j***@example.com'],
    ['Ab12@sub.example.co.in', 'A***@sub.example.co.in'],
    ['joe@example.com', '***@example.com'], // 3-char local part: no character revealed
    ['jo@example.com', '***@example.com'],
    ['j@example.com', '***@example.com'],
    ['"a@b"@example.com', '"***@example.com'], // quoted local part with @: split on the last one
    ['user@localhost', 'u***@localhost'],
    ['ÄÖÜß@example.de', 'Ä***@example.de'],
    ['😀😀😀😀@example.com', '😀***@example.com'], // never half a surrogate pair
  ])('%s -> %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it.each([
    [''],
    ['@'],
    ['not-an-email'],
    ['@example.com'],
    ['john@'],
    ['john doe@example.com'],
    ['john@exa mple.com'],
    [' john@example.com'],
    ['john@example.com\n'],
  ])('%j is fully masked', (input) => {
    expect(maskEmail(input)).toBe(DEFAULT_MASK);
  });

  it('never reveals more than one character of the local part, nor its length', () => {
    const masked = maskEmail('verylongsecretlocalpart@example.com');
    expect(masked).toBe('v***@example.com');
    expect(masked).not.toContain('erylong');
    expect(maskEmail('abcd@x.io').length).toBe(maskEmail('abcdefghij@x.io').length);
  });

  it.each(nonStrings)('non-string %p is fully masked', (input) => {
    expect(maskEmail(input as string)).toBe(DEFAULT_MASK);
  });

  it('works as a Secret strategy on every output path', () => {
    const email = new Secret('john.doe@example.com', maskEmail);
    expect(`${email}`).toBe('j***@example.com');
    expect(JSON.stringify({ email })).toBe('{"email":"j***@example.com"}');
    expect(util.inspect({ email })).toBe('{ email: j***@example.com }');
  });
});

describe('maskPhone', () => {
  it.each([
    ['9876543210', '******3210'],
    ['+91 98765 43210', '******3210'],
    ['+1 (415) 555-2671', '******2671'],
    ['415.555.2671', '******2671'],
    ['5552671', '******2671'], // 7 digits: the minimum
    ['+123456789012345', '******2345'], // 15 digits: E.164 maximum
  ])('%s -> %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it.each([
    [''],
    ['1234'], // the last 4 would be the whole number
    ['123456'],
    ['4242424242424242'], // 16 digits: not a phone number (maybe a card), reveal nothing
    ['call me'],
    ['98765x43210'],
    ['9876543210 ext 5'],
    ['++919876543210'],
    ['   '],
    ['+'],
  ])('%j is fully masked', (input) => {
    expect(maskPhone(input)).toBe(DEFAULT_MASK);
  });

  it('hides country code and length', () => {
    expect(maskPhone('+91 98765 43210')).toBe(maskPhone('98765 43210'));
    expect(maskPhone('+919876543210')).not.toContain('91');
  });

  it.each(nonStrings)('non-string %p is fully masked', (input) => {
    expect(maskPhone(input as string)).toBe(DEFAULT_MASK);
  });
});

describe('maskUpiVpa', () => {
  it.each([
    ['9876543210@paytm', '***@paytm'],
    ['ramesh.k@okhdfcbank', '***@okhdfcbank'],
    ['a@ybl', '***@ybl'],
    ['first_last-1@axl', '***@axl'],
    ['MERCHANT.SHOP@PTYS', '***@PTYS'],
    ['user@pthdfc2', '***@pthdfc2'],
  ])('%s -> %s', (input, expected) => {
    expect(maskUpiVpa(input)).toBe(expected);
  });

  it.each([
    [''],
    ['@paytm'],
    ['9876543210@'],
    ['9876543210'],
    ['john@example.com'], // an email is not a VPA: reveal nothing
    ['a@b@paytm'],
    ['name with space@paytm'],
    ['name@p'], // PSP handle too short
    ['name@1paytm'],
    ['name@pay tm'],
    [`${'a'.repeat(257)}@paytm`],
  ])('%j is fully masked', (input) => {
    expect(maskUpiVpa(input)).toBe(DEFAULT_MASK);
  });

  it('never reveals any character of the handle, nor its length', () => {
    expect(maskUpiVpa('a@paytm')).toBe(maskUpiVpa('9876543210@paytm'));
  });

  it.each(nonStrings)('non-string %p is fully masked', (input) => {
    expect(maskUpiVpa(input as string)).toBe(DEFAULT_MASK);
  });
});

describe('maskPan', () => {
  it.each([
    ['4242424242424242', '424242******4242'],
    ['4242 4242 4242 4242', '424242******4242'],
    ['4242-4242-4242-4242', '424242******4242'],
    ['4222222222222', '422222***2222'], // 13 digits
    ['378282246310005', '378282*****0005'], // 15 digits (Amex)
    ['6200000000000000005', '620000*********0005'], // 19 digits
  ])('%s -> %s', (input, expected) => {
    expect(maskPan(input)).toBe(expected);
  });

  it.each([
    [''],
    ['4242'],
    ['424242424242'], // 12 digits
    ['42424242424242424242'], // 20 digits
    ['4242 4242 4242 424x'],
    ['4242424242424242 '],
    [' 4242424242424242'],
    ['4242.4242.4242.4242'],
    ['card 4242424242424242'],
    ['-4242424242424242'],
  ])('%j is fully masked', (input) => {
    expect(maskPan(input)).toBe(DEFAULT_MASK);
  });

  it('reveals at most the first 6 and last 4 digits', () => {
    const masked = maskPan('4000123456789010');
    expect(masked.replace(/\*/g, '')).toBe('4000129010');
    expect(masked).not.toContain('345678');
  });

  it.each(nonStrings)('non-string %p is fully masked', (input) => {
    expect(maskPan(input as string)).toBe(DEFAULT_MASK);
  });
});

describe('withType', () => {
  it.each([
    ['alloc::string::String', '*** alloc::string::String ***'],
    ['ApiKey', '*** ApiKey ***'],
    ['', '***  ***'],
  ])('withType(%j) renders %j', (typeName, expected) => {
    expect(withType(typeName)('CANARY_s3cr3t_4242')).toBe(expected);
  });

  it('renders the same whatever the value', () => {
    const strategy = withType<unknown>('Payload');
    expect(new Set([strategy(''), strategy(undefined), strategy({ a: 1 }), strategy('x'.repeat(100))])).toEqual(
      new Set(['*** Payload ***']),
    );
  });

  it('works as a Secret strategy', () => {
    const key = new Secret('CANARY_s3cr3t_4242', withType('ApiKey'));
    expect(String(key)).toBe('*** ApiKey ***');
    expect(JSON.stringify({ key })).toBe('{"key":"*** ApiKey ***"}');
    expect(util.inspect(key, { showHidden: true, depth: null })).toBe('*** ApiKey ***');
  });
});
