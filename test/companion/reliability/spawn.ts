// Runs `node bin/sessionscope.js companion …` as a real child process (so it can be killed with SIGKILL)
// and waits for its ready line.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitForOutput } from '../attach/servers.ts';

const BIN = join(import.meta.dirname, '../../../bin/sessionscope.js');

export interface Companion { proc: ChildProcess; port: number; url: string; stderr: () => string }

const running = new Set<ChildProcess>();

/** For afterAll: a failed assertion mid-test must not leave companions running. */
export function killAllCompanions(): void {
  for (const proc of running) proc.kill('SIGKILL');
}

export async function spawnCompanion(args: string[]): Promise<Companion> {
  const proc = spawn(process.execPath, [BIN, 'companion', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
  const line = await waitForOutput(proc, /SESSIONSCOPE_COMPANION_READY (http:\/\/\S+)/, 30_000);
  const url = line.split(' ')[1];
  return { proc, url, port: Number(new URL(url).port), stderr: () => err };
}

/** SIGKILL: no cleanup handlers, no flushing — what a crash or `kill -9` does. */
export function killHard(c: Companion): Promise<void> {
  return new Promise((resolve) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGKILL');
  });
}

export function stopGracefully(c: Companion): Promise<void> {
  return new Promise((resolve) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return resolve();
    const timer = setTimeout(() => c.proc.kill('SIGKILL'), 5000);
    c.proc.once('exit', () => { clearTimeout(timer); resolve(); });
    c.proc.kill('SIGTERM');
  });
}
