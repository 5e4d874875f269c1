// Thousands of malformed values through the dispatcher and each decoder: nothing may throw or hang, and
// compression bombs must be refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCookie, decoders } from '../../src/core/decode/index.ts';
import { base64UrlEncode } from '../../src/core/util/bytes.ts';
import { deflateZlib } from '../../src/core/util/zlib.ts';
import { loadVectors } from './vectors.ts';

const samples = ['django', 'flask', 'express', 'rails', 'jwt', 'php'].flatMap((f) => loadVectors(f)).map((v) => v.cookie.value);

const mutate = fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.string({ maxLength: 4, unit: 'binary' }), fc.constantFrom('flip', 'cut', 'insert', 'dup'))
  .map(([s, at, junk, op]) => {
    const i = s.length ? at % s.length : 0;
    if (op === 'cut') return s.slice(0, i);
    if (op === 'insert') return s.slice(0, i) + junk + s.slice(i);
    if (op === 'dup') return s + s.slice(i);
    return s.slice(0, i) + String.fromCharCode((s.charCodeAt(i) || 65) ^ 1) + s.slice(i + 1);
  });
const shaped = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.stringMatching(/^\.?[A-Za-z0-9_-]{0,60}[:.][A-Za-z0-9_-]{0,8}[:.][A-Za-z0-9_-]{27}$/),
  fc.stringMatching(/^\.?[A-Za-z0-9_-]{0,60}:[A-Za-z0-9_-]{43}$/),
  fc.stringMatching(/^"[\\"a-z0-9:=]{0,40}"$/),
  mutate,
);
const inputs = fc.record({
  value: shaped,
  name: fc.option(fc.constantFrom('sessionid', 'session', 'messages', 'connect.sid', '_app_session', 'PHPSESSID', 'x'), { nil: undefined }),
  secrets: fc.option(fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }), { nil: undefined }),
  format: fc.option(fc.constantFrom('django', 'flask', 'jwt', 'rails', 'php-session', 'nonsense'), { nil: undefined }),
  now: fc.option(fc.integer({ min: 0, max: 4_000_000_000 }), { nil: undefined }),
}, { requiredKeys: ['value'] });

describe('fuzzing the decoders', () => {
  it('the dispatcher never throws on thousands of malformed values', async () => {
    await fc.assert(fc.asyncProperty(inputs, async (input) => {
      const result = await decodeCookie(input);
      expect(['valid', 'invalid', 'unverified', 'not-applicable']).toContain(result.signature);
      expect(Array.isArray(result.reasons)).toBe(true);
    }), { numRuns: 3000 });
  }, 120_000);

  it('no decoder throws out of decode() on garbage', async () => {
    await fc.assert(fc.asyncProperty(inputs, async (input) => {
      for (const d of decoders) {
        if (d.score(input) >= 0) await d.decode(input);
      }
    }), { numRuns: 1000 });
  }, 120_000);

  it('refuses non-object inputs with an error instead of crashing', async () => {
    for (const bad of [null, 42, 'x', { value: 1 }, { value: 'a', secrets: 'x' }, { value: 'a', now: 'later' }, { value: 'a', companion: [1] }]) {
      const result = await decodeCookie(bad as never);
      expect(result.error).toBeTruthy();
    }
  });

  it('refuses compression bombs in Django and Flask payloads with a clear error', async () => {
    const bomb = '.' + base64UrlEncode(deflateZlib(new TextEncoder().encode(`{"a":"${'x'.repeat(4 * 1024 * 1024)}"}`)));
    for (const value of [`${bomb}:1xXqv6:${'A'.repeat(43)}`, `${bomb}.awzcLA.${'A'.repeat(27)}`]) {
      const result = await decodeCookie({ value, secrets: ['s'] });
      expect(['django', 'flask']).toContain(result.format);
      expect(result.payload).toBeNull();
      expect(result.error).toMatch(/inflates past 1048576 bytes/);
    }
  });
});
