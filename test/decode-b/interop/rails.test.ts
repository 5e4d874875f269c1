// Interop with real ActiveSupport 6.1 (ruby-rails from apt): its cookies decode here, and Ruby reads the cookies we write.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/core/protocol/index.ts';
import { railsDecoder } from '../../../src/core/decode/rails/rails.ts';
import { encryptRailsCookie, encryptRailsCookieCbc, signRailsCookie } from '../../../src/core/decode/rails/rails-encode.ts';

const SCRIPT = fileURLToPath(new URL('./rails-cookies.rb', import.meta.url));
const probe = spawnSync('ruby', ['-e', 'require "active_support"; require "rack/utils"'], { encoding: 'utf8' });
const hasRuby = probe.status === 0;
if (!hasRuby) console.warn(`skipping Rails interop: ruby with active_support and rack is not available (${probe.error?.message ?? probe.stderr.trim()})`);

interface Written { kind: string; hash: string; serializer: string; value: string; expect: Json }
function runRuby(request: object): { written: Written[]; read: Json[] } {
  const out = spawnSync('ruby', [SCRIPT], { input: JSON.stringify(request), encoding: 'utf8', timeout: 60_000 });
  if (out.status !== 0) throw new Error(`ruby failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const SECRET = 'interop-secret-key-base-ÿ-0123456789abcdef';
const EXP = 1_900_000_000;

describe.skipIf(!hasRuby)('Rails interop (ActiveSupport 6.1)', () => {
  it('decodes every cookie ActiveSupport writes: GCM, signed, CBC; SHA1 and SHA256 key generators; JSON and Marshal', async () => {
    const { written } = runRuby({ secret: SECRET });
    expect(written.length).toBeGreaterThanOrEqual(24);
    for (const c of written) {
      const r = await railsDecoder.decode({ value: c.value, name: 'interop', secrets: ['wrong', SECRET], now: EXP - 1 });
      expect({ kind: c.kind, payload: r?.payload, signature: r?.signature, expired: r?.expired, expiresAt: r?.expiresAt, secretIndex: r?.secretIndex, keys: r?.matched?.keyDerivation, error: r?.error })
        .toEqual({ kind: c.kind, payload: c.expect, signature: 'valid', expired: false, expiresAt: EXP, secretIndex: 1, keys: `PBKDF2-HMAC-${c.hash}`, error: undefined });
      expect((await railsDecoder.decode({ value: c.value, name: 'interop', secrets: [SECRET], now: EXP }))?.expired).toBe(true);
    }
  });

  it('writes cookies ActiveSupport accepts', async () => {
    const value: Json = { session_id: 'abc', n: [1, 'two', null], s: 'Zoë' };
    const opts = { name: 'interop', expires: null };
    const ours = [
      { kind: 'gcm', hash: 'SHA1', value: await encryptRailsCookie(value, SECRET, opts) },
      { kind: 'signed', hash: 'SHA1', value: await signRailsCookie(value, SECRET, opts) },
      { kind: 'cbc', hash: 'SHA1', value: await encryptRailsCookieCbc(value, SECRET, opts) },
      { kind: 'gcm', hash: 'SHA256', value: await encryptRailsCookie(value, SECRET, { ...opts, keyHash: 'SHA-256' }) },
    ];
    const { read } = runRuby({ secret: SECRET, read: ours.map((c) => ({ ...c, name: 'interop' })) });
    expect(read).toEqual(ours.map(() => value));
  });
});
