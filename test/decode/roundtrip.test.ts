// Property tests: whatever Django / Flask encoders produce, the decoders read back and verify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { dumpsDjango, loadsDjango, signDjango, timestampSignDjango, verifyDjango } from '../../src/core/decode/django/signing.ts';
import { encodeFlaskSession } from '../../src/core/decode/flask/itsdangerous.ts';
import type { Json } from '../../src/core/protocol/index.ts';

const secret = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
const salt = fc.string({ maxLength: 30, unit: 'grapheme' });
const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
const object = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 12 }), json, { maxKeys: 6 }) as fc.Arbitrary<Json>;
const timestamp = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });
const RUNS = { numRuns: 150 };

describe('Django round trips', () => {
  it('dumps → loads returns the value, timestamp and key index', async () => {
    await fc.assert(fc.asyncProperty(json, secret, salt, timestamp, fc.boolean(), async (value, key, s, ts, compress) => {
      const text = await dumpsDjango(value, { key, salt: s, compress, timestamp: ts });
      const back = await loadsDjango(text, { keys: ['other-' + key, key], salt: s });
      expect(back).toMatchObject({ ok: true, value, timestamp: ts, keyIndex: 1 });
    }), RUNS);
  });

  it('Signer/TimestampSigner values (even with ":" inside) verify and split back', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), secret, salt, timestamp, async (value, key, s, ts) => {
      const plain = await verifyDjango(await signDjango(value, { key, salt: s }), { keys: [key], salt: s, timestamped: false });
      expect(plain).toMatchObject({ value, valid: true });
      const timed = await verifyDjango(await timestampSignDjango(value, { key, salt: s, timestamp: ts }), { keys: [key], salt: s, timestamped: true });
      expect(timed).toMatchObject({ value, timestamp: ts, valid: true });
    }), RUNS);
  });

  it('signed_cookies sessions decode through the dispatcher without hints', async () => {
    await fc.assert(fc.asyncProperty(object, secret, timestamp, async (session, key, ts) => {
      const value = await dumpsDjango(session, { key, salt: 'django.contrib.sessions.backends.signed_cookies', compress: true, timestamp: ts });
      const result = await decodeCookie({ value, name: 'sessionid', secrets: [key], now: ts + 10 });
      expect(result).toMatchObject({ format: 'django', kind: 'signed_cookies-session', payload: session, signature: 'valid', timestamp: ts, expired: false });
    }), RUNS);
  });
});

describe('Flask round trips', () => {
  it('encodeFlaskSession → decodeCookie verifies and returns the session', async () => {
    await fc.assert(fc.asyncProperty(object, secret, timestamp, async (session, key, ts) => {
      const value = await encodeFlaskSession(session, { secretKey: key, timestamp: ts });
      const result = await decodeCookie({ value, name: 'session', secrets: [key], now: ts });
      expect(result).toMatchObject({ format: 'flask', payload: session, signature: 'valid', timestamp: ts, expired: false, secretIndex: 0 });
      const wrong = await decodeCookie({ value, name: 'session', secrets: [key + 'x'], now: ts });
      expect(wrong).toMatchObject({ format: 'flask', payload: session, signature: 'invalid', expired: null });
    }), RUNS);
  });

  it('non-default digests and salts verify when given', async () => {
    await fc.assert(fc.asyncProperty(object, secret, fc.constantFrom('sha256', 'sha512') as fc.Arbitrary<'sha256' | 'sha512'>, salt, async (session, key, digest, s) => {
      const value = await encodeFlaskSession(session, { secretKey: key, timestamp: 1700000000, digest, salt: s });
      const result = await decodeCookie({ value, secrets: [key], salt: s, now: 1700000000, format: 'flask' });
      expect(result).toMatchObject({ format: 'flask', signature: 'valid', matched: { digest, salt: s } });
    }), { numRuns: 40 });
  });
});
