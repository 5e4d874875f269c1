// Corrupted stored data behaves as Django does (django-sessions.md §5.2, §9): the session loads as {} with
// its key kept and no cookie change, "Session data corrupted" is logged, and the next write repairs it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'set-cookie-parser';
import { send, type RawResponse } from '../inspect/http.ts';
import { spawnCompanion, stopGracefully, type Companion } from './spawn.ts';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => { for (const c of cleanups) await c(); });

const setCookies = (res: RawResponse) => parse(([] as string[]).concat(res.headers['set-cookie'] ?? []));
const read = (c: Companion, key: string) => send(c.port, '/session', { headers: { cookie: `sessionid=${key}` } });
const write = (c: Companion, key: string, body: object) =>
  send(c.port, '/session/set', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', cookie: `sessionid=${key}` } });

const CORRUPTIONS: Record<string, Array<[string, (dir: string, key: string) => void]>> = {
  db: [
    ['garbage', (dir, key) => { const db = new Database(join(dir, 'db.sqlite3')); db.prepare('UPDATE django_session SET session_data = ? WHERE session_key = ?').run('this-is-not-valid-session-data', key); db.close(); }],
    ['a flipped signature', (dir, key) => { const db = new Database(join(dir, 'db.sqlite3')); db.prepare("UPDATE django_session SET session_data = substr(session_data, 1, length(session_data) - 1) || (CASE WHEN substr(session_data, -1) = 'A' THEN 'B' ELSE 'A' END) WHERE session_key = ?").run(key); db.close(); }],
  ],
  file: [
    ['garbage', (dir, key) => writeFileSync(join(dir, 'session_files', 'sessionid' + key), 'this-is-not-valid-session-data')],
    ['a torn write', (dir, key) => truncateSync(join(dir, 'session_files', 'sessionid' + key), 10)],
  ],
};

describe.each(Object.keys(CORRUPTIONS))('corrupted stored data (%s)', (engine) => {
  it.each(CORRUPTIONS[engine].map(([name, fn]) => [name, fn] as const))('%s: loads as {}, keeps the key, logs, and the next write repairs it', async (_name, corrupt) => {
    const dir = mkdtempSync(join(tmpdir(), `ss-corrupt-${engine}-`));
    const companion = await spawnCompanion(['--engine', engine, '--data-dir', dir]);
    cleanups.push(async () => { await stopGracefully(companion); rmSync(dir, { recursive: true, force: true }); });
    const created = await send(companion.port, '/session/set', { method: 'POST', body: '{"cart":["apple"]}', headers: { 'content-type': 'application/json' } });
    const key = setCookies(created).find((c) => c.name === 'sessionid')!.value;
    corrupt(dir, key);

    const res = await read(companion, key);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ session_key: key, items: {}, is_empty: false });
    expect(setCookies(res)).toEqual([]); // no cookie change
    await expect.poll(() => companion.stderr()).toMatch(/Session data corrupted/);

    expect((await write(companion, key, { cart: ['pear'] })).status).toBe(200);
    expect((await read(companion, key)).json().items).toEqual({ cart: ['pear'] });
  }, 30_000);
});
