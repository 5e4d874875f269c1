// Random operation sequences (values, expiries, cookies, statuses, login/logout, corruption, interruption)
// against real Django 3.2 (the reference app) and the companion side by side: identical normalized output.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCompanionServer } from '../../src/companion/server.ts';
import type { Engine, SessionSettings } from '../../src/companion/types.ts';
import { waitForOutput } from './attach/servers.ts';

// The reference app is not part of this repository (only its transcripts are, replayed by test/replay), so
// this test runs only where the reference folder exists; SESSIONSCOPE_DJANGO_REF points at another copy.
const PYTHON = '/usr/bin/python3';
const REF_DIR = process.env.SESSIONSCOPE_DJANGO_REF ?? '/work/shared/peers/django_ref';
const APP = join(REF_DIR, 'app.py');
const SCENARIO = join(REF_DIR, 'scenario.py');
const FUZZ = join(import.meta.dirname, 'support/differential.py');

function skipReason(): string | null {
  if (!existsSync(APP) || !existsSync(SCENARIO)) {
    return `the Django reference app is not present (${APP} and scenario.py; it is not part of this repository, set SESSIONSCOPE_DJANGO_REF to its folder)`;
  }
  if (!existsSync(PYTHON)) return `${PYTHON} is missing: the reference app needs the system Python (apt install python3)`;
  if (spawnSync(PYTHON, ['-c', 'import django']).status !== 0) return 'python3-django is not installed (apt install python3-django)';
  return null;
}
const skip = skipReason();
if (skip) console.warn(`SKIPPED differential test against real Django: ${skip}`);

const CASES: { flags: string[]; engine: Engine; settings?: Partial<SessionSettings> }[] = [
  { flags: ['--engine', 'db'], engine: 'db' },
  { flags: ['--engine', 'cache'], engine: 'cache' },
  { flags: ['--engine', 'cached_db'], engine: 'cached_db' },
  { flags: ['--engine', 'file'], engine: 'file' },
  { flags: ['--engine', 'signed_cookies'], engine: 'signed_cookies' },
  { flags: ['--engine', 'db', '--save-every-request', '--cookie-samesite', 'None', '--cookie-domain', '.example.com'], engine: 'db',
    settings: { SESSION_SAVE_EVERY_REQUEST: true, SESSION_COOKIE_SAMESITE: 'None', SESSION_COOKIE_DOMAIN: '.example.com' } },
  { flags: ['--engine', 'file', '--expire-at-browser-close', '--cookie-age', '600'], engine: 'file',
    settings: { SESSION_EXPIRE_AT_BROWSER_CLOSE: true, SESSION_COOKIE_AGE: 600 } },
];
const SEEDS = [101, 202]; // more seeds run in development; two keep `npm test` short

function runFuzz(ref: string, mine: string, seed: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [FUZZ, ref, mine, String(seed), '50', SCENARIO], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { out += c; });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

describe.skipIf(!!skip)('differential fuzzing against real Django 3.2', () => {
  for (const c of CASES) {
    it(c.flags.join(' '), async () => {
      const ref = spawn(PYTHON, [APP, ...c.flags, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const server = await createCompanionServer({ sites: [{ engine: c.engine, settings: c.settings }], port: 0, quiet: true, logger: () => {} });
      try {
        const ready = await waitForOutput(ref, /DJANGO_REF_READY (\S+)/);
        const refUrl = ready.split(' ')[1];
        for (const seed of SEEDS) {
          const { code, out } = await runFuzz(refUrl, server.url, seed);
          expect(code, `seed ${seed} differs from real Django:\n${out}`).toBe(0);
        }
      } finally {
        ref.kill('SIGTERM');
        await server.close();
      }
    }, 120_000);
  }
});
