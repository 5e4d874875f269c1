// `sessionscope companion` as users and scripts run it: ready line, flags / env / config precedence, the
// all-backends mode with its per-user data folder, and clean exits.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForOutput } from './attach/servers.ts';
import { createCompanionServer } from '../../src/companion/server.ts';

const BIN = join(import.meta.dirname, '../../bin/sessionscope.js');

async function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'companion', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const line = await waitForOutput(child, /SESSIONSCOPE_COMPANION_READY \S+ engine=\S+ django=\S+ pid=\d+/, 30_000);
  const url = line.split(' ')[1];
  const stop = () => new Promise<number | null>((resolve) => { child.once('exit', (code) => resolve(code)); child.kill('SIGTERM'); });
  return { child, line, url, stop };
}

describe('sessionscope companion', () => {
  it('single-backend mode prints the ready line and honours flags over env over config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-cli-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ SESSION_COOKIE_NAME: 'fromconfig', SESSION_COOKIE_AGE: 100, SESSION_COOKIE_SAMESITE: 'Strict' }));
    const { line, url, stop } = await start(['--engine', 'cached_db', '--port', '0', '--quiet', '--django', '5.2', '--config', join(dir, 'settings.json'),
      '--cookie-age', '300'], { SESSION_COOKIE_NAME: 'fromenv', SESSION_COOKIE_AGE: '200' });
    try {
      expect(line).toMatch(/^SESSIONSCOPE_COMPANION_READY http:\/\/127\.0\.0\.1:\d+ engine=cached_db django=5\.2 pid=\d+$/);
      const config = await (await fetch(`${url}/config`)).json();
      expect(config).toMatchObject({ SESSION_COOKIE_NAME: 'fromenv', SESSION_COOKIE_AGE: 300, SESSION_COOKIE_SAMESITE: 'Strict', django_version: '5.2' });
      const r = await fetch(`${url}/session/set`, { method: 'POST', body: '{"a":1}' });
      expect(r.headers.get('set-cookie')).toMatch(/^fromenv=[a-z0-9]{32}; expires=.*; HttpOnly; Max-Age=300; Path=\/; SameSite=Strict$/);
    } finally {
      expect(await stop()).toBe(0);
    }
  }, 60_000);

  it('without --engine runs all five backends on their own hosts with data in $XDG_DATA_HOME/sessionscope', async () => {
    const xdg = mkdtempSync(join(tmpdir(), 'ss-xdg-'));
    const { child, line, stop } = await start(['--port', '0', '--quiet'], { XDG_DATA_HOME: xdg });
    let out = '';
    child.stdout!.on('data', (c) => { out += c; });
    try {
      expect(line).toMatch(/engine=all django=3\.2/);
      const port = /:(\d+) /.exec(line)![1];
      for (const host of ['db', 'cache', 'cached-db', 'file', 'signed-cookies']) {
        const r = await fetch(`http://127.0.0.1:${port}/session`, { headers: { Host: `${host}.localhost:${port}` } });
        expect(r.status).toBe(200);
      }
      expect(existsSync(join(xdg, 'sessionscope', 'db', 'db.sqlite3'))).toBe(true);
      expect(existsSync(join(xdg, 'sessionscope', 'file', 'session_files'))).toBe(true);
    } finally {
      expect(await stop()).toBe(0);
    }
    void out;
  }, 60_000);

  it('bad usage exits 2 with a one-line reason', () => {
    for (const args of [['--engine', 'nope'], ['--bogus'], ['--engine', 'db', '--serializer', 'pickle', '--django', '5.2']]) {
      const r = spawnSync(process.execPath, [BIN, 'companion', ...args, '--port', '0'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^sessionscope companion: /);
    }
  }, 60_000);

  it('clearsessions removes expired db rows and session files from a data folder', async () => {
    for (const engine of ['db', 'file'] as const) {
      const dir = mkdtempSync(join(tmpdir(), `ss-clear-${engine}-`));
      const server = await createCompanionServer({ sites: [{ engine }], port: 0, dataDir: dir, quiet: true, logger: () => {} });
      for (const expiry of ['-10', '300']) {
        const r = await fetch(`${server.url}/session/set`, { method: 'POST', body: '{"a":1}' });
        const cookie = r.headers.get('set-cookie')!.split(';')[0];
        await fetch(`${server.url}/session/set_expiry`, { method: 'POST', body: expiry, headers: { Cookie: cookie } });
      }
      await server.close();
      const out = spawnSync(process.execPath, [BIN, 'companion', 'clearsessions', '--engine', engine, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
      expect(out.status).toBe(0);
      expect(out.stdout).toBe(`clearsessions ${engine}: removed 1 expired, 1 left\n`);
    }
  }, 60_000);
});
