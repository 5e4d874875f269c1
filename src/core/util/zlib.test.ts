import { describe, expect, it } from 'vitest';
import { adler32, deflateZlib, inflateCapped, InflateError } from './zlib.ts';
import { base64Decode, utf8Encode } from './bytes.ts';

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
});
