// Attach mode against a REAL Django 3.2 (Debian python3-django): writer.py stores sessions through Django's
// own db (SQLite, PostgreSQL), file and cache/cached_db (Redis, pickled) backends; we read them back read-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAttachedStores, parseAttachArgs, type AttachConfig } from '../../../src/companion/attach/index.ts';
import type { InspectTarget } from '../../../src/companion/inspect/types.ts';
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from './servers.ts';

const WRITER = join(import.meta.dirname, '../../fixtures/django-attach/writer.py');
const SECRET = 'attach-test-secret';
const BASE = { port: 8765 };

interface Written { engine: string; django: string; sessions: Record<string, { key: string; data?: unknown; previous?: string; expired?: boolean }> }

function runWriter(engine: string, dataDir: string, extra: string[] = []): Written {
  const out = spawnSync('/usr/bin/python3', [WRITER, '--engine', engine, '--data-dir', dataDir, '--secret-key', SECRET, ...extra], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`writer.py ${engine} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout) as Written;
}

const config = (over: Partial<AttachConfig>): AttachConfig => ({ ...parseAttachArgs(['--secret-key', SECRET]), ...over });

let root: string;
let redis: RedisServer;
let postgres: PostgresServer | string;
const opened: InspectTarget[] = [];

async function attach(over: Partial<AttachConfig>): Promise<InspectTarget> {
  const [target] = await openAttachedStores(config(over), BASE);
  opened.push(target);
  return target;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ss-attach-'));
  redis = await startRedis();
  postgres = await startPostgres();
});

afterAll(async () => {
  await Promise.all(opened.map((t) => t.close?.()));
  await redis?.stop();
  if (typeof postgres === 'object') await postgres.stop();
  rmSync(root, { recursive: true, force: true });
});

/** The checks every server-side store must pass, whatever its medium. */
async function expectDjangoSessions(target: InspectTarget, written: Written, opts: { corrupt: boolean; expiry: boolean }): Promise<void> {
  const s = written.sessions;
  for (const label of ['shopper', 'unicode', 'cycled']) {
    const view = await target.inspect(s[label].key);
    expect(view, label).toMatchObject({ found: true, expired: false, decoded: s[label].data });
    expect(view.error).toBeUndefined();
    expect((await target.accepted(s[label].key)).accepted).toBe(true);
  }
  // login's cycle_key and logout's flush really revoke the old keys: that is what the panel checks
  expect(await target.accepted(s.cycled.previous!)).toMatchObject({ accepted: false, reason: 'no stored session with this key' });
  expect(await target.accepted(s.flushed.key)).toMatchObject({ accepted: false, reason: 'no stored session with this key' });
  expect((await target.inspect(s.flushed.key)).found).toBe(false);
  if (opts.expiry) {
    expect(await target.inspect(s.expired.key)).toMatchObject({ found: true, expired: true });
    expect(await target.accepted(s.expired.key)).toMatchObject({ accepted: false, reason: 'stored session has expired' });
  }
  if (opts.corrupt) {
    const bad = await target.inspect(s.corrupt.key);
    expect(bad).toMatchObject({ found: true, decoded: {} });
    expect(bad.error).toMatch(/Session data corrupted/);
  }
  const listing = await target.list(100);
  const listed = listing.sessions.map((x) => x.key);
  expect(listed).toEqual(expect.arrayContaining([s.shopper.key, s.unicode.key, s.cycled.key]));
  expect(listed).not.toContain(s.flushed.key);
}

describe('attach mode reads what real Django stored', () => {
  it('SQLite django_session (db backend)', async () => {
    const dir = join(root, 'sqlite');
    const written = runWriter('db', dir);
    const target = await attach({ sqlite: [join(dir, 'db.sqlite3')] });
    await expectDjangoSessions(target, written, { corrupt: true, expiry: true });
    const view = await target.inspect(written.sessions.shopper.key);
    expect(view.record).toMatchObject({ session_key: written.sessions.shopper.key, session_data: expect.stringMatching(/^[\w.-]+:\w+:[\w-]{43}$/) });
    expect(view.expiresAt! - Date.now() / 1000).toBeGreaterThan(1209600 - 120);
    expect(view.location).toContain('db.sqlite3');
    const two = await openAttachedStores(config({ sqlite: [join(dir, 'db.sqlite3'), join(dir, 'db.sqlite3')] }), BASE);
    opened.push(...two);
    expect(two.map((t) => [t.site.engine, t.site.url])).toEqual([
      ['attached-sqlite', 'http://attached-sqlite.localhost:8765'], ['attached-sqlite-2', 'http://attached-sqlite-2.localhost:8765']]);
  });

  it('SQLite rows written with SESSION_SERIALIZER = PickleSerializer (datetimes included)', async () => {
    const dir = join(root, 'sqlite-pickle');
    const written = runWriter('db', dir, ['--serializer', 'pickle']);
    const target = await attach({ sqlite: [join(dir, 'db.sqlite3')] });
    await expectDjangoSessions(target, written, { corrupt: true, expiry: true });
    const dated = await target.inspect(written.sessions.dated.key);
    expect(dated).toMatchObject({ found: true, decoded: written.sessions.dated.data });
    expect(dated.error).toBeUndefined();
  });

  it('the wrong SECRET_KEY loads as {} with "Session data corrupted", as Django would', async () => {
    const dir = join(root, 'sqlite-secret');
    const written = runWriter('db', dir);
    const [target] = await openAttachedStores({ ...config({ sqlite: [join(dir, 'db.sqlite3')] }), secretKeys: ['not-the-secret'] }, BASE);
    opened.push(target);
    const view = await target.inspect(written.sessions.shopper.key);
    expect(view).toMatchObject({ found: true, decoded: {} });
    expect(view.error).toMatch(/Session data corrupted/);
  });

  it('file backend directory', async () => {
    const dir = join(root, 'files');
    const written = runWriter('file', dir);
    const target = await attach({ files: [join(dir, 'sessions')] });
    await expectDjangoSessions(target, written, { corrupt: true, expiry: true });
    const view = await target.inspect(written.sessions.shopper.key);
    const path = join(dir, 'sessions', 'sessionid' + written.sessions.shopper.key);
    expect(view.record).toMatchObject({ path, raw: readFileSync(path, 'latin1'), mode: '0o600' });
    expect(view.expiresAt).toBe(Math.floor(statSync(path).mtimeMs / 1000 + 1209600));
    expect(await target.accepted('../../etc/passwd')).toMatchObject({ accepted: false, reason: 'invalid key' });
  });

  it('Redis cache backend (pickled dicts, datetimes included)', async () => {
    const written = runWriter('cache', join(root, 'cache'), ['--redis', redis.url]);
    const target = await attach({ redis: [redis.url] });
    await expectDjangoSessions(target, written, { corrupt: false, expiry: false });
    const dated = await target.inspect(written.sessions.dated.key);
    expect(dated.decoded).toEqual(written.sessions.dated.data);
    expect(dated.record).toMatchObject({ rawFormat: 'pickle', cacheKey: `:1:django.contrib.sessions.cache${written.sessions.dated.key}` });
    expect(dated.expiresAt! - Date.now() / 1000).toBeGreaterThan(3500);
  });

  it('Redis cached_db copies and the SQLite rows behind them', async () => {
    const dir = join(root, 'cached_db');
    const written = runWriter('cached_db', dir, ['--redis', redis.url]);
    const cache = await attach({ redis: [redis.url] });
    const view = await cache.inspect(written.sessions.shopper.key);
    expect(view).toMatchObject({ found: true, decoded: written.sessions.shopper.data, location: `:1:django.contrib.sessions.cached_db${written.sessions.shopper.key}` });
    await expectDjangoSessions(await attach({ sqlite: [join(dir, 'db.sqlite3')] }), written, { corrupt: true, expiry: true });
  });

  it('PostgreSQL django_session (db backend)', async (ctx) => {
    if (typeof postgres === 'string') {
      console.warn(`SKIPPED attach-postgres: ${postgres}`);
      return ctx.skip();
    }
    const probe = spawnSync('/usr/bin/python3', ['-c', 'import psycopg2']);
    if (probe.status !== 0) {
      console.warn('SKIPPED attach-postgres: python3-psycopg2 is not installed (Django cannot reach PostgreSQL)');
      return ctx.skip();
    }
    const written = runWriter('db', join(root, 'pg'), ['--postgres', `${postgres.host}:${postgres.port}:postgres:postgres`]);
    const target = await attach({ postgres: [postgres.url] });
    await expectDjangoSessions(target, written, { corrupt: true, expiry: true });
  });
});

describe('attach configuration errors are clear', () => {
  it('parses flags in both spellings and rejects a missing value', () => {
    expect(parseAttachArgs(['--attach-sqlite=/x.db', '--attach-redis', 'redis://h/1', '--cookie-age', '60', '--attach-sqlite', '/y.db']))
      .toMatchObject({ sqlite: ['/x.db', '/y.db'], redis: ['redis://h/1'], cookieAge: 60 });
    expect(() => parseAttachArgs(['--attach-files'])).toThrow(/needs a value/);
  });

  it('names the directory that does not exist', async () => {
    await expect(openAttachedStores(config({ files: [join(root, 'no-such-dir')] }), BASE)).rejects.toThrow(/--attach-files .*no-such-dir: not a directory/);
  });

  it('names the file that is not a Django database', async () => {
    await expect(openAttachedStores(config({ sqlite: [join(root, 'missing.sqlite3')] }), BASE)).rejects.toThrow(/--attach-sqlite .*missing\.sqlite3/);
  });
});
