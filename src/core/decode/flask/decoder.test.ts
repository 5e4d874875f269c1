import { describe, expect, it } from 'vitest';
import { decodeFlask } from './decoder.ts';
import { decodeFlaskTimestamp, encodeFlaskSession, encodeFlaskTimestamp } from './itsdangerous.ts';

describe('flask decoder', () => {
  it('encodes timestamps as minimal big-endian b64url', () => {
    expect(encodeFlaskTimestamp(1600000000)).toBe('X14QAA');
    expect(decodeFlaskTimestamp('X14QAA')).toBe(1600000000);
    expect(decodeFlaskTimestamp('!!')).toBeNull();
  });

  it('judges expiry with PERMANENT_SESSION_LIFETIME, a given max age, and rejects future timestamps', async () => {
    const value = await encodeFlaskSession({ a: 1 }, { secretKey: 'k', timestamp: 1700000000 });
    expect(await decodeFlask({ value, secrets: ['k'], now: 1700000000 + 2678400 })).toMatchObject({ expired: false, expiresAt: 1702678400 });
    expect(await decodeFlask({ value, secrets: ['k'], now: 1700000000 + 2678401 })).toMatchObject({ expired: true });
    expect(await decodeFlask({ value, secrets: ['k'], now: 1700000100, maxAge: 60 })).toMatchObject({ expired: true });
    const future = await decodeFlask({ value, secrets: ['k'], now: 1699999000 });
    expect(future?.expired).toBe(true);
    expect(future?.reasons.join(' ')).toMatch(/future/);
  });

  it('finds itsdangerous defaults (salt "itsdangerous", django-concat) without hints', async () => {
    const value = await encodeFlaskSession({ a: 1 }, { secretKey: 'k', timestamp: 1700000000, salt: 'itsdangerous', keyDerivation: 'django-concat' });
    expect(await decodeFlask({ value, secrets: ['k'], now: 1700000000 })).toMatchObject({
      signature: 'valid', matched: { salt: 'itsdangerous', keyDerivation: 'django-concat', digest: 'sha1' },
    });
  });

  it('keeps a readable payload and the error when the payload is corrupt', async () => {
    const notJson = await decodeFlask({ value: `.eJzzSM3JyVcozy_KSQEAGKsEPQ.ZV0x8A.${'A'.repeat(27)}` }); // zlib("Hello world")
    expect(notJson).toMatchObject({ format: 'flask', payload: null, compressed: true, error: expect.stringMatching(/not JSON/) });
    const badZlib = await decodeFlask({ value: `.eJzzSM3JyVcozy_KSQEAGKtEPQ.ZV0x8A.${'A'.repeat(27)}` });
    expect(badZlib).toMatchObject({ payload: null, error: expect.stringMatching(/zlib/) });
  });
});
