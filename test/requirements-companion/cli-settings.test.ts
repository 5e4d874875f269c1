// Requirements of issue 4 checked by running the CLI: every SESSION_* setting (SESSION_ENGINE included) from the
// environment or the config file, bad values refused plainly, and clearsessions following --django.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForOutput } from '../companion/attach/servers.ts';
import { createCompanionServer } from '../../src/companion/server.ts';

const BIN = join(import.meta.dirname, '../../bin/sessionscope.js');

async function readyLine(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'companion', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  try {
    return await waitForOutput(child, /SESSIONSCOPE_COMPANION_READY \S+ engine=\S+ django=\S+ pid=\d+/, 30_000);
  } finally {
    await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
  }
}

async function readyLineAnd(args: string[], use: (url: string) => Promise<void>): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'companion', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const line = await waitForOutput(child, /SESSIONSCOPE_COMPANION_READY \S+ engine=\S+ django=\S+ pid=\d+/, 30_000);
    await use(line.split(' ')[1]);
    return line;
  } finally {
    await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
  }
}

describe('companion settings from the environment and the config file', () => {
  it('SESSION_ENGINE in the environment selects one backend, as --engine does', async () => {
    expect(await readyLine([], { SESSION_ENGINE: 'django.contrib.sessions.backends.file' })).toMatch(/ engine=file /);
  }, 60_000);

  it('SESSION_ENGINE in the config file selects one backend; --engine still wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-req-'));
    const config = join(dir, 'settings.json');
    writeFileSync(config, JSON.stringify({ SESSION_ENGINE: 'signed_cookies' }));
    expect(await readyLine(['--config', config])).toMatch(/ engine=signed_cookies /);
    expect(await readyLine(['--config', config, '--engine', 'cache'])).toMatch(/ engine=cache /);
  }, 60_000);

  it('a --redis value that is not a redis:// URL stops with a message naming the flag, exit 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'companion', '--engine', 'cache', '--port', '0', '--redis', 'localhost:6379'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sessionscope companion: --redis must be a redis://[:password@]host:port[/db] URL, got "localhost:6379"\n');
  });
});

describe('companion --host', () => {
  it('the ready line names the address the server listens on', async () => {
    const line = await readyLineAnd(['--engine', 'db', '--host', '127.0.0.2'], async (url) => {
      expect((await fetch(`${url}/noop`)).status).toBe(200);
    });
    expect(line).toMatch(/^SESSIONSCOPE_COMPANION_READY http:\/\/127\.0\.0\.2:\d+ engine=db /);
  }, 60_000);

  it('warns on stderr when it listens beyond loopback', async () => {
    const child = spawn(process.execPath, [BIN, 'companion', '--port', '0', '--quiet', '--engine', 'db', '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c) => { stderr += c; });
    await waitForOutput(child, /SESSIONSCOPE_COMPANION_READY/, 30_000);
    await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
    expect(stderr).toContain('WARNING: listening on 0.0.0.0, not loopback');
  }, 60_000);
});

describe('companion --cookie-domain with all five sites', () => {
  it('warns that the sites would share cookies; one backend gets no warning', async () => {
    const stderrOf = async (args: string[]): Promise<string> => {
      const child = spawn(process.execPath, [BIN, 'companion', '--port', '0', '--quiet', '--data-dir', mkdtempSync(join(tmpdir(), 'ss-req-dom-')), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (c) => { stderr += c; });
      await waitForOutput(child, /SESSIONSCOPE_COMPANION_READY/, 30_000);
      await new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
      return stderr;
    };
    expect(await stderrOf(['--cookie-domain', '.localhost'])).toContain('WARNING: SESSION_COOKIE_DOMAIN=.localhost applies to all five sites');
    expect(await stderrOf(['--cookie-domain', '.localhost', '--engine', 'db'])).not.toContain('WARNING');
  }, 90_000);
});

describe('companion clearsessions', () => {
  it('follows --django: 4.2 stores a datetime expiry as an ISO string, and expired files are cleared', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-req-clear-'));
    const server = await createCompanionServer({ sites: [{ engine: 'file', django: '4.2' }], port: 0, dataDir: dir, quiet: true, logger: () => {} });
    for (const seconds of [-30, 3600]) {
      const r = await fetch(`${server.url}/session/set_expiry`, { method: 'POST', body: JSON.stringify({ timedelta_seconds: seconds }) });
      expect(r.status).toBe(200);
    }
    await server.close();
    const out = spawnSync(process.execPath, [BIN, 'companion', 'clearsessions', '--engine', 'file', '--django', '4.2', '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('clearsessions file: removed 1 expired, 1 left\n');
  }, 60_000);

  it('takes SESSION_ENGINE from the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ss-req-clear-env-'));
    const out = spawnSync(process.execPath, [BIN, 'companion', 'clearsessions', '--data-dir', dir], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, SESSION_ENGINE: 'cache' } });
    expect(out.status).toBe(0);
    expect(out.stdout).toBe('clearsessions cache: nothing to clear (a no-op in Django too)\n');
  });
});
