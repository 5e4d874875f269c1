// docs/companion.md: "Stop it with kill <pid> (SIGTERM)". After the panel had watched the event stream the
// process outlived SIGTERM: the stream's keep-alive timer was never cleared and kept the event loop alive.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { request, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { waitForOutput } from '../companion/attach/servers.ts';

const BIN = join(import.meta.dirname, '../../bin/sessionscope.js');

function openStream(url: string): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/__sessionscope/events`, (res) => {
      res.on('data', (chunk: Buffer) => { if (chunk.toString().includes(': connected')) resolve(req); });
      res.on('error', () => {});
    });
    req.on('error', reject);
    req.end();
  });
}

let child: ChildProcess | null = null;
// a companion that ignored SIGTERM must not outlive its failing test
afterEach(() => { if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); child = null; });

describe('companion stops on SIGTERM after serving the event stream', () => {
  it.each([['closed', true], ['still open', false]] as const)('with the stream %s', async (_label, closeFirst) => {
    child = spawn(process.execPath, [BIN, 'companion', '--engine', 'db', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = child;
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const line = await waitForOutput(proc, /SESSIONSCOPE_COMPANION_READY \S+/, 30_000);
    const stream = await openStream(line.split(' ')[1]);
    stream.on('error', () => {});
    if (closeFirst) stream.destroy();
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    stream.destroy();
  }, 30_000);
});
