import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inflateSync } from 'fflate';
import { deflateRaw } from 'pako';
import { inflateRawInto } from './inflate.ts';
import { hexEncode } from './bytes.ts';

const out = new Uint8Array(1 << 17);
const inflate = (raw: Uint8Array, room = out.length): Uint8Array | null => {
  const n = inflateRawInto(raw, 0, raw.length, out.subarray(0, room));
  return n < 0 ? null : out.slice(0, n);
};
const fflate = (raw: Uint8Array): Uint8Array | null => { try { return inflateSync(raw); } catch { return null; } };

// Bytes whose frequencies fall off geometrically give Huffman codes longer than the 9-bit lookup table.
const skewed = (n: number, seed: number): Uint8Array => {
  let x = seed | 1;
  return Uint8Array.from({ length: n }, () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return Math.min(255, Math.clz32((x >>> 0) | 1) * 9 + (x & 7)); });
};

/** Writes deflate bits: `bits` LSB first (header fields, extra bits), `code` MSB first (Huffman codes). */
class BitWriter {
  private out: number[] = []; private acc = 0; private n = 0;
  bits(value: number, count: number): this { for (let i = 0; i < count; i++) this.push((value >> i) & 1); return this; }
  code(value: number, length: number): this { for (let i = length - 1; i >= 0; i--) this.push((value >> i) & 1); return this; }
  done(): Uint8Array { if (this.n) this.out.push(this.acc); return Uint8Array.from(this.out); }
  private push(bit: number): void { this.acc |= bit << this.n; if (++this.n === 8) { this.out.push(this.acc); this.acc = 0; this.n = 0; } }
}

/** A dynamic block coding only literal 0 and end-of-block, both with `litLength`-bit codes; then literal 0. */
function dynamicBlock(litLength: 1 | 2, oversubscribed = false): Uint8Array {
  const w = new BitWriter().bits(1, 1).bits(2, 2).bits(0, 5).bits(1, 5).bits(14, 4);
  // code-length code in the RFC's order (16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1): 18 -> "0", 1 -> "10", 2 -> "11"
  for (const sym of [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]) w.bits(sym === 18 || (oversubscribed && sym === 1) ? 1 : sym === 1 || sym === 2 ? 2 : 0, 3);
  const length = (l: number) => w.code(l === 1 ? 0b10 : 0b11, 2);
  length(litLength); w.code(0, 1).bits(127, 7).code(0, 1).bits(106, 7); length(litLength); // symbol 0, 255 zeros, 256
  length(1); length(1); // two 1-bit distance codes
  return w.code(0, litLength).code(1, litLength).done();
}

describe('inflateRawInto', () => {
  it('decodes stored, fixed and dynamic blocks, including codes longer than the lookup table', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), fc.constantFrom<0 | 1 | 6 | 9>(0, 1, 6, 9), (data, level) => {
      expect(hexEncode(inflate(deflateRaw(data, { level })) ?? new Uint8Array([1]))).toBe(hexEncode(data));
    }), { numRuns: 300 });
    for (const n of [1, 100, 3000, 70_000]) {
      const data = skewed(n, n);
      expect(inflate(deflateRaw(data))).toEqual(data);
    }
  });

  it('handles the block types zlib chooses for a cookie, text and an empty input', () => {
    const text = new TextEncoder().encode(JSON.stringify({ user: 42, items: [1, 2, 3], note: 'x'.repeat(300) }));
    expect(inflate(deflateRaw(text, { level: 1 }))).toEqual(text);
    expect(inflate(deflateRaw(text, { level: 0 }))).toEqual(text);
    expect(inflate(deflateRaw(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });

  it('declines output that does not fit, truncated streams and reserved block types', () => {
    const data = skewed(2000, 7);
    const raw = deflateRaw(data);
    expect(inflate(raw, 2000)).toEqual(data);
    expect(inflate(raw, 1999)).toBeNull();
    expect(inflate(raw.subarray(0, raw.length - 1))).toBeNull();
    expect(inflate(Uint8Array.of(0b111))).toBeNull(); // BTYPE 11
    expect(inflate(Uint8Array.of(1, 5, 0, 0xfa, 0xff, 1, 2, 3, 4, 5))).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
    expect(inflate(Uint8Array.of(1, 5, 0, 0xfb, 0xff, 1, 2, 3, 4, 5))).toBeNull(); // NLEN is not ~LEN
    // fixed block: literal 'a', then length 3 at distance 1 (valid) or 2 (before the start of the output)
    const fixed = (distanceCode: number) => new BitWriter().bits(1, 1).bits(1, 2).code(0x30 + 0x61, 8).code(1, 7).code(distanceCode, 5).code(0, 7).done();
    expect(inflate(fixed(0))).toEqual(new TextEncoder().encode('aaaa'));
    expect(inflate(fixed(1))).toBeNull();
  });

  it('declines incomplete and oversubscribed Huffman codes', () => {
    expect(inflate(dynamicBlock(1))).toEqual(Uint8Array.of(0));
    expect(inflate(dynamicBlock(2))).toBeNull(); // two 2-bit codes leave half the code space unused
    expect(inflate(dynamicBlock(1, true))).toBeNull(); // code-length code with three codes of 1, 1 and 2 bits
  });

  it('never accepts a stream fflate rejects, and agrees with it on what both accept', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), fc.nat(), fc.nat(255), fc.boolean(), (data, at, byte, raw) => {
      const packed = raw ? data : deflateRaw(data);
      const mutated = packed.map((b, i) => (i === at % packed.length ? b ^ (byte | 1) : b));
      for (const input of [packed, mutated]) {
        const ours = inflate(input);
        if (ours !== null) expect(hexEncode(fflate(input) ?? Uint8Array.of(1))).toBe(hexEncode(ours));
      }
    }), { numRuns: 2000 });
  });
});
