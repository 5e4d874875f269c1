// The HAR reader takes files users drag in from anywhere: mutated real exports (Chrome and Firefox),
// shaped-but-wrong JSON and random text must give exchanges or a HarError (one line), never another
// exception, and each case must stay fast. auditHar over the survivors must not throw either.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HarError, auditHar, readHar } from '../../src/core/har/index.ts';
import { CASE_BOUND_MS, CaseTimer } from './timing.ts';

const exports = ['chrome', 'firefox'].map((b) => readFileSync(new URL(`../audit/fixtures/${b}.har`, import.meta.url), 'utf8'));

const mutatedText = fc.tuple(fc.constantFrom(...exports), fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), fc.constantFrom('cut', 'insert', 'drop', 'swap'))
  .map(([text, a, b, junk, op]) => {
    const i = a % text.length; const j = Math.min(text.length, i + (b % 200));
    if (op === 'cut') return text.slice(0, i);
    if (op === 'insert') return text.slice(0, i) + junk + text.slice(i);
    if (op === 'drop') return text.slice(0, i) + text.slice(j);
    return text.slice(0, i) + text.slice(j, j + (j - i)) + text.slice(i, j) + text.slice(j + (j - i));
  });

// valid JSON whose HAR fields have the wrong types, are missing, or carry hostile strings
const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', 'not a url', 'http://a.test/x', 'javascript:alert(1)', 'x'.repeat(100_000)));
const header = fc.oneof(fc.record({ name: fc.constantFrom('set-cookie', 'Set-Cookie', 'cookie', 'x'), value: fc.oneof(fc.string(), fc.constantFrom('a=1\nb=2; Secure', 'sessionid=x; HttpOnly', '\u0000=\u0000')) }), field);
const entry = fc.record({
  request: fc.oneof(field, fc.record({ url: field, method: field, headers: fc.oneof(field, fc.array(header, { maxLength: 5 })), cookies: field, postData: field }, { requiredKeys: [] })),
  response: fc.oneof(field, fc.record({ status: field, headers: fc.oneof(field, fc.array(header, { maxLength: 5 })), cookies: fc.oneof(field, fc.array(fc.record({ name: fc.string(), value: fc.string(), expires: field }), { maxLength: 3 })) }, { requiredKeys: [] })),
  startedDateTime: field,
}, { requiredKeys: [] });
const shapedJson = fc.oneof(
  fc.record({ log: fc.oneof(field, fc.record({ entries: fc.oneof(field, fc.array(entry, { maxLength: 6 })), version: field }, { requiredKeys: [] })) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
).map((v) => JSON.stringify(v));

const anyText = fc.oneof(mutatedText, shapedJson, fc.string({ unit: 'binary', maxLength: 300 }));

function readOrHarError(text: string): void {
  try {
    const exchanges = readHar(text);
    expect(Array.isArray(exchanges)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(HarError);
    expect((error as Error).message).not.toContain('\n');
  }
}

describe('HAR reader under fuzzing', () => {
  it('mutated exports, wrong-typed JSON and random text give exchanges or a one-line HarError, quickly', async () => {
    const timer = new CaseTimer<string>();
    fc.assert(fc.property(anyText, (text) => { timer.timeSync(text, readOrHarError); }), { numRuns: 3000 });
    const report = await timer.confirm(readOrHarError, 'HAR reader');
    expect(report.confirmedMaxMs).toBeLessThan(CASE_BOUND_MS);
  }, 120_000);

  it('auditHar either audits or rejects with HarError on hundreds of mutated exports', async () => {
    const timer = new CaseTimer<string>();
    const run = async (text: string) => {
      try {
        expect(Array.isArray(await auditHar(text))).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(HarError);
      }
    };
    await fc.assert(fc.asyncProperty(fc.oneof(mutatedText, shapedJson), async (text) => { await timer.time(text, run); }), { numRuns: 300 });
    await timer.confirm(run, 'auditHar');
  }, 120_000);

  it('rejects a deeply nested or non-HAR document with a clear error', () => {
    for (const text of ['[]', 'null', '"log"', '{"log": 5}', '['.repeat(100_000), '{"log":{"entries":{}}}', '']) {
      expect(() => readHar(text)).toThrow(HarError);
    }
  });
});
