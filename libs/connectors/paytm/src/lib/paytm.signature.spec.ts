import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import PaytmChecksum from 'paytmchecksum';
import { Secret } from '@prism-sessions/masking';
import { signPaytmBody, verifyPaytmSignature } from './paytm.signature';

const KEY_A = new Secret('abcdefgh12345678');
const IV = Buffer.from('@@@@&&&&####$$$$', 'latin1');
const VECTOR_B_BODY =
  '{"requestType":"Payment","mid":"probe_merchant","orderId":"order_001","websiteName":"WEBSTAGING","txnAmount":{"value":"10.00","currency":"INR"},"userInfo":{"custId":"cus_default","mobile":null,"email":null,"firstName":null,"lastName":null},"enablePaymentMode":[{"mode":"UPI","channels":["UPIPUSH","UPI"]}],"callbackUrl":"https://default-callback.com","shippingInfo":[{"trackingNo":"order_001","chargeAmount":{"value":"10.00","currency":"INR"}}]}';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const decrypt128 = (signature: string, key: string) => {
  const decipher = createDecipheriv('aes-128-cbc', Buffer.from(key), IV);
  return Buffer.concat([decipher.update(Buffer.from(signature, 'base64')), decipher.final()]).toString('latin1');
};
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@#&!';
const randomKey = (length: number) => Array.from({ length }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join('');
const randomBody = () =>
  JSON.stringify({ mid: randomKey(20), orderId: randomKey(randomInt(1, 51)), note: `₹ ${randomBytes(randomInt(0, 40)).toString('base64')} "q" \\ é`, n: randomInt(1e9) });

describe('signPaytmBody: reference vectors (spec §5.8, toolchain §5)', () => {
  it('Vector A: key abcdefgh12345678, {"mid":"M1"}, salt 00 00 00 (AAAA)', () => {
    expect(sha256('{"mid":"M1"}|AAAA')).toBe('ac3b835bdb912a3ae971df33da7a35b2ee859fca712baad749946d4d04594d34');
    const signature = signPaytmBody('{"mid":"M1"}', KEY_A, Uint8Array.of(0, 0, 0));
    expect(signature).toBe('GMxgllyFvMzHpvwmNGYg8x/4EnmibygvLyejJpPdDcf3cLlbfijbgqaVZPzBBXsnPYEGpYTsAYd7QmkV2M4xEC9rqCSk2xyvmaGWMRaafGY=');
    expect(decrypt128(signature, KEY_A.peek())).toBe('ac3b835bdb912a3ae971df33da7a35b2ee859fca712baad749946d4d04594d34AAAA');
  });

  it('Vector B: the initiateTransaction body, salt 01 02 03 (AQID)', () => {
    expect(sha256(`${VECTOR_B_BODY}|AQID`)).toBe('09ada8ae101862daff3eb50aadc6da6b2de57b768e5f964c1eb0cce3371e4b50');
    const signature = signPaytmBody(VECTOR_B_BODY, KEY_A, Uint8Array.of(1, 2, 3));
    expect(signature).toBe('MnvUehz56DRsfWys3d9HuTyK1T9IpcWhT7s8clRy3EU4k1FeKtgz5qufhXFzNf0rikErwyEABHYPSDg+9LMhnjEc+bisOL6c7K25wXgt6I8=');
    expect(signature).toHaveLength(108);
  });

  it('paytmchecksum vector: key XxYyZz0123456789, salt aB3+', () => {
    const body =
      '{"requestType":"Payment","mid":"TESTMID0000000000001","websiteName":"WEBSTAGING","orderId":"ORDER_1001","txnAmount":{"value":"1.00","currency":"INR"},"userInfo":{"custId":"CUST_001"}}';
    const expected = 'iIqSbe8ntuRmjqt2p9ZY9iPKzRwOyRYoy1k6xORWs6TaaBHVIQYw74iAI8U0fogbtzBvLpvFKBHBylaF7pMmEcvAPnYOMNZRuWFG8OyRAQs=';
    const key = new Secret('XxYyZz0123456789');
    expect(signPaytmBody(body, key, Buffer.from('aB3+', 'base64'))).toBe(expected);
    expect(PaytmChecksum.calculateChecksum(body, key.peek(), 'aB3+')).toBe(expected);
    expect(verifyPaytmSignature(body, key, expected)).toBe(true);
    expect(verifyPaytmSignature(`${body} `, key, expected)).toBe(false);
  });

  it('refuses a salt that is not exactly 3 bytes, without mentioning the key', () => {
    for (const salt of [new Uint8Array(0), Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3, 4)]) {
      expect(() => signPaytmBody('{}', KEY_A, salt)).toThrow(RangeError);
    }
    try {
      signPaytmBody('{}', KEY_A, Uint8Array.of(1));
    } catch (error) {
      expect(String(error)).not.toContain(KEY_A.peek());
    }
  });
});

