// The protocol guards face whatever a compromised page, a stale panel or a buggy peer sends: fuzz every
// direction's table with arbitrary values, near-miss envelopes and valid-looking payloads with hostile
// fields. The guard must answer ok or a one-line error, never throw, and never accept a wrong shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_TO_CONTENT, CONTENT_TO_BACKGROUND, DEBUG_TO_BACKGROUND, PANEL_TO_BACKGROUND, PROTOCOL_VERSION, isEnvelope, parseMessage,
} from '../../src/core/protocol/index.ts';
import { CASE_BOUND_MS, CaseTimer } from './timing.ts';

const TABLES = { PANEL_TO_BACKGROUND, CONTENT_TO_BACKGROUND, BACKGROUND_TO_CONTENT, DEBUG_TO_BACKGROUND } as const;
const allTypes = Object.values(TABLES).flatMap((t) => Object.keys(t));

const hostile = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.constantFrom(JSON.parse('{"__proto__": {"polluted": true}}'), JSON.parse('{"constructor": {"prototype": {"x": 1}}}'),
    'x'.repeat(1_000_000), Array.from({ length: 100_000 }, () => 'n'), NaN, -0, Infinity, Number.MAX_SAFE_INTEGER + 2),
);
const nearEnvelope = fc.record({
  v: fc.oneof(fc.constant(PROTOCOL_VERSION), hostile),
  type: fc.oneof(fc.constantFrom(...allTypes, '__proto__', 'constructor', 'toString', 'hasOwnProperty'), hostile),
  id: fc.option(fc.oneof(fc.integer(), fc.double(), hostile), { nil: undefined }),
  payload: fc.oneof(hostile, fc.dictionary(fc.constantFrom('tabId', 'url', 'cookie', 'site', 'secrets', 'patch', 'writes', 'names', 'since', 'persist', 'items', 'enabled'), hostile, { maxKeys: 6 })),
}, { requiredKeys: ['v', 'type', 'payload'] });

describe('protocol guards under fuzzing', () => {
  it('every table answers ok or a string error for arbitrary values and near-miss envelopes, quickly', async () => {
    const timer = new CaseTimer<unknown>();
    const check = (value: unknown) => {
      for (const table of Object.values(TABLES)) {
        const parsed = parseMessage(table as never, value);
        if (parsed.ok) {
          expect(Object.keys(table)).toContain((parsed.message as { type: string }).type);
          expect(isEnvelope(value, Object.keys(table))).toBe(true);
        } else {
          expect(typeof parsed.error).toBe('string');
          expect(parsed.error.length).toBeLessThan(500);
        }
      }
    };
    fc.assert(fc.property(fc.oneof(hostile, nearEnvelope), (value) => { timer.timeSync(value, check); }), { numRuns: 4000 });
    const report = await timer.confirm(check, 'protocol guards');
    expect(report.confirmedMaxMs).toBeLessThan(CASE_BOUND_MS);
  }, 120_000);

  it('never lets a prototype-polluting payload change Object.prototype', () => {
    for (const type of allTypes) {
      parseMessage(PANEL_TO_BACKGROUND as never, JSON.parse(`{"v":${PROTOCOL_VERSION},"type":${JSON.stringify(type)},"payload":{"__proto__":{"polluted":1},"patch":{"__proto__":{"polluted":1}}}}`));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses oversized strings and arrays with an error naming the field', () => {
    const big = { v: PROTOCOL_VERSION, type: 'readableCookies', payload: { url: 'https://a.test/', names: Array.from({ length: 100_000 }, () => 'n') } };
    const r = parseMessage(CONTENT_TO_BACKGROUND, big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/names/);
    const long = { v: PROTOCOL_VERSION, type: 'hello', payload: { url: 'https://a.test/' + 'x'.repeat(1_000_000) } };
    const r2 = parseMessage(CONTENT_TO_BACKGROUND, long);
    expect(r2.ok).toBe(false);
  });

  it('does not accept a content-script message type on the panel channel or vice versa', () => {
    const content = { v: PROTOCOL_VERSION, type: 'passwordSubmit', payload: { url: 'https://a.test/', action: 'https://a.test/login' } };
    expect(parseMessage(CONTENT_TO_BACKGROUND, content).ok).toBe(true);
    expect(parseMessage(PANEL_TO_BACKGROUND, content).ok).toBe(false);
    const panel = { v: PROTOCOL_VERSION, type: 'getSecrets', payload: { site: 'a.test' } };
    expect(parseMessage(PANEL_TO_BACKGROUND, panel).ok).toBe(true);
    expect(parseMessage(CONTENT_TO_BACKGROUND, panel).ok).toBe(false);
  });
});
