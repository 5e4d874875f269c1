import { describe, expect, it } from 'vitest';
import { analyseIdSample, estimateIdBits } from './entropy.ts';
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
