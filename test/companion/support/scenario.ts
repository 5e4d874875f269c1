// Runs the reference scenario (peers/django_ref/scenario.py, real Django's judge) against a companion URL and
// compares with a recorded transcript. Only the documented /store internal a non-Python server cannot
// reproduce is masked: the cache backend's class name.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';
export const SCENARIO = '/work/shared/peers/django_ref/scenario.py';
export const TRANSCRIPTS = join(import.meta.dirname, '../../fixtures/django-transcripts');

export function scenarioSkipReason(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing: the scenario replay needs the system Python`;
  if (!existsSync(SCENARIO)) return `${SCENARIO} is missing: the reference scenario is not available on this machine`;
  return null;
}

export function runScenario(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCENARIO, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`scenario.py exited ${code}: ${err}`))));
  });
}

/** The only allowed difference: which cache class stored the pickle (ours emulates Django's). */
export const maskInternals = (text: string): string => text.replace(/"cache_backend": "[^"]*"/g, '"cache_backend": "<cache backend>"');

export function transcript(version: '3.2' | '4.2' | '5.2', name: string): string | null {
  const path = join(TRANSCRIPTS, version === '3.2' ? '' : `django-${version}`, `${name}.txt`);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** First differing lines (with their step headers) for a readable assertion message. */
export function describeDiff(expected: string, actual: string, max = 6): string {
  const a = expected.split('\n'), b = actual.split('\n');
  const out: string[] = [];
  let header = '';
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < max * 3; i++) {
    if (a[i]?.startsWith('###')) header = a[i];
    if (a[i] !== b[i]) out.push(header, `- ${a[i] ?? '(end)'}`, `+ ${b[i] ?? '(end)'}`);
  }
  return out.join('\n');
}
