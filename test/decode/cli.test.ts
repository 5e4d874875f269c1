// Spawns the real CLI entry (node bin/sessionscope.js decode ...) as a user would.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadVectors } from './vectors.ts';

const BIN = fileURLToPath(new URL('../../bin/sessionscope.js', import.meta.url));

function run(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'decode', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const django = loadVectors('django');
const flask = loadVectors('flask');
const small = django.find((v) => v.id === 'django-signed_cookies-small-1')!;

describe('sessionscope decode', () => {
  it('prints a readable tree for one value', async () => {
    const { code, stdout } = await run(['--name', 'sessionid', '--secret', 'wrong', '--secret', small.secrets[0], '--now', String(small.options.now), small.cookie.value]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^format +django \(signed_cookies-session\)$/m);
    expect(stdout).toMatch(/^signature +valid \(secret #1/m);
    expect(stdout).toMatch(/"user_id": 42/);
  });

  it('prints JSON with --json, honouring --salt/--key-prefix/--max-age', async () => {
    const v = django.find((x) => x.id === 'django-set_signed_cookie-expired-1')!;
    const { code, stdout } = await run(['--json', '--name', v.cookie.name, '--secret', v.secrets[0], '--salt', 'remember-me',
      '--key-prefix', 'django.http.cookies', '--max-age', '86400', '--now', String(v.options.now), '--', v.cookie.value]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ format: 'django', kind: 'set_signed_cookie', signature: 'valid', expired: true, payload: v.expect.payload });
  });

  it('answers --jsonl line by line, in order, echoing ids and surviving bad lines', async () => {
    const vectors = [...django, ...flask];
    const lines = vectors.map((v, i) => JSON.stringify({ id: i, value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now,
      salt: v.options.salt ?? undefined, keyPrefix: v.options.keyPrefix ?? undefined, maxAge: v.options.maxAgeSeconds ?? undefined, serverRecord: v.serverRecord, format: v.format, extra: 'ignored' }));
    lines.splice(3, 0, '{not json', '["array"]');
    const { code, stdout } = await run(['--jsonl'], lines.join('\n') + '\n');
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(vectors.length + 2);
    expect(out[3]).toMatchObject({ id: null, error: expect.stringMatching(/invalid JSON/) });
    expect(out[4]).toMatchObject({ id: null, error: expect.stringMatching(/value/) });
    const answers = out.filter((_, i) => i !== 3 && i !== 4);
    answers.forEach((line, i) => {
      const v = vectors[i];
      expect(Object.keys(line).filter((k) => k !== 'error')).toEqual(['id', 'format', 'payload', 'signature', 'compressed', 'timestamp', 'expired']);
      expect(line).toMatchObject({ id: i, format: v.format, payload: v.expect.payload, signature: v.expect.signature, compressed: v.expect.compressed, timestamp: v.expect.timestamp, expired: v.expect.expired });
    });
  });

  it('exits 2 with a one-line message on bad usage', async () => {
    for (const args of [[], ['a', 'b'], ['--max-age', 'soon', 'v'], ['--companion', 'novalue', 'v'], ['--jsonl', 'v'], ['--nope', 'v']]) {
      const { code, stderr, stdout } = await run(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^sessionscope decode: /);
    }
  });
});
