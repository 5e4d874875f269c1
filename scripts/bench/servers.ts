// Spawning the two HTTP peers on free loopback ports: the companion CLI and the bench Django app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON } from './peers.ts';

export interface Running { url: string; label: string; stop(): Promise<void> }

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    }).on('error', fail);
  });
}

function stopper(child: ChildProcess, dir: string) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

function waitForLine(child: ChildProcess, pattern: RegExp, label: string): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${label} did not start in 30 s: ${out.slice(-300)}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) { clearTimeout(timer); done(m[1]); }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`${label} exited (${code}): ${out.slice(-300)}`)); });
  });
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try { await fetch(url, { method: 'POST', body: '{}' }); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${url} never answered`);
}

export async function startCompanion(engine: string): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-companion-'));
  const child = spawn(process.execPath, ['bin/sessionscope.js', 'companion', '--engine', engine, '--port', '0', '--quiet', '--data-dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForLine(child, /SESSIONSCOPE_COMPANION_READY (http:\/\/127\.0\.0\.1:\d+)/, 'companion');
  return { url, label: 'companion', stop: stopper(child, dir) };
}

export async function startDjango(engine: string, threads: number): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-django-'));
  const script = fileURLToPath(new URL('./django-app.py', import.meta.url));
  const child = spawn(PYTHON, [script, engine, String(await freePort()), dir, String(threads)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForLine(child, /DJANGO_BENCH_READY (http:\/\/127\.0\.0\.1:\d+)/, 'django');
  await waitForHttp(`${url}/session/set`);
  return { url, label: 'django', stop: stopper(child, dir) };
}
