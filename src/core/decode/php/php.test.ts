import { describe, expect, it } from 'vitest';
import { phpDecoder } from './php.ts';

describe('phpDecoder', () => {
  it('shows a bare PHPSESSID as its id: unsigned, the data is server-side', async () => {
    const r = await phpDecoder.decode({ value: 'dtrirtbe5epra9bg8ntel8oeib', name: 'PHPSESSID' });
    expect(r).toMatchObject({ format: 'php', kind: 'php-session-id', payload: 'dtrirtbe5epra9bg8ntel8oeib', signature: 'not-applicable', expired: null });
    expect(r?.parts?.sessionFile).toBe('sess_dtrirtbe5epra9bg8ntel8oeib');
  });

  it('decodes the session file given as serverRecord text or base64', async () => {
    const base = { value: 'dtrirtbe5epra9bg8ntel8oeib', name: 'PHPSESSID' };
    expect((await phpDecoder.decode({ ...base, serverRecord: { content: 'a|i:1;' } }))?.payload).toEqual({ a: 1 });
    expect((await phpDecoder.decode({ ...base, serverRecord: { contentBase64: 'YXxpOjE7' } }))?.payload).toEqual({ a: 1 });
    const bad = await phpDecoder.decode({ ...base, serverRecord: { content: 'not session data' } });
    expect(bad).toMatchObject({ payload: null, error: expect.stringMatching(/^session file: /) });
  });

  it('decodes a value that is session data itself', async () => {
    expect(await phpDecoder.decode({ value: 'user|s:5:"alice";' })).toMatchObject({ kind: 'php-session-file', payload: { user: 'alice' } });
  });

  it('scores ids strongly only under PHP\'s cookie name', () => {
    expect(phpDecoder.score({ value: 'dtrirtbe5epra9bg8ntel8oeib', name: 'PHPSESSID' })).toBeGreaterThanOrEqual(80);
    expect(phpDecoder.score({ value: 'dtrirtbe5epra9bg8ntel8oeib', name: 'MYPHPSESSION' })).toBeGreaterThan(0);
    expect(phpDecoder.score({ value: 'dtrirtbe5epra9bg8ntel8oeib', name: 'sessionid' })).toBe(0);
    expect(phpDecoder.score({ value: 'eyJhbGciOiJIUzI1NiJ9.e30.abc' })).toBe(0);
  });

  it('returns null for other values, or an explanation when hinted', async () => {
    expect(await phpDecoder.decode({ value: 'x.y' })).toBeNull();
    expect(await phpDecoder.decode({ value: '' })).toBeNull();
    expect(await phpDecoder.decode({ value: '0123456789ABCDEF0123456789ABCDEF', name: 'JSESSIONID' })).toBeNull();
    expect((await phpDecoder.decode({ value: '0123456789ABCDEF0123456789ABCDEF', name: 'JSESSIONID', format: 'php' }))?.payload).toBe('0123456789ABCDEF0123456789ABCDEF');
    expect((await phpDecoder.decode({ value: 'x.y', format: 'php' }))?.error).toMatch(/neither a PHP session id/);
  });
});
