import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { HmacSha256, sha256 } from './sha256.ts';
import { hexEncode, utf8Encode } from './bytes.ts';

describe('sha256', () => {
  it('matches the FIPS 180-2 and RFC 4231 vectors', () => {
    expect(hexEncode(sha256(utf8Encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hexEncode(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const jefe = new HmacSha256(utf8Encode('Jefe'));
    expect(hexEncode(jefe.mac(utf8Encode('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    // RFC 4231 case 6: a 131-byte key is hashed first
    const long = new HmacSha256(new Uint8Array(131).fill(0xaa));
    expect(hexEncode(long.mac(utf8Encode('Test Using Larger Than Block-Size Key - Hash Key First'))))
      .toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('agrees with @noble/hashes around every padding boundary and for any key', () => {
    for (let n = 0; n <= 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
      expect(hexEncode(sha256(data))).toBe(hexEncode(nobleSha256(data)));
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 700 }), (key, data) => {
      const mac = new HmacSha256(key);
      const expected = hexEncode(hmac(nobleSha256, key, data));
      expect(hexEncode(mac.mac(data))).toBe(expected);
      expect(hexEncode(mac.mac(data))).toBe(expected); // a keyed instance is reusable
    }), { numRuns: 500 });
  });

  it('MACs a prefix of a larger buffer and returns a fresh array each time', () => {
    const mac = new HmacSha256(utf8Encode('secret'));
    const buffer = utf8Encode('payload:1xXqv6 and trailing bytes');
    const a = mac.mac(buffer, 14);
    expect(hexEncode(a)).toBe(hexEncode(hmac(nobleSha256, utf8Encode('secret'), buffer.subarray(0, 14))));
    expect(mac.mac(buffer)).not.toBe(a);
  });
});
