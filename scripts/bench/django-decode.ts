// decodeVsDjangoRatio: the same 10,000 signed_cookies session cookies (made by Django) decoded and
// verified by decodeCookie (name + secret, as a user pastes them: format and salt are detected) and by
// Django's own signing.loads (salt given). Ratio = our cookies per CPU-second over Django's (process CPU
// time on both sides, so other load on the machine does not count); wall figures are kept in raw.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { PYTHON } from './peers.ts';
import { median, round } from './stats.ts';

const SCRIPT = fileURLToPath(new URL('./django-signing.py', import.meta.url));
const COUNT = 10_000;

export interface DecodeVsDjangoFigures { ratio: number; oursPerSec: number; djangoPerSec: number; oursWallPerSec: number; djangoWallPerSec: number; cookies: number; django: string }

/** [wall seconds, CPU seconds of this process (all threads: WebCrypto runs on the thread pool)] */
async function ourRun(cookies: string[], secret: string): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const value of cookies) {
    const r = await decodeCookie({ value, name: 'sessionid', secrets: [secret] });
    if (r.signature !== 'valid') throw new Error(`decodeCookie did not verify a Django cookie: ${r.signature} ${r.error ?? ''}`);
  }
  const used = process.cpuUsage(cpu);
  return [(performance.now() - start) / 1000, (used.user + used.system) / 1e6];
}

export async function benchDecodeVsDjango(runs = 5): Promise<DecodeVsDjangoFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-signing-'));
  try {
    const file = join(dir, 'cookies.json');
    execFileSync(PYTHON, [SCRIPT, 'generate', String(COUNT), file]);
    const { secret, cookies } = JSON.parse(readFileSync(file, 'utf8')) as { secret: string; cookies: string[] };
    await ourRun(cookies.slice(0, 1000), secret); // warm JIT and key caches
    const ours: [number, number][] = []; const theirs: [number, number][] = [];
    let django = '';
    for (let i = 0; i < runs; i++) { // interleaved so load on the machine hits both
      ours.push(await ourRun(cookies, secret));
      const peer = JSON.parse(execFileSync(PYTHON, [SCRIPT, 'loads', file, '1'], { encoding: 'utf8' })) as { seconds: number[]; cpu_seconds: number[]; django: string };
      theirs.push([peer.seconds[0], peer.cpu_seconds[0]]);
      django = peer.django;
    }
    const perSec = (runs: [number, number][], k: 0 | 1) => COUNT / median(runs.map((r) => r[k]));
    const oursPerSec = perSec(ours, 1); const djangoPerSec = perSec(theirs, 1);
    return { ratio: round(oursPerSec / djangoPerSec, 3), oursPerSec: Math.round(oursPerSec), djangoPerSec: Math.round(djangoPerSec),
      oursWallPerSec: Math.round(perSec(ours, 0)), djangoWallPerSec: Math.round(perSec(theirs, 0)), cookies: COUNT, django };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
