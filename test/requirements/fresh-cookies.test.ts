// Cookies made by the real frameworks in configurations the shared vectors do not cover (custom salts, other
// digests and key derivations, key rotation, JWK sets, Rails 7's SHA-256 key generator). How each was made is
// in fixtures/fresh-cookies.json ("how"); secrets there are throwaway test values.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';
import type { DecodeInput } from '../../src/core/decode/types.ts';

interface Fresh { id: string; how: string; input: DecodeInput; expect: Record<string, unknown> }

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));
const fresh = JSON.parse(readFileSync(new URL('./fixtures/fresh-cookies.json', import.meta.url), 'utf8')) as Fresh[];

describe('decoding fresh framework cookies', () => {
  it.each(fresh.map((f) => [f.id, f] as const))('%s', async (_id, f) => {
    expect(await decodeCookie(f.input)).toMatchObject(f.expect);
  });

  it('gives the same verdicts through `sessionscope decode --jsonl`', { timeout: 90_000 }, () => {
    const stdin = fresh.map((f) => JSON.stringify({ id: f.id, ...f.input })).join('\n');
    const run = spawnSync(process.execPath, [BIN, 'decode', '--jsonl'], { input: stdin, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.format, l.signature])).toEqual(fresh.map((f) => [f.id, f.expect.format, f.expect.signature]));
  });
});
