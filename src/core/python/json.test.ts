import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPythonFloat, parsePythonJsonExact, PyFloat, PyJsonError, pythonJsonDumps } from './json.ts';

// Expected strings were produced by CPython 3.11's json.dumps / repr.
describe('pythonJsonDumps', () => {
  it('formats floats like Python repr', () => {
    const cases: Array<[number, string]> = [
      [1.0, '1.0'], [1e16, '1e+16'], [1e-7, '1e-07'], [2.5, '2.5'], [0.1, '0.1'], [1e-5, '1e-05'], [0.0001, '0.0001'],
      [123456789012345.6, '123456789012345.6'], [1234567890123456.7, '1234567890123456.8'], [-0, '-0.0'], [1e22, '1e+22'],
      [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'], [NaN, 'NaN'], [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'], [100, '100.0'], [1e15, '1000000000000000.0'], [-2.5e-10, '-2.5e-10'],
    ];
    for (const [n, text] of cases) expect(formatPythonFloat(n)).toBe(text);
    expect(pythonJsonDumps([1, new PyFloat(1), 2.5, 10n ** 30n])).toBe('[1, 1.0, 2.5, 1000000000000000000000000000000]');
  });

  it('escapes like ensure_ascii=True with default separators', () => {
    const value = { b: 'café ☃ 😀 \x7f \x00 "q" \\ \n\t\b\f', a: [1, true, null] };
    expect(pythonJsonDumps(value)).toBe('{"b": "caf\\u00e9 \\u2603 \\ud83d\\ude00 \\u007f \\u0000 \\"q\\" \\\\ \\n\\t\\b\\f", "a": [1, true, null]}');
  });

  it('supports ensure_ascii=False, sort_keys and compact separators', () => {
    const value = { b: 'café 😀 \x7f \x00', a: [1, { z: 1, y: 2 }] };
    expect(pythonJsonDumps(value, { ensureAscii: false, sortKeys: true, separators: [',', ':'] }))
      .toBe('{"a":[1,{"y":2,"z":1}],"b":"café 😀 \x7f \\u0000"}');
  });

  it('keeps Map insertion order even for numeric keys, and rejects what Python rejects', () => {
    expect(pythonJsonDumps(new Map<unknown, unknown>([['b', 1], ['1', 2], [3, 4]]), { separators: [',', ':'] })).toBe('{"b":1,"1":2,"3":4}');
    const loop: unknown[] = [];
    loop.push(loop);
    expect(() => pythonJsonDumps(loop)).toThrow(/Circular/);
    expect(() => pythonJsonDumps({ f: () => 1 })).toThrow(/not JSON serializable/);
  });
});

describe('parsePythonJsonExact', () => {
  it('keeps floats, big ints and key order so the text re-encodes identically', () => {
    const text = '{"2":1,"a":[3.0,1e+16,-0.0,12345678901234567890,NaN,"\\u00e9"],"b":{"x":null,"y":true}}';
    expect(pythonJsonDumps(parsePythonJsonExact(text), { separators: [',', ':'] })).toBe(text);
  });

  it('rejects malformed JSON with a position', () => {
    for (const bad of ['{', '[1,]', '{"a" 1}', '"\\x"', '1 2', '']) expect(() => parsePythonJsonExact(bad)).toThrow(SyntaxError);
  });

  it("rejects malformed text with json's messages (PyJsonError)", () => {
    for (const bad of ['{bad', '[1,]', '"\u0001"', '{"a" 1}', '1 2', '']) expect(() => parsePythonJsonExact(bad)).toThrow(PyJsonError);
    expect(() => parsePythonJsonExact('')).toThrow('Expecting value: char 0');
    expect(() => parsePythonJsonExact('{"a" 1}')).toThrow("Expecting ':' delimiter: char 5");
    expect(() => parsePythonJsonExact('[1] x')).toThrow('Extra data: char 4');
  });

  it('reads like json.loads for the transcript replay: 1.0 stays a float, integer-like keys keep their order', () => {
    const v = parsePythonJsonExact('{"a": 1.0, "10": 2, "1": {"z": -0, "b": 1e5}, "c": 12345678901234567890123}');
    expect(pythonJsonDumps(v)).toBe('{"a": 1.0, "10": 2, "1": {"z": 0, "b": 100000.0}, "c": 12345678901234567890123}');
    expect(pythonJsonDumps(parsePythonJsonExact('[NaN, -Infinity, Infinity]'))).toBe('[NaN, -Infinity, Infinity]');
  });

  it('keeps the first position of a duplicate key with the last value (dict semantics)', () => {
    expect(pythonJsonDumps(parsePythonJsonExact('{"a":1,"b":2,"a":3}'), { separators: [',', ':'] })).toBe('{"a":3,"b":2}');
  });

  it('hands every member to setKey in document order', () => {
    const seen: string[] = [];
    parsePythonJsonExact('{"b":{"x":1},"a":2}', { setKey: (d, k, v) => { seen.push(k); d.set(k, v); } });
    expect(seen).toEqual(['x', 'b', 'a']);
  });

  it('round-trips arbitrary JSON text through Python-style dumps', () => {
    fc.assert(fc.property(fc.json(), (text) => {
      const once = pythonJsonDumps(parsePythonJsonExact(text), { separators: [',', ':'] });
      expect(pythonJsonDumps(parsePythonJsonExact(once), { separators: [',', ':'] })).toBe(once);
    }));
  });
});
