import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expressSessionCookieValue, expressSessionDecoder, signExpressSession } from './express-session.ts';
import { loadVectors } from '../../../../test/decode-b/vector-input.ts';

const valid = loadVectors('express').filter((v) => v.format === 'express-session' && v.expect.signature === 'valid');

describe('signExpressSession', () => {
  it.each(valid.map((v) => [v.id, v] as const))('re-signs %s byte for byte', async (_id, v) => {
    expect(await expressSessionCookieValue(v.expect.payload as string, v.secrets[0])).toBe(v.cookie.value);
  });

  it('strips the base64 padding like cookie-signature', async () => {
    expect(await signExpressSession('abc', 'keyboard cat')).toMatch(/^s:abc\.[A-Za-z0-9+/]{43}$/);
  });
});

describe('expressSessionDecoder', () => {
  it('round-trips any id and secret, and reports the secret that verified', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'grapheme' }), async (id, secret) => {
      const value = await expressSessionCookieValue(id, secret);
      const result = await expressSessionDecoder.decode({ value, secrets: ['other', secret] });
      expect(result).toMatchObject({ payload: id, signature: 'valid', secretIndex: secret === 'other' ? 0 : 1 });
      const wrong = await expressSessionDecoder.decode({ value, secrets: [`${secret}x`] });
      expect(wrong?.signature).toBe('invalid');
    }), { numRuns: 150 });
  });

  it('accepts the raw (not URI-encoded) value and reports unverified without secrets', async () => {
    const raw = await signExpressSession('sid-1', 's3cret');
    expect(await expressSessionDecoder.decode({ value: raw })).toMatchObject({ payload: 'sid-1', signature: 'unverified', expired: null });
  });

  it('ignores values without the s: prefix unless hinted, then explains', async () => {
    expect(expressSessionDecoder.score({ value: 'abc.def' })).toBe(0);
    expect(await expressSessionDecoder.decode({ value: 'abc.def' })).toBeNull();
    const hinted = await expressSessionDecoder.decode({ value: 'abc.def', format: 'express-session' });
    expect(hinted?.error).toMatch(/start with "s:"/);
  });

  it('reports a missing signature separator as an error', async () => {
    expect((await expressSessionDecoder.decode({ value: 's%3Anodot' }))?.error).toMatch(/no "\."/);
  });
});
