import { describe, expect, it } from 'vitest';
import { decodeDjango, scoreDjango } from './decoder.ts';
import { dumpsDjango, timestampSignDjango } from './signing.ts';

const KEY = 'test-secret';

describe('django decoder', () => {
  it('verifies set_signed_cookie with the default salt (the cookie name) without hints', async () => {
    const value = await timestampSignDjango('blue', { key: 'django.http.cookies' + KEY, salt: 'theme', timestamp: 1700000000 });
    expect(await decodeDjango({ value, name: 'theme', secrets: [KEY], now: 1700000000 })).toMatchObject({
      kind: 'set_signed_cookie', payload: 'blue', signature: 'valid', matched: { salt: 'theme', keyPrefix: 'django.http.cookies' },
    });
  });

  it('accepts the set_signed_cookie salt argument alone, combining it with the name', async () => {
    const value = await timestampSignDjango('1', { key: 'django.http.cookies' + KEY, salt: 'rememberremember-me', timestamp: 1700000000 });
    expect(await decodeDjango({ value, name: 'remember', secrets: [KEY], salt: 'remember-me', maxAge: 10, now: 1700000011 })).toMatchObject({
      signature: 'valid', expired: true, expiresAt: 1700000010,
    });
  });

  it('recognises messages by shape when unverified, and a session key by its charset', async () => {
    const value = await dumpsDjango([['__json_message', 0, 20, 'Saved']], { key: 'django.http.cookies' + KEY, salt: 'django.contrib.messages', compress: true, timestamp: 1700000000 });
    expect(await decodeDjango({ value })).toMatchObject({ kind: 'messages-cookie', signature: 'unverified', payload: [['__json_message', 0, 20, 'Saved']] });
    expect(await decodeDjango({ value: 'nxdncxm57bni9d7lzx2gbefprulx085c', name: 'sessionid' })).toMatchObject({
      kind: 'session-key', signature: 'not-applicable', payload: 'nxdncxm57bni9d7lzx2gbefprulx085c',
    });
    expect(scoreDjango({ value: 'nxdncxm57bni9d7lzx2gbefprulx085c', name: 'sessionid' })).toBeGreaterThan(scoreDjango({ value: 'nxdncxm57bni9d7lzx2gbefprulx085c' }));
  });

  it('decodes legacy session_data from a server record and expires stored data by its record', async () => {
    const legacy = await decodeDjango({ value: 'k'.repeat(32), secrets: ['test-secret'], serverRecord: { sessionData: 'ZGMzZTUxNzFlMGQ4NDAxNDJkOWI5NWU0MjcxMmU5MjEwN2ZiMWRmNDp7ImEiOjF9' } });
    expect(legacy).toMatchObject({ kind: 'db-session', payload: { a: 1 }, signature: 'valid', timestamp: null });
    const data = await dumpsDjango({ a: 1 }, { key: KEY, salt: 'django.contrib.sessions.SessionStore', compress: true, timestamp: 1700000000 });
    const db = await decodeDjango({ value: 'k'.repeat(32), secrets: [KEY], now: 1700000100, serverRecord: { store: 'sqlite', sessionData: data, expireDate: '2023-11-14 22:14:20.000000' } });
    expect(db).toMatchObject({ signature: 'valid', expired: true, expiresAt: 1700000060 });
    const file = await decodeDjango({ value: 'k'.repeat(32), secrets: [KEY], now: 1700000100, serverRecord: { content: data + '\n', mtime: 1700000000 } });
    expect(file).toMatchObject({ kind: 'file-session', payload: { a: 1 }, signature: 'valid', expired: false, expiresAt: 1700000000 + 1209600 });
    const bare = await decodeDjango({ value: data, secrets: [KEY], now: 1700000000 + 1209601 });
    expect(bare).toMatchObject({ kind: 'session-data', signature: 'valid', expired: true });
  });

  it('rejects values that are not Django-shaped', async () => {
    for (const value of ['', 'abc', 'a:b', 'x'.repeat(40), 'a.b.c']) expect(await decodeDjango({ value })).toBeNull();
  });
});

describe('django hints', () => {
  it('a kind given as purpose or format narrows the salts tried', async () => {
    const value = await dumpsDjango({ a: 1 }, { key: KEY, salt: 'django.contrib.sessions.SessionStore', compress: true, timestamp: 1700000000 });
    expect(await decodeDjango({ value, secrets: [KEY], format: 'db-session' })).toMatchObject({ kind: 'session-data', signature: 'valid' });
    expect(await decodeDjango({ value, secrets: [KEY], purpose: 'messages-cookie' })).toMatchObject({ kind: 'messages-cookie', signature: 'invalid' });
    expect(await decodeDjango({ value, secrets: [KEY], format: 'django-session' })).toMatchObject({ signature: 'valid' });
  });
});
