import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dumpCompactJson, dumpResponseJson, parsePyJson, PyJsonError, toJsonable } from './json.ts';
import { PyDateTime, PyFloat, type PyValue } from './value.ts';

describe('parsePyJson (Python json.loads)', () => {
  it('keeps floats, big ints and insertion order of numeric keys', () => {
    const v = parsePyJson('{"a": 1.0, "1": 2, "b": 1e5, "c": 12345678901234567890123}');
    expect(dumpCompactJson(v)).toBe('{"a":1.0,"1":2,"b":100000.0,"c":12345678901234567890123}');
    expect(dumpResponseJson(v)).toBe('{"a": 1.0, "1": 2, "b": 100000.0, "c": 12345678901234567890123}');
  });

  it('escapes like ensure_ascii and reads NaN/Infinity', () => {
    expect(dumpCompactJson(parsePyJson('{"t":"caf\\u00e9 \\u2603 \\ud83d\\ude00"}'))).toBe('{"t":"caf\\u00e9 \\u2603 \\ud83d\\ude00"}');
    expect(dumpCompactJson(parsePyJson('[NaN, -Infinity, Infinity]'))).toBe('[NaN,-Infinity,Infinity]');
  });

  it('keeps the first position of a duplicate key with the last value (dict semantics)', () => {
    expect(dumpCompactJson(parsePyJson('{"a":1,"b":2,"a":3}'))).toBe('{"a":3,"b":2}');
  });

  it('rejects malformed text with a Python-like message', () => {
    for (const bad of ['{bad', '[1,]', '"\u0001"', '{"a" 1}', '1 2', '']) expect(() => parsePyJson(bad)).toThrow(PyJsonError);
  });

  it('round-trips arbitrary JSON text byte for byte through Python-style dumps', () => {
    fc.assert(fc.property(fc.json(), (text) => {
      const once = dumpCompactJson(parsePyJson(text));
      expect(dumpCompactJson(parsePyJson(once))).toBe(once);
    }));
  });

  it('refuses datetimes like the JSON serializer and renders them as $datetime in responses', () => {
    const d = new Map([['e', new PyDateTime(0, 'utc')]]);
    expect(() => dumpCompactJson(d)).toThrow(/not JSON serializable/);
    expect(dumpResponseJson(toJsonable(d))).toBe('{"e": {"$datetime": "1970-01-01T00:00:00+00:00"}}');
    expect(dumpCompactJson(new PyFloat(-0))).toBe('-0.0');
  });

  it('renders datetimes anywhere in a response as $datetime, and responses without one unchanged', () => {
    const dt = new PyDateTime(0, 'utc');
    const nested = new Map<string, PyValue>([['items', new Map<string, PyValue>([['e', dt], ['l', [1, dt]]])], ['ok', true]]);
    expect(dumpResponseJson(nested)).toBe('{"items": {"e": {"$datetime": "1970-01-01T00:00:00+00:00"}, "l": [1, {"$datetime": "1970-01-01T00:00:00+00:00"}]}, "ok": true}');
    expect(dumpResponseJson(new Map<string, PyValue>([['l', [new PyFloat(1), 'x']], ['d', new Map()]]))).toBe('{"l": [1.0, "x"], "d": {}}');
  });
});
