// decodeVsDjangoRatio: the same 10,000 signed_cookies session cookies (made by Django) decoded and
// verified by decodeCookie (name + secret, as a user pastes them: format and salt are detected) and by
// Django's own signing.loads (salt given). Ratio = our cookies/s over Django's; medians of several runs.
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

export interface DecodeVsDjangoFigures { ratio: number; oursPerSec: number; djangoPerSec: number; cookies: number; django: string }

async function ourRun(cookies: string[], secret: string): Promise<number> {
  const start = performance.now();
  for (const value of cookies) {
    const r = await decodeCookie({ value, name: 'sessionid', secrets: [secret] });
    if (r.signature !== 'valid') throw new Error(`decodeCookie did not verify a Django cookie: ${r.signature} ${r.error ?? ''}`);
  }
  return (performance.now() - start) / 1000;
}

export async function benchDecodeVsDjango(runs = 5): Promise<DecodeVsDjangoFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ss-bench-signing-'));
  try {
    const file = join(dir, 'cookies.json');
    execFileSync(PYTHON, [SCRIPT, 'generate', String(COUNT), file]);
    const { secret, cookies } = JSON.parse(readFileSync(file, 'utf8')) as { secret: string; cookies: string[] };
    await ourRun(cookies.slice(0, 1000), secret); // warm JIT and key caches
    const ours: number[] = []; const theirs: number[] = [];
    let django = '';
    for (let i = 0; i < runs; i++) { // interleaved so load on the machine hits both
      ours.push(await ourRun(cookies, secret));
      const peer = JSON.parse(execFileSync(PYTHON, [SCRIPT, 'loads', file, '1'], { encoding: 'utf8' })) as { seconds: number[]; django: string };
      theirs.push(peer.seconds[0]);
      django = peer.django;
    }
    const oursPerSec = COUNT / median(ours); const djangoPerSec = COUNT / median(theirs);
    return { ratio: round(oursPerSec / djangoPerSec, 3), oursPerSec: Math.round(oursPerSec), djangoPerSec: Math.round(djangoPerSec), cookies: COUNT, django };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
