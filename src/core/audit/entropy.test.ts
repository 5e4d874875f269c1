import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphabetSize, analyseIdSample, estimateIdBits } from './entropy.ts';
import { base64UrlEncode, hexEncode } from '../util/bytes.ts';

const random = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

describe('estimateIdBits', () => {
  it('rates crypto-random ids at or above 64 bits', () => {
    // 16 random bytes and more: an all-digit hex id (read as decimal) has probability 3e-7 per id.
    for (let i = 0; i < 200; i++) {
      expect(estimateIdBits(hexEncode(random(16))).bits).toBeGreaterThanOrEqual(64);
      expect(estimateIdBits(base64UrlEncode(random(16))).bits).toBeGreaterThanOrEqual(64);
      expect(estimateIdBits(base64UrlEncode(random(24))).bits).toBeGreaterThanOrEqual(64);
    }
  });

  it.each(['12345678', '1700000000123', 'aaaaaaaaaaaaaaaaaaaaaaaa', 'abababababababababababab', 'deadbeef', 'abcdabcdabcdabcdabcdabcd', 'Xk9pXk9pXk9pXk9pXk9pXk9p'])('rates %s under 64 bits', (id) => {
    expect(estimateIdBits(id).bits).toBeLessThan(64);
  });
});

describe('analyseIdSample', () => {
  it('finds nothing weak in random ids', () => {
    const ids = Array.from({ length: 20 }, () => hexEncode(random(16)));
    expect(analyseIdSample(ids)!.bits).toBeGreaterThanOrEqual(64);
    expect(analyseIdSample(ids.slice(0, 2))).toBeNull();
  });

  it('spots counters', () => {
    const ids = ['sess-000000001041', 'sess-000000001042', 'sess-000000001045'];
    expect(analyseIdSample(ids)).toMatchObject({ bits: 0, pattern: expect.stringMatching(/counter/) });
  });

  it('spots a long shared prefix that leaves few varying positions', () => {
    const ids = Array.from({ length: 8 }, () => `a1b2c3d4e5f6a7b8c9d0e1f2${hexEncode(random(4))}`);
    const result = analyseIdSample(ids)!;
    expect(result.bits).toBeLessThan(64);
    expect(result.pattern).toMatch(/constant positions/);
  });

  it('spots positions with little variety', () => {
    const ids = Array.from({ length: 40 }, () => hexEncode(random(16)).replace(/[0-9a-f]/g, (c, i: number) => (i % 2 ? (parseInt(c, 16) % 2 ? 'a' : 'b') : c)));
    const result = analyseIdSample(ids)!;
    expect(result.pattern).toMatch(/little variety/);
  });
});

