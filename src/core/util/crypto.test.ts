import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digest, digestSync, hmac, hmacSync, hmacWith, type HashName } from './crypto.ts';
import { hexEncode, utf8Encode } from './bytes.ts';

const HASHES: HashName[] = ['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const subtle = globalThis.crypto.subtle;
const ab = (b: Uint8Array) => b.slice().buffer as ArrayBuffer;

async function webcryptoHmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<string> {
  const k = await subtle.importKey('raw', ab(key.length ? key : new Uint8Array(1)), { name: 'HMAC', hash }, false, ['sign']);
  return hexEncode(new Uint8Array(await subtle.sign('HMAC', k, ab(data))));
}

describe('hmac / digest (JS fast path) agree with WebCrypto', () => {
  it('matches RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe")', () => {
    expect(hexEncode(hmacSync('SHA-256', 'Jefe', 'what do ya want for nothing?')))
      .toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('agrees on random keys (empty, short, longer than a block) and data, for every hash', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...HASHES), fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 700 }),
      async (hash, key, data) => {
        const expected = await webcryptoHmac(hash, key, data);
        expect(hexEncode(hmacSync(hash, key, data))).toBe(expected);
        const bound = hmacWith(hash, key);
        expect(hexEncode(bound(data))).toBe(expected);
        expect(hexEncode(bound(data))).toBe(expected); // reusable
        const padded = new Uint8Array(data.length + 9).fill(0x5a); padded.set(data);
        expect(hexEncode(bound(padded, data.length))).toBe(expected); // a prefix of a larger buffer
        const out = new Uint8Array(expected.length / 2);
        expect(bound(data, data.length, out)).toBe(out); // into the caller's buffer
        expect(hexEncode(out)).toBe(expected);
        expect(hexEncode(await hmac(hash, key, data))).toBe(expected);
        // the cached key must give the same answer again, after another key was used in between
        hmacSync(hash, 'other', data);
        expect(hexEncode(hmacSync(hash, key, data))).toBe(expected);
        expect(hexEncode(digestSync(hash, data))).toBe(hexEncode(new Uint8Array(await subtle.digest(hash, ab(data)))));
      }), { numRuns: 300 });
  });

  it('string keys and data are UTF-8', async () => {
    const key = 'clé-🔑', data = 'données ✓';
    expect(hexEncode(await hmac('SHA-256', key, data))).toBe(await webcryptoHmac('SHA-256', utf8Encode(key), utf8Encode(data)));
  });

  it('large inputs (native path) give the same bytes as the JS path', async () => {
    const data = new Uint8Array(100_000).map((_, i) => i * 31);
    for (const hash of HASHES) {
      expect(hexEncode(await hmac(hash, '', data))).toBe(hexEncode(hmacSync(hash, '', data)));
      expect(hexEncode(await digest(hash, data))).toBe(hexEncode(digestSync(hash, data)));
    }
  });

  it('keeps answering correctly past the key cache size', () => {
    const first = hexEncode(hmacSync('SHA-256', 'k0', 'x'));
    for (let i = 0; i < 600; i++) hmacSync('SHA-256', `k${i}`, 'x');
    expect(hexEncode(hmacSync('SHA-256', 'k0', 'x'))).toBe(first);
  });
});
