import { describe, expect, it } from 'vitest';
import { dumpsSession, loadsSigned, SIGNED_COOKIES_SALT } from './codec.ts';
import { makeTestContext } from './testing.ts';
import { keyIdentity, type PyDict, type PyValue } from '../py/value.ts';

const data = (): PyDict => new Map<string, PyValue>([['n', 1], ['cart', ['apple', 'pear']]]);

describe('loadsSigned on a value it has verified before', () => {
  it('hands out independent deep copies with the same content and key identities', async () => {
    const ctx = makeTestContext('signed_cookies');
    const text = await dumpsSession(ctx, data(), SIGNED_COOKIES_SALT);
    const a = await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, null);
    const b = await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, null);
    if (!a.ok || !b.ok) throw new Error('not verified');
    expect(b).toEqual(a);
    const [da, db] = [a.value as PyDict, b.value as PyDict];
    expect(keyIdentity(db, 'n')).toBe(keyIdentity(da, 'n'));
    da.set('n', 2);
    (da.get('cart') as string[]).push('plum');
    const c = await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, null);
    expect(c.ok && [...(c.value as PyDict)]).toEqual([['n', 1], ['cart', ['apple', 'pear']]]);
    expect(db.get('cart')).toEqual(['apple', 'pear']);
  });

  it('still checks the age, the secret key and the salt every time', async () => {
    const ctx = makeTestContext('signed_cookies');
    const text = await dumpsSession(ctx, data(), SIGNED_COOKIES_SALT);
    expect((await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, 60)).ok).toBe(true);
    ctx.clock.shift(61);
    expect(await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, 60)).toEqual({ ok: false, error: 'SignatureExpired' });
    expect((await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, null)).ok).toBe(true);
    expect(await loadsSigned(ctx, text, 'another.salt', null)).toEqual({ ok: false, error: 'BadSignature' });
    ctx.settings.SECRET_KEY = 'rotated-' + ctx.settings.SECRET_KEY;
    expect(await loadsSigned(ctx, text, SIGNED_COOKIES_SALT, null)).toEqual({ ok: false, error: 'BadSignature' });
  });
});
