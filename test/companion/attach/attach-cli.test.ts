// `sessionscope companion --attach-*`: a real Django project's stores served read-only by the companion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { send } from '../inspect/http.ts';
import { spawnCompanion, stopGracefully, type Companion } from '../reliability/spawn.ts';

const WRITER = join(import.meta.dirname, '../../fixtures/django-attach/writer.py');
const BIN = join(import.meta.dirname, '../../../bin/sessionscope.js');
let dir: string;
let companion: Companion;
let keys: { sqlite: string; file: string; cycledAway: string };

function writer(engine: string, dataDir: string) {
  const out = spawnSync('/usr/bin/python3', [WRITER, '--engine', engine, '--data-dir', dataDir, '--secret-key', 'project-secret'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout).sessions;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ss-attach-cli-'));
  const db = writer('db', join(dir, 'db'));
  const files = writer('file', join(dir, 'files'));
  keys = { sqlite: db.shopper.key, file: files.shopper.key, cycledAway: db.cycled.previous };
  companion = await spawnCompanion(['--engine', 'db', '--secret-key', 'project-secret',
    '--attach-sqlite', join(dir, 'db', 'db.sqlite3'), `--attach-files=${join(dir, 'files', 'sessions')}`]);
}, 60_000);
afterAll(async () => {
  if (companion) await stopGracefully(companion);
  rmSync(dir, { recursive: true, force: true });
});

describe('attach flags on the companion CLI', () => {
  it('lists the attached stores as read-only sites', async () => {
    const info = (await send(companion.port, '/__sessionscope/info')).json();
    expect(info.sites.map((s: { engine: string; readOnly: boolean }) => [s.engine, s.readOnly])).toEqual([['db', false], ['attached-sqlite', true], ['attached-files', true]]);
  });

  it('decodes what Django stored and answers accepted()', async () => {
    const sqlite = (await send(companion.port, `/__sessionscope/sessions/${keys.sqlite}?engine=attached-sqlite`)).json();
    expect(sqlite).toMatchObject({ engine: 'attached-sqlite', found: true, decoded: { cart: ['apple', 'pear', 'apple'], _auth_user_id: '42' } });
    const file = (await send(companion.port, `/__sessionscope/sessions/${keys.file}?engine=attached-files`)).json();
    expect(file).toMatchObject({ engine: 'attached-files', found: true, decoded: { prefs: { theme: 'dark', fontSize: 14 } } });
    expect((await send(companion.port, `/__sessionscope/sessions/${keys.cycledAway}/accepted?engine=attached-sqlite`)).json().accepted).toBe(false);
  });

  it('answers on each store\'s own host name, as the panel addresses sites by URL', async () => {
    const info = (await send(companion.port, '/__sessionscope/info')).json();
    const site = info.sites.find((s: { engine: string }) => s.engine === 'attached-sqlite');
    expect(site.url).toBe(`http://attached-sqlite.localhost:${companion.port}`);
    const host = `attached-sqlite.localhost:${companion.port}`;
    const view = (await send(companion.port, `/__sessionscope/sessions/${keys.sqlite}`, { headers: { host } })).json();
    expect(view).toMatchObject({ engine: 'attached-sqlite', found: true });
    const other = await send(companion.port, '/demo/', { headers: { host } });
    expect([other.status, other.json().error]).toEqual([404, expect.stringMatching(/read-only attached store/)]);
  });

  it('refuses to write to them', async () => {
    for (const path of ['/__sessionscope/clearsessions?engine=attached-sqlite', '/__sessionscope/faults?engine=attached-files']) {
      const res = await send(companion.port, path, { method: 'POST', body: '{"action":"shift-clock","seconds":1}', headers: { 'content-type': 'application/json' } });
      expect(res.status, path).toBe(409);
    }
  });

  it('exits with a clear message when a store cannot be opened', () => {
    const out = spawnSync(process.execPath, [BIN, 'companion', '--engine', 'db', '--port', '0', '--attach-sqlite', join(dir, 'nope.sqlite3')], { encoding: 'utf8', timeout: 30_000 });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/--attach-sqlite .*nope\.sqlite3/);
  });
});
