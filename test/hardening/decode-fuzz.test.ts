// Cross-decoder fuzzing through the dispatcher with no hints (detection is where one format's decoder
// meets another's cookie): spliced real cookies of different frameworks, each with the secrets of
// another, must decode or report an error in well under 50 ms, never throw. Compression bombs hidden
// behind detection (no name or format hint, nested, near the cap) must be refused. parseSetCookie too.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSetCookie, splitSetCookieHeaders } from '../../src/core/cookies/index.ts';
import { decodeCookie } from '../../src/core/decode/index.ts';
import type { DecodeInput } from '../../src/core/decode/types.ts';
import { base64UrlEncode } from '../../src/core/util/bytes.ts';
import { deflateZlib } from '../../src/core/util/zlib.ts';
import { CASE_BOUND_MS, CaseTimer } from './timing.ts';

const VECTORS = new URL('../fixtures/vectors/', import.meta.url);
const vectors = readdirSync(VECTORS).filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, VECTORS), 'utf8')) as { cookie: { name: string; value: string }; secrets: string[] }[]);
const values = vectors.map((v) => v.cookie.value);
const names = [...new Set(vectors.map((v) => v.cookie.name))];
const secrets = [...new Set(vectors.flatMap((v) => v.secrets))].filter((s) => s.length < 2000);

const spliced = fc.tuple(fc.constantFrom(...values), fc.constantFrom(...values), fc.nat(), fc.nat())
  .map(([a, b, i, j]) => a.slice(0, i % (a.length + 1)) + b.slice(j % (b.length + 1)));
const separators = fc.array(fc.oneof(fc.constantFrom(...values), fc.constantFrom(':', '.', '--', '%3A', 's%3A', '|', '"', '=', '.eJ')), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
const input: fc.Arbitrary<DecodeInput> = fc.record({
  value: fc.oneof(spliced, separators, fc.constantFrom(...values)),
  name: fc.option(fc.constantFrom(...names), { nil: undefined }),
  secrets: fc.option(fc.array(fc.constantFrom(...secrets), { maxLength: 3 }), { nil: undefined }),
}, { requiredKeys: ['value'] });

const decode = async (i: DecodeInput) => {
  const r = await decodeCookie(i);
  expect(['valid', 'invalid', 'unverified', 'not-applicable']).toContain(r.signature);
  expect(String(r.error ?? '')).not.toMatch(/decoder failed/);
};

function zlibB64(text: string): string {
  return base64UrlEncode(deflateZlib(new TextEncoder().encode(text), 9));
}

describe('cross-decoder fuzzing through the dispatcher', () => {
  it('spliced cookies of every framework with each other\'s secrets decode or fail cleanly, quickly', async () => {
    const timer = new CaseTimer<DecodeInput>();
    for (const value of values) await decodeCookie({ value }); // warm key caches and JIT before timing
    await fc.assert(fc.asyncProperty(input, async (i) => { await timer.time(i, decode); }), { numRuns: 1500 });
    const report = await timer.confirm(decode, 'decodeCookie (cross-decoder)');
    expect(report.confirmedMaxMs).toBeLessThan(CASE_BOUND_MS);
  }, 180_000);

  it('refuses compression bombs found by detection alone, nested or just past the cap', async () => {
    const huge = `{"a":"${'x'.repeat(8 * 1024 * 1024)}"}`;
    const nested = zlibB64(zlibB64(huge)); // a bomb whose inflated text is itself a compressed payload
    const justOver = `{"a":"${'y'.repeat(1024 * 1024)}"}`;
    const cases = [`.${zlibB64(huge)}:1xXqv6:${'A'.repeat(43)}`, `.${zlibB64(huge)}.awzcLA.${'A'.repeat(27)}`,
      `.${nested}:1xXqv6:${'A'.repeat(43)}`, `.${zlibB64(justOver)}:1xXqv6:${'A'.repeat(43)}`];
    for (const value of cases) {
      let best = Infinity;
      let result = await decodeCookie({ value, secrets: ['not-the-key'] });
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        result = await decodeCookie({ value, secrets: ['not-the-key'] });
        best = Math.min(best, performance.now() - start);
      }
      // refused, and no second round of inflation: a nested bomb's inner layer is just not JSON
      expect(result.payload).toBeNull();
      expect(result.error ?? '').toMatch(value.includes(nested) ? /not JSON|inflate/ : /inflates past 1048576 bytes/);
      console.info(`[hardening] bomb of ${value.length} chars refused in ${best.toFixed(1)} ms (best of 3): ${result.error}`);
    }
  }, 60_000);
});

describe('parseSetCookie per-case time', () => {
  it('stays under the bound on pathological headers (long attribute runs, separators, huge values)', async () => {
    const chunk = fc.oneof(fc.string({ unit: 'binary', maxLength: 50 }), fc.constantFrom(';', '=', ';;;;', ' ', '\t', 'Expires=', 'Max-Age=9'.repeat(50), 'Domain=.'.repeat(30), 'x'.repeat(5000), '\n'));
    const header = fc.array(chunk, { maxLength: 60 }).map((p) => p.join(''));
    const timer = new CaseTimer<string>();
    const run = (h: string) => { for (const line of splitSetCookieHeaders(h)) parseSetCookie(line); };
    fc.assert(fc.property(header, (h) => { timer.timeSync(h, run); }), { numRuns: 3000 });
    for (const h of [';'.repeat(200_000), '='.repeat(200_000), `a=b${'; Path=/'.repeat(20_000)}`, `a=${'\u00e9'.repeat(100_000)}`]) timer.timeSync(h, run);
    const report = await timer.confirm(run, 'parseSetCookie');
    expect(report.confirmedMaxMs).toBeLessThan(CASE_BOUND_MS);
  }, 60_000);
});
