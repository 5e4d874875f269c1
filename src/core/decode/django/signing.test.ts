import { describe, expect, it } from 'vitest';
import { b62Decode, b62Encode, decodeSessionData, dumpsDjango, encodeSessionData, loadsDjango, signDjango, timestampSignDjango, verifyDjango, verifyDjangoSync } from './signing.ts';

const KEY = 'test-secret';

describe('django signing', () => {
  it('encodes base62 timestamps like Django', () => {
    expect(b62Encode(1700000000)).toBe('1r31eq');
    expect(b62Encode(1600000000)).toBe('1kHR5c');
    expect(b62Encode(0)).toBe('0');
    expect(b62Decode('1r31eq')).toBe(1700000000);
    expect(b62Decode('-1')).toBe(-1);
    expect(b62Decode('1r3!eq')).toBeNull();
    expect(b62Decode('')).toBeNull();
  });

  it('verifies values past the JS HMAC limit through WebCrypto; verifyDjangoSync declines only those', async () => {
    const big = 'v'.repeat(40_000);
    const signed = await signDjango(big, { key: KEY, salt: 's' });
    const opts = { keys: ['old', KEY], salt: 's', timestamped: false };
    expect(verifyDjangoSync(signed, opts)).toBeNull();
    expect(await verifyDjango(signed, opts)).toMatchObject({ valid: true, keyIndex: 1, value: big });
    const small = await signDjango('small', { key: KEY, salt: 's' });
    expect(verifyDjangoSync(small, opts)).toEqual(await verifyDjango(small, opts));
    expect(verifyDjangoSync(small, opts)).toMatchObject({ valid: true, keyIndex: 1, value: 'small' });
    expect(verifyDjangoSync(small, { ...opts, keys: ['nope'] })).toMatchObject({ valid: false, keyIndex: null, value: 'small' });
    expect(verifyDjangoSync('no separator', opts)).toBe('no ":" found in value');
  });

  it('reproduces the session_data vectors of django-sessions.md §16', async () => {
    const opts = { secretKey: KEY, timestamp: 1700000000 };
    expect(await encodeSessionData({ a: 1 }, opts)).toBe('eyJhIjoxfQ:1r31eq:VDoz3q_CPuIfX082QS3lXvNvB9Hqf_apspxKtUHkO_o');
    expect(await encodeSessionData({ big: 'x'.repeat(300) }, opts)).toBe('.eJyrVkrKTFeyUqoYBUQDpVoAjt6PjQ:1r31eq:y6PfXBKpDNukMZbx0v7yQjq7CeY0ZrRdclIYsWUtZ7Q');
    expect(await encodeSessionData({ a: 1 }, { ...opts, keySalt: 'django.contrib.sessions.backends.signed_cookies' }))
      .toBe('eyJhIjoxfQ:1r31eq:iCFMieJzS01KQNns4a8gjxT8tMaHh02HzPpLn4Jgeh4');
  });

  it('decodes current and legacy session_data, and rejects a wrong secret', async () => {
    const current = await decodeSessionData('.eJyrVkrKTFeyUqoYBUQDpVoAjt6PjQ:1r31eq:y6PfXBKpDNukMZbx0v7yQjq7CeY0ZrRdclIYsWUtZ7Q', { secretKeys: ['old', KEY] });
    expect(current).toMatchObject({ ok: true, value: { big: 'x'.repeat(300) }, compressed: true, keyIndex: 1, legacy: false, timestamp: 1700000000 });
    const legacy = await decodeSessionData('ZGMzZTUxNzFlMGQ4NDAxNDJkOWI5NWU0MjcxMmU5MjEwN2ZiMWRmNDp7ImEiOjF9', { secretKeys: [KEY] });
    expect(legacy).toMatchObject({ ok: true, value: { a: 1 }, legacy: true, timestamp: null });
    const wrong = await decodeSessionData('eyJhIjoxfQ:1r31eq:VDoz3q_CPuIfX082QS3lXvNvB9Hqf_apspxKtUHkO_o', { secretKeys: ['nope'] });
    expect(wrong).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('signs and verifies with Signer and TimestampSigner, including values that contain the separator', async () => {
    const signed = await timestampSignDjango('user:42', { key: KEY, salt: 'password-reset', timestamp: 1700000000 });
    expect(signed.startsWith('user:42:1r31eq:')).toBe(true);
    const checked = await verifyDjango(signed, { keys: [KEY], salt: 'password-reset', timestamped: true });
    expect(checked).toMatchObject({ value: 'user:42', timestamp: 1700000000, valid: true, keyIndex: 0, algorithm: 'sha256' });
    const plain = await signDjango('hello', { key: KEY });
    expect(await verifyDjango(plain, { keys: [KEY], salt: 'django.core.signing.Signer', timestamped: false })).toMatchObject({ valid: true });
    expect(await verifyDjango('no-separator', { keys: [KEY], salt: 's', timestamped: false })).toMatch(/no ":" found/);
    await expect(signDjango('x', { key: KEY, sep: 'a' })).rejects.toThrow(/Unsafe Signer separator/);
  });

  it('accepts legacy SHA-1 signatures', async () => {
    const sha1 = await signDjango('hello', { key: KEY, salt: 's', algorithm: 'sha1' });
    expect(sha1.split(':')[1]).toHaveLength(27);
    expect(await verifyDjango(sha1, { keys: [KEY], salt: 's', timestamped: false })).toMatchObject({ valid: true, algorithm: 'sha1' });
  });

  it('round-trips dumps/loads and reports expiry, tampering and garbage', async () => {
    const text = await dumpsDjango({ n: [1, 2.5, 'é'] }, { key: KEY, salt: 'x', compress: true, timestamp: 1700000000 });
    expect(await loadsDjango(text, { keys: [KEY], salt: 'x' })).toEqual({ ok: true, value: { n: [1, 2.5, 'é'] }, timestamp: 1700000000, compressed: false, keyIndex: 0 });
    expect(await loadsDjango(text, { keys: [KEY], salt: 'x', maxAge: 10, now: 1700000011 })).toMatchObject({ ok: false, reason: 'expired' });
    expect(await loadsDjango(text, { keys: [KEY], salt: 'y' })).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await loadsDjango('garbage', { keys: [KEY] })).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('treats an empty salt like Django: the class path of the signer', async () => {
    expect(await signDjango('v', { key: KEY, salt: '' })).toBe(await signDjango('v', { key: KEY, salt: 'django.core.signing.Signer' }));
    const ts = await timestampSignDjango('v', { key: KEY, salt: '', timestamp: 1700000000 });
    expect(ts).toBe(await timestampSignDjango('v', { key: KEY, salt: 'django.core.signing.TimestampSigner', timestamp: 1700000000 }));
    expect(await verifyDjango(ts, { keys: [KEY], salt: '', timestamped: true })).toMatchObject({ valid: true });
  });
});
