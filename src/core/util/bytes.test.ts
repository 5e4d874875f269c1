import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64Decode, base64DecodedLength, base64DecodeInto, base64Encode, base64UrlEncode, equalsBase64Url, hexEncode, utf8Encode, Utf8Scratch } from './bytes.ts';

// The straightforward bit-accumulator versions these helpers replaced: the fast ones must agree on every input.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function referenceDecode(text: string): Uint8Array | null {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0, bits = 0, o = 0;
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    const v = ch === '-' ? 62 : ch === '_' ? 63 : B64.indexOf(ch);
    if (v < 0 || ch === '') return null;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 0xff; }
  }
  return out;
}
function referenceEncode(bytes: Uint8Array, urlSafe: boolean, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
    if (pad) out += '='.repeat(4 - chars);
  }
  return urlSafe ? out.replace(/\+/g, '-').replace(/\//g, '_') : out;
}

const b64ish = fc.string({ unit: fc.constantFrom(...'ABCxyz019+/-_=.é€\u0000 '.split(''), ...B64.split('')), maxLength: 40 });

describe('base64', () => {
  it('decodes exactly like the reference on arbitrary text (valid, invalid, padded, odd lengths)', () => {
    fc.assert(fc.property(fc.oneof(b64ish, fc.string({ maxLength: 30 })), (text) => {
      expect(base64Decode(text)).toEqual(referenceDecode(text));
    }), { numRuns: 5000 });
  });

  it('decodes from an offset into a larger buffer like base64Decode, and says how many bytes it wrote', () => {
    const out = new Uint8Array(64).fill(0xee);
    fc.assert(fc.property(fc.oneof(b64ish, fc.string({ maxLength: 30 })), fc.string({ maxLength: 3 }), (text, prefix) => {
      const n = base64DecodeInto(prefix + text, prefix.length, out);
      const expected = referenceDecode(text);
      expect(n).toBe(expected ? expected.length : -1);
      expect(base64DecodedLength(prefix + text, prefix.length)).toBeGreaterThanOrEqual(n);
      if (expected) expect(out.subarray(0, n)).toEqual(expected);
    }), { numRuns: 3000 });
    expect(base64DecodeInto('é.QUJD', 2, out)).toBe(3); // a skipped prefix may be anything
    expect(out.subarray(0, 3)).toEqual(utf8Encode('ABC'));
    expect(base64DecodeInto('.QUJé', 1, out)).toBe(-1);
  });

  it('decodes texts longer than its reused buffer', () => {
    const bytes = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 7) & 0xff);
    const text = base64Encode(bytes, { urlSafe: true });
    expect(base64Decode(text)).toEqual(bytes);
    expect(base64Decode(text.slice(0, 30_000) + 'é' + text.slice(30_000))).toBeNull();
  });

  it('round-trips and encodes like the reference in all four modes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), fc.boolean(), fc.boolean(), (bytes, urlSafe, pad) => {
      const text = base64Encode(bytes, { urlSafe, pad });
      expect(text).toBe(referenceEncode(bytes, urlSafe, pad));
      expect(base64Decode(text)).toEqual(bytes);
    }), { numRuns: 2000 });
    expect(base64UrlEncode(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64Encode(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });

  it('equalsBase64Url agrees with comparing base64UrlEncode output', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), fc.nat(), fc.integer({ min: -2, max: 2 }), (bytes, at, delta) => {
      const text = base64UrlEncode(bytes);
      expect(equalsBase64Url(bytes, text)).toBe(true);
      const i = text.length ? at % text.length : 0;
      const changed = text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
      expect(equalsBase64Url(bytes, changed)).toBe(changed === text);
      const resized = delta >= 0 ? text + 'A'.repeat(delta) : text.slice(0, delta);
      expect(equalsBase64Url(bytes, resized)).toBe(resized === text);
      expect(equalsBase64Url(bytes, text + '=')).toBe(false);
    }), { numRuns: 2000 });
  });

  it('rejects characters outside both alphabets', () => {
    for (const bad of ['ab c', 'ab=c', 'abé=', 'a', 'abcde', '€€€€']) expect(base64Decode(bad)).toBeNull();
    expect(base64Decode('')).toEqual(new Uint8Array());
  });
});

describe('hexEncode', () => {
  it('writes two lower-case digits per byte', () => {
    expect(hexEncode(new Uint8Array([0, 9, 10, 255]))).toBe('00090aff');
  });
});

describe('Utf8Scratch', () => {
  it('encodes like TextEncoder into a reused buffer that grows when needed', () => {
    const scratch = new Utf8Scratch();
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), (text) => {
      const n = scratch.encode(text);
      expect(hexEncode(scratch.bytes.subarray(0, n))).toBe(hexEncode(utf8Encode(text)));
    }), { numRuns: 300 });
    const n = scratch.encode('🔑'.repeat(600)); // 1,200 UTF-16 units, 2,400 bytes
    expect(n).toBe(2400);
    expect(scratch.bytes.length).toBeGreaterThanOrEqual(3600);
  });
});
