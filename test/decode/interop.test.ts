// Real Django 3.2 / Flask 2.2 (Debian's, under /usr/bin/python3) sign random payloads; we must decode and verify
// every one of them, and re-encode byte for byte with the same timestamp.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCookie } from '../../src/core/decode/index.ts';
import { dumpsDjango, encodeSessionData, signDjango, timestampSignDjango } from '../../src/core/decode/django/signing.ts';
import { encodeFlaskSession } from '../../src/core/decode/flask/itsdangerous.ts';
import { parsePythonJsonExact } from '../../src/core/python/json.ts';
import type { Json } from '../../src/core/protocol/index.ts';

const PYTHON = '/usr/bin/python3';
const COUNT = Number(process.env.INTEROP_COUNT ?? 25);
const SCRIPT = fileURLToPath(new URL('./interop.py', import.meta.url));
const probe = spawnSync(PYTHON, ['-c', 'import django, flask'], { encoding: 'utf8' });
const available = probe.status === 0;
const why = available ? '' : ` (skipped: ${PYTHON} cannot import django/flask: ${(probe.stderr || String(probe.error)).trim().split('\n').pop()})`;

interface Case { framework: string; kind: string; value: string; name: string; secret: string; salt: string | null; keyPrefix: string | null; json: string }

function generate(seed: number, count: number): Case[] {
  const out = spawnSync(PYTHON, [SCRIPT, String(seed), String(count)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`interop.py failed: ${out.stderr}`);
  return out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Case);
}

async function reencode(c: Case, ts: number): Promise<string> {
  const exact = parsePythonJsonExact(c.json);
  const key = (c.kind === 'messages-cookie' ? 'django.http.cookies' : c.keyPrefix ?? '') + c.secret;
  switch (c.kind) {
    case 'signing.dumps': return dumpsDjango(exact, { key, salt: c.salt as string, compress: c.value.startsWith('.'), timestamp: ts });
    case 'messages-cookie': return dumpsDjango(exact, { key, salt: 'django.contrib.messages', compress: true, timestamp: ts });
    case 'signed_cookies-session': return dumpsDjango(exact, { key, salt: 'django.contrib.sessions.backends.signed_cookies', compress: true, timestamp: ts });
    case 'session-data': return encodeSessionData(exact, { secretKey: c.secret, timestamp: ts });
    case 'TimestampSigner.sign': case 'set_signed_cookie': return timestampSignDjango(exact as string, { key, salt: c.salt as string, timestamp: ts });
    case 'Signer.sign': return signDjango(exact as string, { key, salt: c.salt as string });
    default: return encodeFlaskSession(exact as Json, { secretKey: c.secret, timestamp: ts });
  }
}

describe('interop with real Django and Flask', () => {
  it.skipIf(!available)(`decodes, verifies and re-encodes what the frameworks sign${why}`, async () => {
    const cases = generate(Date.now() % 100000, COUNT);
    expect(cases.length).toBe(COUNT * 8);
    for (const c of cases) {
      const input = { value: c.value, name: c.name, secrets: ['not-it', c.secret], ...(c.salt !== null ? { salt: c.salt } : {}), ...(c.keyPrefix !== null ? { keyPrefix: c.keyPrefix } : {}) };
      const result = await decodeCookie(input);
      const context = `${c.kind} ${JSON.stringify(c.value)}`;
      expect(result.format, context).toBe(c.framework);
      expect(result.signature, `${context} salt=${JSON.stringify(c.salt)} secret=${JSON.stringify(c.secret)} ${result.reasons.join(" / ")}`).toBe('valid');
      expect(result.secretIndex, context).toBe(1);
      expect(result.payload, context).toEqual(JSON.parse(c.json));
      const ts = result.timestamp ?? 0;
      expect(await reencode(c, ts), context).toBe(c.value);
    }
  }, 60_000);
});
