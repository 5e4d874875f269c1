// Starts the real companion (all five backends) on a free loopback port with a throw-away data dir,
// for the panel e2e tests; stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Companion { port: number; url: string; siteUrl(host: string): string; stop(): Promise<void> }

export async function startCompanion(): Promise<Companion> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ss-companion-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/sessionscope.js', 'companion', '--port', '0', '--data-dir', dataDir, '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /SESSIONSCOPE_COMPANION_READY http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`companion exited (${code}) before it was ready: ${stderr.slice(0, 500)}`)));
  });
  return {
    port,
    url: `http://localhost:${port}`,
    siteUrl: (host) => `http://${host}:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // open keep-alive/SSE connections may hold a graceful close; never let teardown hang on them
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(force);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
