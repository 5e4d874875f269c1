import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Json } from '../../protocol/index.ts';
import { cookieSessionDecoder, signCookieSession } from './cookie-session.ts';
import { loadVectors } from '../../../../test/decode-b/vector-input.ts';

const vectors = loadVectors('express').filter((v) => v.format === 'cookie-session' && v.expect.signature !== 'invalid');

describe('signCookieSession', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('re-signs %s byte for byte', async (_id, v) => {
    const signed = await signCookieSession(v.expect.payload as Json, v.cookie.name, v.secrets);
    expect(signed.value).toBe(v.cookie.value);
    expect(signed.sig).toBe(v.companionCookies?.[0]?.value ?? null);
  });
});

const jsonObject = fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ noUnicodeString: false }) as fc.Arbitrary<Json>);

describe('cookieSessionDecoder', () => {
  it('round-trips objects, names and key lists (rotation: any key verifies)', async () => {
    await fc.assert(fc.asyncProperty(jsonObject, fc.stringMatching(/^[a-z:_]{1,12}$/), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), async (obj, name, keys) => {
      const s = await signCookieSession(obj, name, keys);
      const companion = [{ name: s.sigName, value: s.sig! }];
      const result = await cookieSessionDecoder.decode({ value: s.value, name, companion, secrets: ['nope', ...keys] });
      expect(result?.payload).toEqual(JSON.parse(JSON.stringify(obj)));
      expect(result?.signature).toBe('valid');
      expect(result?.secretIndex).toBe(keys[0] === 'nope' ? 0 : 1);
      const wrong = await cookieSessionDecoder.decode({ value: s.value, name, companion, secrets: ['nope-' + keys[0]] });
      expect(wrong?.signature).toBe('invalid');
    }), { numRuns: 100 });
  });

  it('finds the cookie name from a lone .sig companion and binds the signature to it', async () => {
    const s = await signCookieSession({ a: 1 }, 'sess', ['k']);
    const companion = [{ name: 'sess.sig', value: s.sig! }];
    expect((await cookieSessionDecoder.decode({ value: s.value, companion, secrets: ['k'] }))?.signature).toBe('valid');
    // The same value under another cookie name is a different signed string.
    const moved = await cookieSessionDecoder.decode({ value: s.value, name: 'other', companion: [{ name: 'other.sig', value: s.sig! }], secrets: ['k'] });
    expect(moved?.signature).toBe('invalid');
  });

  it('treats a value without .sig as unsigned and rejects non-JSON base64', async () => {
    expect(await cookieSessionDecoder.decode({ value: 'e30=', name: 'session' })).toMatchObject({ payload: {}, signature: 'not-applicable', kind: 'cookie-session-unsigned' });
    // Plain base64 JSON under an unrelated name is left to the generic decoder.
    expect(cookieSessionDecoder.score({ value: 'e30=', name: 'prefs' })).toBe(0);
    expect(await cookieSessionDecoder.decode({ value: 'e30=', name: 'prefs' })).toBeNull();
    expect(cookieSessionDecoder.score({ value: 'aGVsbG8=' })).toBe(0);
    expect(await cookieSessionDecoder.decode({ value: 'aGVsbG8=' })).toBeNull();
  });

  it('says unverified when signed but no keys are given', async () => {
    const s = await signCookieSession({ a: 1 }, 'session', ['k']);
    const r = await cookieSessionDecoder.decode({ value: s.value, name: 'session', companion: [{ name: 'session.sig', value: s.sig! }] });
    expect(r?.signature).toBe('unverified');
  });
});
