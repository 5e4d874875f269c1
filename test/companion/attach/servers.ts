// Throw-away servers for tests: redis-server and a PostgreSQL cluster on free loopback ports in temp dirs,
// always stopped by PID. Shared by the attach and reliability tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, chownSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Resolve when `child` prints `marker` (stdout or stderr); reject on exit or after `ms`. */
export function waitForOutput(child: ChildProcess, marker: RegExp, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${marker}; output:\n${seen}`)), ms);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const m = marker.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with ${code} before ${marker}:\n${seen}`)); });
  });
}

export interface RedisServer { url: string; port: number; stop(): Promise<void>; child: ChildProcess }

export async function startRedis(port?: number): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ss-redis-'));
  const p = port ?? await freePort();
  const child = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForOutput(child, /Ready to accept connections/);
  return {
    url: `redis://127.0.0.1:${p}/0`, port: p, child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) { rmSync(dir, { recursive: true, force: true }); return resolve(); }
      child.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGKILL');
    }),
  };
}

export interface PostgresServer { url: string; host: string; port: number; stop(): Promise<void> }

function pgBin(): string | null {
  const out = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1']);
  const dir = out.stdout?.toString().trim();
  return dir && existsSync(join(dir, 'initdb')) ? dir : null;
}

/** A throw-away cluster (trust auth, no fsync). Returns a reason string when it cannot run here. */
export async function startPostgres(): Promise<PostgresServer | string> {
  const bin = pgBin();
  if (!bin) return 'PostgreSQL binaries (initdb/pg_ctl) not found';
  const dir = mkdtempSync(join(tmpdir(), 'ss-pg-'));
  // initdb refuses to run as root: run the cluster as the postgres system user when we are root.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres']);
    if (pw.status !== 0) return 'running as root and no "postgres" user to own the cluster';
    chownSync(dir, Number(pw.stdout.toString()), Number(spawnSync('id', ['-g', 'postgres']).stdout.toString()));
  }
  const run = (cmd: string, args: string[]) => spawnSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { encoding: 'utf8' });
  const init = run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  if (init.status !== 0) return `initdb failed: ${init.stderr}`;
  const port = await freePort();
  const start = run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  if (start.status !== 0) return `pg_ctl start failed: ${start.stderr}`;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`, host: '127.0.0.1', port,
    stop: async () => {
      run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