describe('analyseIdSample against the plain definitions', () => {
  // the straightforward forms the optimised scan must agree with (counter: every id a digit tail after one
  // shared head, non-zero steps under 10,000; per position: the number of distinct characters)
  const counterRef = (ids: string[]): boolean => {
    const tails = ids.map((id) => /(\d+)$/.exec(id)?.[1]);
    if (tails.some((t) => t === undefined)) return false;
    if (new Set(ids.map((id, i) => id.slice(0, id.length - tails[i]!.length))).size > 1) return false;
    const nums = tails.map(Number);
    return nums.slice(1).map((n, i) => n - nums[i]).every((d) => d !== 0 && Math.abs(d) < 10_000);
  };
  const variety = (ids: string[]): number[] => Array.from(ids[0], (_, i) => new Set(ids.map((id) => id[i])).size);
  const chars = fc.constantFrom(...'0123456789abcXYZ-é\u{1F600}'.split(''));
  const id = fc.array(chars, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  const counterIds = fc.tuple(fc.constantFrom('', 's-', 'ab'), fc.integer({ min: 0, max: 1e6 }), fc.array(fc.oneof(fc.integer({ min: -12_000, max: 12_000 }), fc.constantFrom(0, 1, 9_999, 10_000, -9_999, -10_000)), { minLength: 2, maxLength: 8 }))
    .map(([head, start, steps]) => steps.reduce((list, s) => [...list, list[list.length - 1] + s], [start]).map((n) => `${head}${Math.abs(n)}`));

  it('calls exactly the counters a counter', () => {
    fc.assert(fc.property(fc.oneof(fc.array(id, { minLength: 3, maxLength: 12 }), counterIds), (ids) => {
      const distinct = [...new Set(ids)];
      if (distinct.length < 3) return;
      expect(analyseIdSample(ids)?.pattern === 'ids increase like a counter').toBe(counterRef(distinct));
    }), { numRuns: 2000 });
  });

  it('counts constant and low-variety positions as a set per position would', () => {
    const sameLength = fc.integer({ min: 1, max: 8 }).chain((n) => fc.array(fc.array(chars, { minLength: n, maxLength: n }).map((a) => a.join('')), { minLength: 3, maxLength: 40 }));
    fc.assert(fc.property(sameLength, (ids) => {
      const distinct = [...new Set(ids)];
      const result = analyseIdSample(ids);
      if (distinct.length < 3 || counterRef(distinct) || distinct.some((x) => x.length !== distinct[0].length)) return;
      const constant = variety(distinct).filter((v) => v === 1).length;
      expect(result!.pattern ?? '').toContain(constant ? `${constant} constant positions` : '');
      if (!constant) expect(result!.pattern ?? '').not.toContain('constant');
    }), { numRuns: 1000 });
  });
});

describe('estimateIdBits against the plain definitions', () => {
  // regex classes, a Set of symbols and a Map of characters: what the one-pass ASCII scan must reproduce exactly
  const alphabetRef = (id: string): number => {
    const digits = /\d/.test(id), lower = /[a-z]/.test(id), upper = /[A-Z]/.test(id);
    const symbols = new Set(id.replace(/[A-Za-z0-9]/g, '')).size;
    if (!upper && !/[g-z]/.test(id) && lower) return 16 + symbols;
    if (!lower && !/[G-Z]/.test(id) && upper) return 16 + symbols;
    if (!upper && !/[w-z]/.test(id) && lower && digits) return 32 + symbols;
    return (digits ? 10 : 0) + (lower ? 26 : 0) + (upper ? 26 : 0) + symbols || 1;
  };
  const shannonRef = (id: string): number => {
    const counts = new Map<string, number>();
    for (const c of id) counts.set(c, (counts.get(c) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values()) h -= (n / id.length) * Math.log2(n / id.length);
    return h;
  };

  const periodRef = (id: string): number => {
    for (let p = 1; p <= id.length / 2; p++) if (Array.from(id.split(''), (c, i) => i < p || c === id[i - p]).every(Boolean)) return p;
    return id.length;
  };
  const estimateRef = (id: string) => {
    const perChar = Math.log2(alphabetRef(id));
    const bits = id.length * perChar;
    const p = periodRef(id);
    if (p < id.length) return { bits: p * perChar, pattern: p === 1 ? 'one character repeated' : `the same ${p} characters repeated` };
    const ceiling = Math.log2(Math.min(id.length, 2 ** perChar));
    const observed = shannonRef(id);
    if (id.length >= 8 && observed < 0.45 * ceiling) return { bits: Math.min(bits, id.length * observed), pattern: `low character variety (${observed.toFixed(1)} bits/char)` };
    if (/^\d+$/.test(id) && id.length <= 19) return { bits: id.length * Math.log2(10), pattern: 'a decimal number' };
    return { bits };
  };

  it('agrees bit for bit on ASCII and non-ASCII ids', () => {
    const chars = fc.constantFrom(...'0189afgvwzAFGZ-_.~!/+=é\u{1F600}'.split(''));
    const repeated = fc.tuple(fc.array(chars, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 6 })).map(([a, n]) => a.join('').repeat(n));
    fc.assert(fc.property(fc.oneof(fc.array(chars, { minLength: 1, maxLength: 40 }).map((a) => a.join('')), repeated), (id) => {
      expect(alphabetSize(id)).toBe(alphabetRef(id));
      expect(estimateIdBits(id)).toEqual(estimateRef(id));
    }), { numRuns: 3000 });
  });
});

describe('analyseIdSample with knownDistinct', () => {
  it('gives what the deduplicating form gives for ids without repeats', () => {
    const samples = [
      Array.from({ length: 30 }, (_, i) => `sess${1000 + i * 3}`),
      Array.from({ length: 30 }, (_, i) => `abcd${(i * 7919).toString(16).padStart(8, '0')}`),
      Array.from({ length: 5 }, (_, i) => `x${i}`.repeat(3)),
    ];
    for (const ids of samples) expect(analyseIdSample(ids, true)).toEqual(analyseIdSample(ids));
  });
});
