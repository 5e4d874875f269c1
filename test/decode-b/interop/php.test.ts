// Interop with real PHP (php-cli from apt): session files written by session_start() with each serialize_handler
// decode to exactly what json_encode($_SESSION) prints, and the ids are recognised for every bits_per_character.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { base64Decode } from '../../../src/core/util/bytes.ts';
import { decodePhpSessionFile, type PhpHandler } from '../../../src/core/decode/php/php-session-file.ts';
import { parsePhpSessionId } from '../../../src/core/decode/php/php-session-id.ts';
import { phpDecoder } from '../../../src/core/decode/php/php.ts';

const probe = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
const hasPhp = probe.status === 0;
if (!hasPhp) console.warn(`skipping PHP interop: php-cli is not available (${probe.error?.message ?? probe.stderr})`);

interface Written { handler: PhpHandler; bits: number; id: string; cookie: string; contentBase64: string; json: string }
const dir = mkdtempSync(join(tmpdir(), 'sessionscope-php-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeSessions(): Written[] {
  const script = fileURLToPath(new URL('./php-sessions.php', import.meta.url));
  const out = spawnSync('php', [script, dir], { encoding: 'utf8', timeout: 60_000 });
  if (out.status !== 0) throw new Error(`php failed: ${out.stderr}${out.stdout}`);
  return JSON.parse(out.stdout);
}

describe.skipIf(!hasPhp)(`PHP interop (${probe.stdout})`, () => {
  const sessions = hasPhp ? writeSessions() : [];

  it('wrote one session per handler / id configuration', () => {
    expect(sessions.map((s) => s.handler)).toEqual(['php', 'php_serialize', 'php_binary', 'php', 'php_serialize']);
  });

  it.each(sessions.map((s) => [`${s.handler} ${s.bits}-bit`, s] as const))('%s: file decodes like json_encode, handler detected', (_label, s) => {
    const bytes = base64Decode(s.contentBase64)!;
    const auto = decodePhpSessionFile(bytes);
    expect(auto).toEqual({ ok: true, handler: s.handler, data: JSON.parse(s.json) });
    expect(decodePhpSessionFile(bytes, s.handler)).toEqual(auto);
  });

  it.each(sessions.map((s) => [`${s.handler} ${s.bits}-bit`, s] as const))('%s: the cookie id is recognised and joined to its file', async (_label, s) => {
    const sid = parsePhpSessionId(s.cookie);
    expect(sid?.id).toBe(s.id);
    expect(sid!.bitsPerCharacter).toBeLessThanOrEqual(s.bits);
    const r = await phpDecoder.decode({ value: s.cookie, name: 'PHPSESSID', serverRecord: { contentBase64: s.contentBase64 } });
    expect(r).toMatchObject({ format: 'php', signature: 'not-applicable', payload: JSON.parse(s.json) });
  });
});
