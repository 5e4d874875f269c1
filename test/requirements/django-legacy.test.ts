// Issue 2 §2: "the stored session_data of the db/file backends; legacy SHA-1 signatures too". Values made by
// Django 3.2.25 with DEFAULT_HASHING_ALGORITHM='sha1' (SessionBase._legacy_encode: b64(hexHMAC ":" json)),
// given as the value itself, as a user pastes it from a db row or a session file.
import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';

// SECRET_KEY 's3cr€t-key-ünï', django.contrib.sessions.backends.db.SessionStore().encode({'old': 1})
const STOCK = 'YTljZDEyNzM1YmE3ZGEzZWQ4MGIzMDBlNmMzMWU4YTBiMmQ5MDlhZTp7Im9sZCI6MX0=';
// SECRET_KEY 'k', a project subclass `class MyStore(SessionStore)`: its salt is django.contrib.sessions.MyStore
const SUBCLASS = 'ZGY4MTFkMGE0MDc4ODA5NzA1ZWIzNTM1MTgyNzE0YjAyYjY5ZjM5NTp7ImEiOiJcdTAwZmMifQ==';

describe('legacy (pre-3.1) Django session_data as a bare value', () => {
  it('is recognised without hints and verified with the stock SessionStore salt, under rotation', async () => {
    const result = await decodeCookie({ value: STOCK, secrets: ['wrong', 's3cr€t-key-ünï'] });
    expect(result).toMatchObject({ format: 'django', kind: 'session-data', payload: { old: 1 }, signature: 'valid', secretIndex: 1, compressed: false, timestamp: null, expired: null });
  });

  it('shows the readable payload when no secret verifies, and verifies with the subclass salt given', async () => {
    expect(await decodeCookie({ value: SUBCLASS, secrets: ['k'] })).toMatchObject({ format: 'django', payload: { a: 'ü' }, signature: 'invalid' });
    expect(await decodeCookie({ value: SUBCLASS })).toMatchObject({ format: 'django', payload: { a: 'ü' }, signature: 'unverified' });
    expect(await decodeCookie({ value: SUBCLASS, secrets: ['k'], salt: 'django.contrib.sessions.MyStore' })).toMatchObject({ signature: 'valid', secretIndex: 0 });
  });

  it('leaves ordinary base64 (JSON or random bytes) to the generic decoder', async () => {
    expect((await decodeCookie({ value: Buffer.from(JSON.stringify({ user: 'bob', padding: 'x'.repeat(60) })).toString('base64') })).format).toBe('unknown');
    expect((await decodeCookie({ value: Buffer.from('f'.repeat(40) + ':{not json at all, just some text...').toString('base64') })).error).toMatch(/not JSON/);
  });
});
