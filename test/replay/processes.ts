// Child processes for the replay: the companion (through the real CLI) and a throw-away redis-server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Running { url: string; stop(): Promise<void> }
/** A companion child: `log()` is everything it wrote to stderr so far (warnings such as SuspiciousSession). */
export interface RunningCompanion extends Running { log(): string }

const ROOT = join(import.meta.dirname, '../..');

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** Starts `sessionscope companion ARGS` and resolves with the URL of its ready line. */
export function startCompanion(args: string[]): Promise<RunningCompanion> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sessionscope.js'), 'companion', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stopChild(child); reject(new Error(`companion did not start: ${out}${err}`)); }, 30_000);
    child.stderr!.on('data', (d: Buffer) => { err += d; });
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /SESSIONSCOPE_COMPANION_READY (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ url: m[1], stop: () => stopChild(child), log: () => err }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`companion exited (${code}): ${out}${err}`)); });
  });
}

export const hasRedis = (): boolean => spawnSync('redis-server', ['--version']).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** A redis-server with no persistence in a temp dir, on a free loopback port. */
export async function startRedis(): Promise<Running & { port: number }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ss-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => { out += d; if (out.includes('Ready to accept connections')) { clearTimeout(timer); resolve(); } });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`redis exited ${code}: ${out}`)); });
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    stop: async () => { await stopChild(child); rmSync(dir, { recursive: true, force: true }); },
  };
}
