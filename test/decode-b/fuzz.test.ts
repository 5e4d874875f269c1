// Thousands of malformed values against every decoder here: nothing may throw, hang or return a malformed result.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DecodeInput } from '../../src/core/decode/types.ts';
import { expressSessionDecoder } from '../../src/core/decode/express/express-session.ts';
import { cookieSessionDecoder } from '../../src/core/decode/cookie-session/cookie-session.ts';
import { jwtDecoder } from '../../src/core/decode/jwt/jwt.ts';
import { railsDecoder } from '../../src/core/decode/rails/rails.ts';
import { phpDecoder } from '../../src/core/decode/php/php.ts';
import { decodePhpSessionFile } from '../../src/core/decode/php/php-session-file.ts';
import { readMarshal } from '../../src/core/decode/rails/marshal.ts';
import { loadVectors } from './vector-input.ts';

const DECODERS = [expressSessionDecoder, cookieSessionDecoder, jwtDecoder, railsDecoder, phpDecoder];
const seeds = loadVectors('express', 'jwt', 'rails', 'php').map((v) => v.cookie.value);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_%.:';

/** A real cookie with a few characters replaced, inserted or cut: the shapes decoders actually half-recognise. */
const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...B64.split(''), '', '--', '\u0000', 'é')), { maxLength: 4 }), fc.nat())
  .map(([seed, edits, cut]) => {
    let s = seed;
    for (const [at, ch] of edits) { const i = at % (s.length + 1); s = s.slice(0, i) + ch + s.slice(i + 1); }
    return cut % 3 === 0 ? s.slice(0, cut % (s.length + 1)) : s;
  });

const pieces = fc.array(fc.constantFrom('s:', 's%3A', '.', '--', 'eyJ', 'e30', '==', '%2F', 'a:1:{', 'i:', 's:5:"', '|', ';', '}', 'R:1;', 'O:8:"stdClass":', 'Bearer ', '"', '\u0004\b'), { maxLength: 12 }).map((p) => p.join(''));
const value = fc.oneof(mutated, pieces, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme-ascii', maxLength: 200 }));

const input = fc.record({
  value,
  name: fc.option(fc.constantFrom('connect.sid', 'session', 'token', '_app_session', 'PHPSESSID', ''), { nil: undefined }),
  secrets: fc.option(fc.array(fc.constantFrom('', 'k', 'express-public-secret-keyboard-cat-8c1f0e', '{"keys":[{}]}', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'), { maxLength: 2 }), { nil: undefined }),
  companion: fc.option(fc.array(fc.record({ name: fc.constantFrom('session.sig', 'x.sig', 'other'), value: fc.string({ maxLength: 30 }) }), { maxLength: 2 }), { nil: undefined }),
  now: fc.option(fc.oneof(fc.integer(), fc.constant(Number.NaN)), { nil: undefined }),
  format: fc.option(fc.constantFrom('jwt', 'rails', 'php', 'express-session', 'cookie-session'), { nil: undefined }),
}) as fc.Arbitrary<DecodeInput>;

function checkShape(result: unknown): void {
  if (result === null) return;
  const r = result as Record<string, unknown>;
  expect(typeof r.format).toBe('string');
  expect(['valid', 'invalid', 'unverified', 'not-applicable']).toContain(r.signature);
  expect(Array.isArray(r.reasons)).toBe(true);
  expect(() => JSON.stringify(r)).not.toThrow();
  // guardDecode turns an unexpected exception into "<format> decoder failed: …": that would be a bug, not bad input.
  expect(String(r.error ?? '')).not.toMatch(/decoder failed/);
}

describe('fuzz', () => {
  it('every decoder scores and decodes 3000 malformed inputs without throwing', async () => {
    await fc.assert(fc.asyncProperty(input, async (inp) => {
      for (const d of DECODERS) {
        const score = d.score(inp);
        expect(Number.isFinite(score) && score >= 0).toBe(true);
        checkShape(await d.decode(inp));
      }
    }), { numRuns: 3000 });
  });

  it('handles 1 MiB values of every half-recognised shape', async () => {
    const big = 'A'.repeat(1 << 20);
    const values = [big, `s:${big}.`, `s%3A${big}`, `eyJhbGciOiJIUzI1NiJ9.${big}.${big}`, `${big}--${big}--${big}`, `${big}--${'a'.repeat(40)}`,
      'a:1:{'.repeat(200_000), `x|s:${1 << 21}:"${big}";`, '--'.repeat(500_000), 'Bearer '.repeat(150_000)];
    for (const v of values) {
      for (const d of DECODERS) checkShape(await d.decode({ value: v, name: 'session', secrets: ['k'], companion: [{ name: 'session.sig', value: 'x' }] }));
    }
  });

  it('session-file and Marshal readers survive 5000 random byte strings each', () => {
    const bytes = fc.uint8Array({ maxLength: 200 });
    fc.assert(fc.property(bytes, fc.boolean(), (b, prefix) => {
      const data = prefix ? new Uint8Array([4, 8, ...b]) : b;
      expect(readMarshal(data)).toHaveProperty('ok');
      expect(decodePhpSessionFile(data)).toHaveProperty('ok');
    }), { numRuns: 5000 });
  });
});
