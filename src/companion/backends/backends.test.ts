import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, clearExpired } from './index.ts';
import { makeTestContext } from '../engine/testing.ts';
import { SuspiciousOperation, UpdateError } from '../engine/errors.ts';
import { createLocMemCache } from './locmem.ts';
import { createClock } from '../engine/clock.ts';

describe('file backend', () => {
  it('names files <cookie name><key>, mode 0600, no temp files left behind', async () => {
    const ctx = makeTestContext('file');
    const s = openSession(ctx, null);
    await s.setItem('a', 1);
    await s.save();
    const path = join(ctx.fileDir!, 'sessionid' + s.sessionKey);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(ctx.fileDir!)).toEqual(['sessionid' + s.sessionKey]);
  });

  it('treats upper-case and path-traversal keys as missing, and refuses to delete them (400)', async () => {
    const ctx = makeTestContext('file');
    for (const key of ['ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', '../../../../etc/passwd']) {
      const s = openSession(ctx, key);
      expect(await s.items()).toEqual([]);
      expect(s.sessionKey).toBeNull();
    }
    await expect(openSession(ctx, null).delete('../../etc/passwd')).rejects.toBeInstanceOf(SuspiciousOperation);
  });

  it('an int expiry never expires server-side; reading an expired file mints a new key', async () => {
    const ctx = makeTestContext('file');
    const s = openSession(ctx, null);
    await s.setExpiry(300);
    await s.save();
    ctx.clock.shift(10_000);
    const later = openSession(ctx, s.sessionKey);
    expect((await later.items()).length).toBe(1);
    const e = openSession(ctx, null);
    await e.setExpiry(-10);
    await e.save();
    const replay = openSession(ctx, e.sessionKey);
    expect(await replay.items()).toEqual([]);
    expect(replay.sessionKey).not.toBe(e.sessionKey);
    expect(replay.modified).toBe(true);
    expect(existsSync(join(ctx.fileDir!, 'sessionid' + e.sessionKey))).toBe(false);
  });

  it('clearsessions deletes expired files only, without creating replacements', async () => {
    const ctx = makeTestContext('file', { settings: { SESSION_COOKIE_AGE: 60 } });
    const keep = openSession(ctx, null);
    await keep.setExpiry(300);
    await keep.save();
    const old = openSession(ctx, null);
    await old.setItem('x', 1);
    await old.save();
    ctx.clock.shift(120);
    await clearExpired(ctx);
    expect(readdirSync(ctx.fileDir!)).toEqual(['sessionid' + keep.sessionKey]);
    expect(ctx.events.at(-1)).toMatchObject({ type: 'cleared', key: old.sessionKey });
  });
});

describe('cache and cached_db backends', () => {
  it('saving a session deleted meanwhile raises UpdateError (→ 400)', async () => {
    for (const engine of ['cache', 'cached_db', 'db', 'file'] as const) {
      const ctx = makeTestContext(engine);
      const s = openSession(ctx, null);
      await s.setItem('a', 1);
      await s.save();
      const live = openSession(ctx, s.sessionKey);
      await live.setItem('b', 2);
      await openSession(ctx, null).delete(s.sessionKey);
      await expect(live.save()).rejects.toBeInstanceOf(UpdateError);
    }
  });

  it('cached_db trusts a cache hit even when the row is gone', async () => {
    const ctx = makeTestContext('cached_db');
    const s = openSession(ctx, null);
    await s.setItem('a', 1);
    await s.save();
    await ctx.sql!.delete(s.sessionKey!);
    const hit = openSession(ctx, s.sessionKey);
    expect(await hit.get('a')).toBe(1);
  });

  it('LocMem culls a third of its 300 entries when full (sessions silently disappear)', async () => {
    const cache = createLocMemCache(createClock());
    for (let i = 0; i < 300; i++) await cache.set(`k${i}`, i, null);
    await cache.set('one-more', 1, null);
    expect((await cache.keys('')).length).toBe(201);
    expect(await cache.get('k0')).toBeNull();
    expect(await cache.get('k299')).toBe(299);
  });

  it('signed_cookies: a tampered value loads as a new empty session that keeps the bad value as key', async () => {
    const ctx = makeTestContext('signed_cookies');
    const s = openSession(ctx, null);
    await s.setItem('a', 1);
    await s.save();
    const value = s.sessionKey!;
    expect(value).toMatch(/^eyJhIjoxfQ:[0-9A-Za-z]+:[\w-]{43}$/);
    const bad = openSession(ctx, value.slice(0, -1) + (value.endsWith('a') ? 'b' : 'a'));
    expect(await bad.items()).toEqual([]);
    expect([bad.modified, bad.isEmpty()]).toEqual([true, false]);
    ctx.clock.shift(1209601);
    expect(await openSession(ctx, value).items()).toEqual([]);
  });

  it('pop() on a bad signed cookie ends unmodified: Python assigns `modified or key in session` after the load', async () => {
    const ctx = makeTestContext('signed_cookies');
    const s = openSession(ctx, 'not-a-signed-value');
    expect(await s.pop('n', null)).toBeNull();
    expect(s.modified).toBe(false);
    const t = openSession(ctx, 'not-a-signed-value');
    await t.get('n');
    expect(t.modified).toBe(true);
  });
});
