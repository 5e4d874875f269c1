import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Json } from '../../protocol/index.ts';
import { railsDecoder } from './rails.ts';
import { encryptRailsCookie, encryptRailsCookieCbc, signRailsCookie } from './rails-encode.ts';
import { loadVectors } from '../../../../test/decode-b/vector-input.ts';

const SKB = 'a'.repeat(64) + 'secret-key-base';
const signedVectors = loadVectors('rails').filter((v) => v.options.kind === 'signed-cookie' && v.expect.signature === 'valid');

describe('signRailsCookie', () => {
  it.each(signedVectors.map((v) => [v.id, v] as const))('re-signs %s byte for byte', async (_id, v) => {
    const env = v.expect.envelope as { exp: string | null };
    expect(await signRailsCookie(v.expect.payload as Json, v.secrets[0], { name: v.cookie.name, expires: env.exp })).toBe(v.cookie.value);
  });
});

describe('railsDecoder round trips', () => {
  const writers = { gcm: encryptRailsCookie, cbc: encryptRailsCookieCbc, signed: signRailsCookie };
  it.each(Object.entries(writers))('%s: any JSON value, both key-generator hashes, rotation', async (_kind, write) => {
    await fc.assert(fc.asyncProperty(fc.jsonValue() as fc.Arbitrary<Json>, fc.constantFrom('SHA-1', 'SHA-256' as const), async (value, keyHash) => {
      const cookie = await write(value, SKB, { name: 'prefs', keyHash: keyHash as 'SHA-1' | 'SHA-256' });
      const r = await railsDecoder.decode({ value: cookie, name: 'prefs', secrets: ['wrong', SKB], now: 1 });
      expect(r).toMatchObject({ signature: 'valid', secretIndex: 1, expired: false, envelope: { exp: null, pur: 'cookie.prefs' } });
      expect(r?.payload).toEqual(JSON.parse(JSON.stringify(value)));
      expect(r?.matched?.keyDerivation).toBe(keyHash === 'SHA-1' ? 'PBKDF2-HMAC-SHA1' : 'PBKDF2-HMAC-SHA256');
    }), { numRuns: 25 });
  });
});

describe('railsDecoder rules', () => {
  it('rejects a value moved to another cookie name (purpose)', async () => {
    const cookie = await encryptRailsCookie({ a: 1 }, SKB, { name: 'a' });
    const r = await railsDecoder.decode({ value: cookie, name: 'b', secrets: [SKB] });
    expect(r?.signature).toBe('invalid');
    expect(r?.reasons.join(' ')).toMatch(/purpose cookie\.a does not match cookie\.b/);
  });

  it('judges _rails.exp at now with millisecond precision', async () => {
    const cookie = await signRailsCookie('x', SKB, { name: 't', expires: '2020-09-13T12:26:40.500Z' });
    const at = (now: number) => railsDecoder.decode({ value: cookie, name: 't', secrets: [SKB], now });
    expect(await at(1600000000)).toMatchObject({ expired: false, expiresAt: 1600000000 });
    expect(await at(1600000001)).toMatchObject({ expired: true });
  });

  it('shows signed data without a key but never encrypted data', async () => {
    const signed = await signRailsCookie({ u: 1 }, SKB, { name: 's' });
    expect(await railsDecoder.decode({ value: signed, name: 's' })).toMatchObject({ payload: { u: 1 }, signature: 'unverified' });
    const sealed = await encryptRailsCookie({ u: 1 }, SKB, { name: 's' });
    expect(await railsDecoder.decode({ value: sealed, name: 's' })).toMatchObject({ payload: null, signature: 'unverified', kind: 'encrypted-cookie' });
  });

  it('reads an unescaped paste as well as the Rack-escaped cookie', async () => {
    const cookie = await signRailsCookie({ note: '+/+/ ü' }, SKB, { name: 'n' });
    expect(cookie).toMatch(/%2B|%2F|%3D/);
    const raw = decodeURIComponent(cookie);
    expect((await railsDecoder.decode({ value: raw, name: 'n', secrets: [SKB] }))?.signature).toBe('valid');
  });

  it('refuses shapes that are not Rails and explains when hinted', async () => {
    expect(railsDecoder.score({ value: 'abc--def' })).toBe(0);
    expect((await railsDecoder.decode({ value: 'abc--def', format: 'rails' }))?.error).toMatch(/not a Rails cookie/);
  });
});