describe('cross-check with Paytm’s official paytmchecksum package', () => {
  it('our signatures verify with paytmchecksum, and its signatures verify with ours (50 random bodies and keys)', async () => {
    for (let i = 0; i < 50; i++) {
      const key = randomKey(16);
      const body = randomBody();
      const ours = signPaytmBody(body, new Secret(key), randomBytes(3));
      expect(ours).toHaveLength(108);
      expect(PaytmChecksum.verifySignature(body, key, ours)).toBe(true);
      const theirs = await PaytmChecksum.generateSignature(body, key);
      expect(verifyPaytmSignature(body, new Secret(key), theirs)).toBe(true);
      expect(verifyPaytmSignature(`${body}x`, new Secret(key), theirs)).toBe(false);
    }
  });
});

describe('key-length rule', () => {
  it.each([
    ['16 bytes → AES-128', 16],
    ['24 bytes → AES-192', 24],
    ['32 bytes → AES-256', 32],
    ['short odd length → AES-256 zero-padded', 7],
    ['20 bytes → AES-256 zero-padded', 20],
    ['long odd length → AES-256 truncated', 45],
    ['1 byte', 1],
  ])('%s: round trip', (_label, length) => {
    const key = new Secret(randomKey(length));
    const body = randomBody();
    const signature = signPaytmBody(body, key, randomBytes(3));
    expect(signature).toHaveLength(108);
    expect(verifyPaytmSignature(body, key, signature)).toBe(true);
    expect(verifyPaytmSignature(body, new Secret(`${key.peek()}x`), signature)).toBe(length >= 32);
  });

  it('uses AES-192 for 24-byte keys and zero-pads other lengths to AES-256', () => {
    const decrypt = (algorithm: string, key: Buffer, signature: string) => {
      const decipher = createDecipheriv(algorithm, key, IV);
      return Buffer.concat([decipher.update(Buffer.from(signature, 'base64')), decipher.final()]).toString('latin1');
    };
    const key24 = 'abcdefghijklmnopqrstuvwx';
    const s24 = signPaytmBody('{}', new Secret(key24), Uint8Array.of(0, 0, 0));
    expect(decrypt('aes-192-cbc', Buffer.from(key24), s24)).toBe(`${sha256('{}|AAAA')}AAAA`);
    const key10 = 'short_key!';
    const s10 = signPaytmBody('{}', new Secret(key10), Uint8Array.of(0, 0, 0));
    const padded = Buffer.alloc(32);
    Buffer.from(key10).copy(padded);
    expect(decrypt('aes-256-cbc', padded, s10)).toBe(`${sha256('{}|AAAA')}AAAA`);
    const key40 = 'k'.repeat(40);
    const s40 = signPaytmBody('{}', new Secret(key40), Uint8Array.of(0, 0, 0));
    expect(decrypt('aes-256-cbc', Buffer.from('k'.repeat(32)), s40)).toBe(`${sha256('{}|AAAA')}AAAA`);
  });

  it('uses the UTF-8 bytes of the key (a 16-character non-ASCII key is not AES-128)', () => {
    const key = new Secret('ключ-ключ-ключ-1'); // 16 characters, 28 bytes
    const signature = signPaytmBody('{}', key, randomBytes(3));
    expect(verifyPaytmSignature('{}', key, signature)).toBe(true);
  });
});

describe('verifyPaytmSignature on bad input', () => {
  const body = '{"mid":"M1"}';
  const good = signPaytmBody(body, KEY_A, Uint8Array.of(9, 8, 7));

  it('accepts the genuine signature only', () => {
    expect(verifyPaytmSignature(body, KEY_A, good)).toBe(true);
    expect(verifyPaytmSignature('{"mid":"M2"}', KEY_A, good)).toBe(false);
    expect(verifyPaytmSignature(body, new Secret('abcdefgh12345679'), good)).toBe(false);
  });

  it('returns false, without throwing or logging, for tampered or malformed signatures', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const flipped = Buffer.from(good, 'base64');
      flipped[70] = (flipped[70] ?? 0) ^ 1;
      const samples = [
        flipped.toString('base64'),
        good.slice(0, -4),
        `${good}AAAA`,
        '',
        'not base64 !!',
        '====',
        'AAAA',
        Buffer.alloc(80).toString('base64'),
        good.replace(/[A-Z]/, 'z'),
      ];
      for (const signature of samples) expect(verifyPaytmSignature(body, KEY_A, signature)).toBe(false);
      expect(verifyPaytmSignature(body, KEY_A, undefined as unknown as string)).toBe(false);
      expect(verifyPaytmSignature(undefined as unknown as string, KEY_A, good)).toBe(false);
      expect(log).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it('rejects a decrypted checksum of the wrong length even when its prefix matches', () => {
    const encrypt = (plain: string) => {
      const cipher = createCipheriv('aes-128-cbc', Buffer.from(KEY_A.peek()), IV);
      return Buffer.concat([cipher.update(plain, 'latin1'), cipher.final()]).toString('base64');
    };
    const checksum = `${sha256(`${body}|AAAA`)}AAAA`;
    expect(verifyPaytmSignature(body, KEY_A, encrypt(checksum))).toBe(true);
    expect(verifyPaytmSignature(body, KEY_A, encrypt(`Z${checksum}`))).toBe(false);
    expect(verifyPaytmSignature(body, KEY_A, encrypt(checksum.slice(1)))).toBe(false);
  });
});
