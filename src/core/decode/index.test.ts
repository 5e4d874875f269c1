import { describe, expect, it } from 'vitest';
import { decodeCookie } from './index.ts';
import { decoders } from './registry.ts';
import { encodeFlaskSession } from './flask/itsdangerous.ts';
import { dumpsDjango } from './django/signing.ts';

describe('decodeCookie dispatcher', () => {
  it('detects the format from the value alone and says why', async () => {
    const flask = await encodeFlaskSession({ a: 1 }, { secretKey: 'k', timestamp: 1700000000 });
    const result = await decodeCookie({ value: flask });
    expect(result).toMatchObject({ format: 'flask', payload: { a: 1 }, signature: 'unverified', timestamp: 1700000000 });
    expect(result.reasons[0]).toMatch(/payload\.timestamp\.signature/);
  });

  it('reports which rotated secret verified', async () => {
    const value = await dumpsDjango({ a: 1 }, { key: 'new', salt: 'django.contrib.sessions.backends.signed_cookies', timestamp: 1700000000 });
    const result = await decodeCookie({ value, name: 'sessionid', secrets: ['old', 'new'], now: 1700000000 });
    expect(result).toMatchObject({ format: 'django', signature: 'valid', secretIndex: 1 });
  });

  it('a format hint restricts detection; an unknown hint is ignored; "unknown" forces the generic decoder', async () => {
    const flask = await encodeFlaskSession({ a: 1 }, { secretKey: 'k', timestamp: 1700000000 });
    const asDjango = await decodeCookie({ value: flask, format: 'django' });
    expect(asDjango.format).toBe('unknown');
    expect(asDjango.reasons[0]).toBe('the value does not look like django');
    expect((await decodeCookie({ value: flask, format: 'no-such-format' })).format).toBe('flask');
    expect((await decodeCookie({ value: flask, format: 'unknown' })).format).toBe('unknown');
  });

  it('turns a decoder exception into an error result instead of throwing', async () => {
    const exploding = { format: 'jwt' as const, hints: ['explode'], score: () => 100, decode: async () => { throw new Error('boom'); } };
    decoders.unshift(exploding);
    try {
      const result = await decodeCookie({ value: 'anything', format: 'explode' });
      expect(result).toMatchObject({ format: 'jwt', payload: null, signature: 'unverified', error: 'jwt decoder failed: boom' });
    } finally {
      decoders.splice(decoders.indexOf(exploding), 1);
    }
  });
});
