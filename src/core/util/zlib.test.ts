import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adler32, deflateZlib, inflateCapped, inflateCappedTransient, InflateError, inflateOneShot, inflateStreaming } from './zlib.ts';
import { base64Decode, hexEncode, utf8Encode } from './bytes.ts';

describe('zlib', () => {
  it('compresses exactly like CPython zlib.compress', () => {
    // base64 of zlib.compress(b'{"big":"' + b'x'*300 + b'"}') from CPython 3.11 / zlib 1.2.13
    const data = utf8Encode(`{"big":"${'x'.repeat(300)}"}`);
    const packed = deflateZlib(data);
    expect(packed).toEqual(base64Decode('eJyrVkrKTFeyUqoYBUQDpVoAjt6PjQ=='));
    expect(inflateCapped(packed)).toEqual(data);
  });

  it('refuses a bomb quickly and rejects corrupt or truncated streams', () => {
    const bomb = deflateZlib(new Uint8Array(8 * 1024 * 1024));
    expect(() => inflateCapped(bomb)).toThrow(/inflates past 1048576 bytes/);
    const ok = deflateZlib(utf8Encode('hello hello hello'));
    expect(() => inflateCapped(ok.subarray(0, ok.length - 3))).toThrow(InflateError);
    const badSum = ok.slice();
    badSum[badSum.length - 1] ^= 1;
    expect(() => inflateCapped(badSum)).toThrow(/checksum/);
    expect(() => inflateCapped(utf8Encode('not zlib at all'))).toThrow(InflateError);
  });

  it('computes Adler-32', () => {
    expect(adler32(utf8Encode('Wikipedia'))).toBe(0x11e60398);
  });

  describe('one-shot fast path agrees with the streaming path', () => {
    const outcome = (f: () => Uint8Array) => { try { return { ok: hexEncode(f()) }; } catch (e) { return { err: (e as Error).message }; } };
    const agree = (bytes: Uint8Array, cap?: number) =>
      expect(outcome(() => inflateCapped(bytes, cap))).toEqual(outcome(() => inflateStreaming(bytes, cap)));

    it('on valid, corrupted, truncated and extended streams', () => {
      fc.assert(fc.property(
        fc.uint8Array({ maxLength: 3000 }), fc.constantFrom<0 | 1 | 6 | 9>(0, 1, 6, 9), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.nat(255),
        (data, level, at, how, byte) => {
          const packed = deflateZlib(data, level);
          agree(packed);
          const i = at % packed.length;
          const mutated = how === 0 ? packed.map((b, j) => (j === i ? b ^ (byte | 1) : b))
            : how === 1 ? packed.subarray(0, i) : how === 2 ? Uint8Array.from([...packed, byte]) : packed;
          agree(mutated);
          agree(packed, Math.max(0, data.length - 1 - (byte % 4)));
        }), { numRuns: 400 });
    });

    it('around the reused buffer size and past the cap', () => {
      for (const n of [65535, 65536, 65537, 200_000]) {
        const data = new Uint8Array(n).map((_, i) => (i % 7 === 0 ? i & 0xff : 0));
        const packed = deflateZlib(data);
        expect(hexEncode(inflateCapped(packed))).toBe(hexEncode(data));
        agree(packed, n - 1);
        agree(packed, n);
      }
    });

    it('is taken for ordinary payloads and declines what it cannot vouch for', () => {
      const packed = deflateZlib(utf8Encode('{"a":1}'.repeat(50)));
      expect(new TextDecoder().decode(inflateOneShot(packed) ?? new Uint8Array())).toBe('{"a":1}'.repeat(50));
      expect(inflateOneShot(packed, 10)).toBeNull();
      expect(inflateOneShot(packed, -1)).toBeNull(); // a negative cap is no cap at the buffer's end
      expect(inflateOneShot(deflateZlib(new Uint8Array(65536)))?.length).toBe(65536); // fills the buffer exactly
      expect(inflateOneShot(deflateZlib(new Uint8Array(65537)))).toBeNull();
      expect(inflateOneShot(packed.subarray(0, packed.length - 2))).toBeNull();
    });

    it('the transient variant gives the same bytes and errors, in a view the next call reuses', () => {
      const a = deflateZlib(utf8Encode('first value')), b = deflateZlib(utf8Encode('second, longer value'));
      const first = inflateCappedTransient(a);
      expect(new TextDecoder().decode(first)).toBe('first value');
      inflateCappedTransient(b);
      expect(new TextDecoder().decode(first)).toBe('second, lon'); // overwritten: callers must read it at once
      const bomb = deflateZlib(new Uint8Array(2 * 1024 * 1024));
      expect(() => inflateCappedTransient(bomb)).toThrow(/inflates past 1048576 bytes/);
      expect(() => inflateCappedTransient(a.subarray(0, 9))).toThrow(InflateError);
    });

    it('results do not share the reused buffer', () => {
      const a = inflateCapped(deflateZlib(utf8Encode('first value')));
      inflateCapped(deflateZlib(utf8Encode('second, longer value')));
      expect(new TextDecoder().decode(a)).toBe('first value');
    });
  });
});
