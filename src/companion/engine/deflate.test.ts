import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflate, inflate } from 'pako';
import { compressZlib } from './deflate.ts';

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('compressZlib (reused deflate state)', () => {
  it('emits exactly pako.deflate level 6 bytes, call after call', () => {
    const words = fc.constantFrom('apple', 'pear', '"cart":', '_auth_user_id', '{', '}', ',', '1', 'x'.repeat(40));
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(words, { maxLength: 400 }).map((w) => w.join('')));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (inputs) => {
      for (const s of inputs) expect(compressZlib(bytesOf(s))).toEqual(deflate(bytesOf(s), { level: 6 }));
    }), { numRuns: 300 });
  });

  it('handles empty, binary and large (multi-window) inputs', () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251 ^ (i >> 9));
    const random = globalThis.crypto.getRandomValues(new Uint8Array(60_000));
    for (const input of [new Uint8Array(0), random, big, bytesOf('a'.repeat(100_000))]) {
      const out = compressZlib(input);
      expect(out).toEqual(deflate(input, { level: 6 }));
      expect(inflate(out)).toEqual(input);
    }
  });
});
