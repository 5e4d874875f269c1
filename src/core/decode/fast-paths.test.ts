// The decoders keep caches (derived-key HMAC states, the last Django shape, a reused inflate buffer) and skip
// parsing values that cannot match. These tests check that none of it changes a result: a fresh module instance
// and one warmed on every other input, called in another order, must agree on every vector and its variants.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { CompanionCookie, DecodeInput, DecodeResult } from './types.ts';

interface VectorLike {
  format: string;
  cookie: { name: string; value: string };
  companionCookies?: Array<{ name: string; value: string }> | null;
  secrets: string[];
  options: { now: number; salt?: unknown; purpose?: unknown; keyPrefix?: unknown };
  serverRecord?: DecodeInput['serverRecord'] | null;
}

const DIR = fileURLToPath(new URL('../../../test/fixtures/vectors/', import.meta.url));
const vectors: VectorLike[] = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => JSON.parse(readFileSync(DIR + f, 'utf8')) as VectorLike[]);

function variants(v: VectorLike): DecodeInput[] {
  const bare: DecodeInput = { value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now };
  if (v.companionCookies?.length) bare.companion = v.companionCookies.map(({ name, value }) => ({ name, value }));
  if (v.serverRecord) bare.serverRecord = v.serverRecord;
  const hinted: DecodeInput = { ...bare, format: v.format };
  for (const k of ['salt', 'purpose', 'keyPrefix'] as const) if (typeof v.options[k] === 'string') hinted[k] = v.options[k] as string;
  const value = v.cookie.value;
  const flipped = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
  return [bare, hinted, { ...bare, secrets: [] }, { ...bare, secrets: ['wrong', ...v.secrets] }, { ...bare, value: flipped }, { ...bare, name: undefined }];
}

const inputs = vectors.flatMap(variants);

async function freshDecoder(): Promise<(input: DecodeInput) => Promise<DecodeResult>> {
  vi.resetModules();
  return (await import('./index.ts')).decodeCookie;
}

describe('caches and pre-checks never change a result', () => {
  it(`fresh and warmed decoders agree on ${inputs.length} inputs from every vector`, async () => {
    const cold = await freshDecoder();
    const first = [];
    for (const input of inputs) first.push(await cold(structuredClone(input)));
    const warm = await freshDecoder();
    for (let i = inputs.length - 1; i >= 0; i--) { // reversed order, each input twice in a row
      expect(await warm(structuredClone(inputs[i]))).toEqual(first[i]);
      expect(await warm(structuredClone(inputs[i]))).toEqual(first[i]);
    }
  }, 120_000);

  it('the early stop (no hint: first verified decoder that cannot be outranked) equals the full ranking', async () => {
    const decode = await freshDecoder();
    // An unknown hint is ignored by the ranking but turns the early stop off: the full path on the same input.
    for (const input of inputs.filter((i) => i.format === undefined)) {
      expect(await decode(structuredClone(input))).toEqual(await decode({ ...structuredClone(input), format: 'x-unknown-hint' }));
    }
  }, 60_000);

  it('no decoder scores an unhinted input above its declared maxScore', async () => {
    const { decoders } = await import('./index.ts');
    const names = fc.constantFrom(undefined, 'sessionid', 'messages', 'session', 'connect.sid', 'express:sess', 'PHPSESSID', '_app_session', 'jwt', 'id_token', 'x');
    const values = fc.oneof(fc.constantFrom(...inputs.map((i) => i.value)), fc.string(), fc.stringMatching(/^[A-Za-z0-9:._%|-]{0,80}$/));
    const companions = fc.constantFrom<CompanionCookie[] | undefined>(undefined, [{ name: 'session.sig', value: 'x' }], [{ name: 'express:sess.sig', value: 'y' }]);
    const check = (input: DecodeInput) => {
      for (const d of decoders) expect(d.score(input), `${d.format} on ${JSON.stringify(input)}`).toBeLessThanOrEqual(d.maxScore ?? Infinity);
    };
    for (const input of inputs.filter((i) => i.format === undefined)) check(input);
    fc.assert(fc.property(values, names, companions, fc.boolean(), (value, name, companion, record) => {
      check({ value, name, companion, ...(record ? { serverRecord: { content: value } } : {}) });
    }), { numRuns: 3000 });
  });

  it('values differing only after the cached prefix get their own result', async () => {
    const decode = await freshDecoder();
    const django = vectors.filter((v) => v.format === 'django' && v.cookie.value.includes(':')).slice(0, 10);
    for (const v of django) {
      const input: DecodeInput = { value: v.cookie.value, name: v.cookie.name, secrets: v.secrets, now: v.options.now };
      const good = await decode(input);
      const bad = await decode({ ...input, value: v.cookie.value.slice(0, -2) + 'xx' });
      expect(await decode(input)).toEqual(good);
      if (good.signature === 'valid') expect(bad.signature).not.toBe('valid');
    }
  });

  it('shape pre-checks keep accepting real Flask, JWT and Rails layouts however they are wrapped', async () => {
    const { decoders } = await import('./index.ts');
    const score = (format: string, value: string) => decoders.find((d) => d.format === format)!.score({ value });
    const seg = fc.stringMatching(/^[A-Za-z0-9_-]{2,30}$/);
    fc.assert(fc.property(seg, seg, fc.boolean(), (a, b, compressed) => {
      const flask = `${compressed ? '.' : ''}${a}.ZxYwVA.${'s'.repeat(27)}`;
      expect(score('flask', flask)).toBeGreaterThan(0);
      const header = 'eyJhbGciOiJIUzI1NiJ9'; // {"alg":"HS256"}
      for (const jwt of [`${header}.${a}.${b}`, `"${header}.${a}.${b}"`, `${header}%2E${a}%2E${b}`, `Bearer%20${header}.${a}.${b}`]) {
        expect(score('jwt', jwt)).toBeGreaterThan(0);
      }
      const data = btoa(`{"a":"${a}"}`);
      for (const rails of [`${data}--${'ab'.repeat(20)}`, `${data}%2D%2D${'ab'.repeat(20)}`]) expect(score('rails', rails)).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });
});
