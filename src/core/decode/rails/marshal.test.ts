import { describe, expect, it } from 'vitest';
import { readMarshal } from './marshal.ts';

// Dumps produced by Ruby 3.1 `Marshal.dump(...).unpack1("H*")`.
const hex = (h: string): Uint8Array => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));

describe('readMarshal', () => {
  it('reads hashes with string and symbol keys, nil/true/false and UTF-8 strings', () => {
    expect(readMarshal(hex('04087b0849220661063a06455469063a06625b0830544649220673063b00544922095a6fc3ab063b0054')))
      .toEqual({ ok: true, value: { a: 1, b: [null, true, false], s: 'Zoë' } });
  });

  it('reads every integer width, negatives and bignums', () => {
    expect(readMarshal(hex('04085b0b69fa69ff7f69fd90eefe69022c016c2b07000000806c2d0a00000000000000000100')))
      .toEqual({ ok: true, value: [-1, -129, -70000, 300, 2 ** 31, -(2 ** 64)] });
  });

  it('reads floats, keeping infinities as text because JSON cannot hold them', () => {
    expect(readMarshal(hex('04085b086608312e35660a2d302e32356608696e66'))).toEqual({ ok: true, value: [1.5, -0.25, 'inf'] });
  });

  it('follows object links and symbol links', () => {
    expect(readMarshal(hex('04085b0949220678063a06455440063a066b3b06'))).toEqual({ ok: true, value: ['x', 'x', 'k', 'k'] });
  });

  it('reports truncated, trailing and unknown data as errors', () => {
    expect(readMarshal(hex('04087b08'))).toEqual({ ok: false, error: 'unexpected end of data' });
    expect(readMarshal(hex('0408300000'))).toMatchObject({ ok: false, error: '2 trailing bytes after the value' });
    expect(readMarshal(hex('04085a'))).toMatchObject({ ok: false, error: expect.stringMatching(/unsupported Marshal type/) });
    expect(readMarshal(hex('0409'))).toMatchObject({ ok: false });
  });

  it('refuses absurd lengths and deep nesting without hanging', () => {
    expect(readMarshal(hex('0408227f'))).toMatchObject({ ok: false });
    expect(readMarshal(new Uint8Array([4, 8, ...new Array(10_000).fill(0x5b).flatMap((b) => [b, 6])]))).toEqual({ ok: false, error: 'nesting too deep' });
  });
});
