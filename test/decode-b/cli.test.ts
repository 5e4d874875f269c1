// `sessionscope decode --jsonl` end to end on the express/JWT/Rails/PHP vectors, with only what a browser knows.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { bareInput, loadVectors } from './vector-input.ts';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));
const FIELDS = ['format', 'payload', 'signature', 'compressed', 'timestamp', 'expired'] as const;

it('decode --jsonl reproduces every recorded field, in input order', () => {
  const vectors = loadVectors('express', 'jwt', 'rails', 'php');
  const stdin = vectors.map((v) => JSON.stringify({ id: v.id, ...bareInput(v) })).join('\n');
  const run = spawnSync(process.execPath, [BIN, 'decode', '--jsonl'], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.map((l) => l.id)).toEqual(vectors.map((v) => v.id));
  lines.forEach((line, i) => {
    const v = vectors[i];
    const want = { ...Object.fromEntries(FIELDS.map((f) => [f, v.expect[f]])), format: v.format };
    expect({ id: line.id, ...Object.fromEntries(FIELDS.map((f) => [f, line[f]])) }).toEqual({ id: v.id, ...want });
  });
});
