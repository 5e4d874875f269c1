import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickleDumps, pickleLoads, PickleError } from './pickle.ts';
import { parsePyJson, dumpCompactJson } from './json.ts';
import { fromisoformat } from './datetime.ts';
import { CONST_KEY, newIdentity, PyDateTime, setKeyed } from './value.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

// Expected bytes: pickle.dumps(json.loads(text), 5) under CPython 3.11 (/usr/bin/python3).
const CPYTHON: [string, string][] = [
  ['{"color":"blue","n":1}', '8005951a000000000000007d94288c05636f6c6f72948c04626c7565948c016e944b01752e'],
  ['{"a":"a","l":[1,2.5,true,null],"d":{"a":1}}', '8005952b000000000000007d94288c01619468018c016c945d94284b01474004000000000000884e658c0164947d9468014b0173752e'],
  ['{}', '80057d942e'],
  ['{"big":1000000000000000000000000000000,"neg":-5,"i":70000,"f":1e100}', '8005953b000000000000007d94288c03626967948a0d00000040eaed7446d09c2c9f0c8c036e6567944afbffffff8c0169944a701101008c0166944754b249ad2594c37d752e'],
];

describe('pickle protocol 5', () => {
  it.each(CPYTHON)('dumps %s byte-identically to CPython', (text, expected) => {
    const bytes = pickleDumps(parsePyJson(text));
    expect(hex(bytes)).toBe(expected);
    expect(dumpCompactJson(pickleLoads(bytes))).toBe(dumpCompactJson(parsePyJson(text)));
  });

  it('writes aware datetimes as CPython does (timezone.utc, pytz.utc, fixed offsets)', () => {
    const utc = new Map([['_session_expiry', fromisoformat('2026-11-30T03:26:43.123456+00:00')]]);
    expect(hex(pickleDumps(utc))).toBe('8005956c000000000000007d948c0f5f73657373696f6e5f657870697279948c086461746574696d65948c086461746574696d65949394430a07ea0b1e031a2b01e2409468028c0874696d657a6f6e6594939468028c0974696d6564656c74619493944b004b004b00879452948594529486945294732e');
    const pytz = new Map([['_session_expiry', new PyDateTime(utc.get('_session_expiry')!.micros, 'pytz-utc')]]);
    expect(pickleDumps(pytz).length).toBe(93);
    const off = fromisoformat('2026-11-30T03:26:43+02:00');
    expect(pickleLoads(pickleDumps(new Map([['e', off]])))).toEqual(new Map([['e', off]]));
  });

  it('round-trips any JSON value', () => {
    fc.assert(fc.property(fc.json(), (text) => {
      const v = parsePyJson(text);
      expect(dumpCompactJson(pickleLoads(pickleDumps(v)))).toBe(dumpCompactJson(v));
    }));
  });

  it('refuses truncated data and unknown opcodes with PickleError', () => {
    const good = pickleDumps(parsePyJson('{"a":[1,2,3]}'));
    for (let n = 0; n < good.length - 1; n++) expect(() => pickleLoads(good.subarray(0, n))).toThrow(PickleError);
    expect(() => pickleLoads(Uint8Array.from([0x80, 5, 0x63, 0x6f, 0x73, 0x0a]))).toThrow(PickleError);
  });

  it('follows CPython object identity: keys shared within one json.loads only, fresh str(int) values apart', () => {
    // sizes from /usr/bin/python3: pickle.dumps(..., 5) of the same operations
    const a = pickleLoads(pickleDumps(parsePyJson('{"obj":{"zz":1}}'))) as Map<string, unknown>;
    setKeyed(a as never, 'n', parsePyJson('{"zz":5}'), newIdentity());
    expect(pickleDumps(a as never).length).toBe(46);
    expect(pickleDumps(parsePyJson('{"obj":{"zz":1},"n":{"zz":5}}')).length).toBe(43);
    const d = parsePyJson('{"1": true}') as Map<string, never>;
    setKeyed(d, '_auth_user_id', '1', CONST_KEY, true);
    expect(pickleDumps(d).length).toBe(41);
    expect(pickleDumps(pickleLoads(pickleDumps(d))).length).toBe(39);
    expect(pickleDumps(parsePyJson('{"a":"","b":[""]}')).length).toBe(32);
  });
});
