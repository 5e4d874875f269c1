import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { readPickle } from './pickle-json.ts';
import { loadPickle, PickleError } from './unpickle.ts';
import { PickleDict } from './pickle-globals.ts';
import { base64Decode } from '../util/bytes.ts';

// Python writes the pickles, so the reader is checked against the real format, not against our idea of it.
function pythonPickle(expr: string, protocol: number): Uint8Array {
  const code = `import pickle,sys,datetime,decimal\nsys.stdout.buffer.write(pickle.dumps(${expr}, ${protocol}))`;
  const out = spawnSync('/usr/bin/python3', ['-c', code]);
  if (out.status !== 0) throw new Error(out.stderr.toString());
  return new Uint8Array(out.stdout);
}

const SESSION = `{'_auth_user_id': '42', 'cart': ['apple', 'pear', 'apple'], 'n': 7, 'neg': -300, 'big': 2**70,
  'f': 90.5, 'ok': True, 'no': False, 'none': None, 'prefs': {'theme': 'dark', 'nested': {'size': 12}},
  't': (1, 'two'), 'uni': 'caf\\u00e9 \\u2603 \\U0001F600', 'b': b'\\x00\\xff', 'long': 'x' * 300}`;

const EXPECTED = {
  _auth_user_id: '42', cart: ['apple', 'pear', 'apple'], n: 7, neg: -300, big: { $int: String(2n ** 70n) },
  f: 90.5, ok: true, no: false, none: null, prefs: { theme: 'dark', nested: { size: 12 } },
  t: [1, 'two'], uni: 'café ☃ 😀', b: { $bytes_b64: 'AP8=' }, long: 'x'.repeat(300),
};

describe('readPickle', () => {
  for (const protocol of [0, 1, 2, 3, 4, 5]) {
    it(`reads a session dict written with protocol ${protocol}`, () => {
      const expected = protocol < 3 ? { ...EXPECTED, b: expect.anything() } : EXPECTED;
      expect(readPickle(pythonPickle(SESSION, protocol))).toEqual(expected);
    });
  }

  it('rebuilds aware and naive datetimes, dates, timedeltas and decimals', () => {
    const expr = `{'aware': datetime.datetime(2026, 11, 30, 4, 5, 6, 7, tzinfo=datetime.timezone.utc),
      'plus2': datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
      'naive': datetime.datetime(1999, 12, 31, 23, 59, 59), 'day': datetime.date(2026, 2, 3),
      'span': datetime.timedelta(days=1, seconds=5, microseconds=500000), 'price': decimal.Decimal('1.50')}`;
    expect(readPickle(pythonPickle(expr, 5))).toEqual({
      aware: { $datetime: '2026-11-30T04:05:06.000007+00:00' },
      plus2: { $datetime: '2026-01-02T03:04:05+02:00' },
      naive: { $datetime: '1999-12-31T23:59:59' },
      day: { $date: '2026-02-03' },
      span: { $timedelta: 86405.5 },
      price: { $decimal: '1.50' },
    });
  });

  for (const protocol of [0, 1, 2, 3, 4, 5]) {
    it(`rebuilds datetimes in UTC, fixed offsets and named zones with protocol ${protocol}`, () => {
      const expr = `{'utc': datetime.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=datetime.timezone.utc),
        'paris': datetime.datetime(2026, 7, 2, 3, 4, 5, tzinfo=__import__('zoneinfo').ZoneInfo('Europe/Paris')),
        'winter': datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=__import__('zoneinfo').ZoneInfo('Europe/Paris')),
        'minus': datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(-datetime.timedelta(hours=5, minutes=30)))}`;
      expect(readPickle(pythonPickle(expr, protocol))).toEqual({
        utc: { $datetime: '2026-01-02T03:04:05.000006+00:00' }, paris: { $datetime: '2026-07-02T03:04:05+02:00' },
        winter: { $datetime: '2026-01-02T03:04:05+01:00' }, minus: { $datetime: '2026-01-02T03:04:05-05:30' },
      });
    });
  }

  it('keeps shared references (memo) intact', () => {
    const out = readPickle(pythonPickle(`(lambda l: {'a': l, 'b': l})(['x'])`, 4));
    expect(out).toEqual({ a: ['x'], b: ['x'] });
  });

  it('describes unknown classes instead of executing or failing', () => {
    const out = readPickle(pythonPickle(`__import__('fractions').Fraction(1, 3)`, 4)) as Record<string, unknown>;
    expect(out.$object).toBe('fractions.Fraction');
  });

  it('rejects truncated, unknown and non-pickle input with a clear PickleError', () => {
    const good = pythonPickle(`{'a': 1}`, 5);
    expect(() => readPickle(good.subarray(0, good.length - 3))).toThrow(PickleError);
    expect(() => readPickle(new Uint8Array([0x80, 0x05, 0xff]))).toThrow(/unsupported opcode 0xff/);
    expect(() => readPickle(new TextEncoder().encode('this-is-not-valid'))).toThrow(PickleError);
    expect(() => readPickle(new Uint8Array([0x80, 0x09]))).toThrow(/protocol 9/);
    expect(() => readPickle(new Uint8Array([]))).toThrow(/truncated/);
  });
});

describe('readPickle on hostile input', () => {
  it('turns self-references into {"$recursive": true} instead of overflowing the stack', () => {
    expect(readPickle(pythonPickle(`(lambda l: (l.append(l), l)[1])([1])`, 4))).toEqual([1, { $recursive: true }]);
  });

  it('caps exponential fan-out through the memo', () => {
    const expr = `(lambda f: f(f, 40))(lambda f, n: [] if n == 0 else (lambda x: [x, x])(f(f, n - 1)))`;
    expect(() => readPickle(pythonPickle(expr, 4))).toThrow(PickleError);
    expect(() => readPickle(pythonPickle(expr, 4))).toThrow(/too large/);
  });

  it('never throws anything but PickleError on random or mutated bytes', () => {
    const valid = pythonPickle(SESSION, 5);
    fc.assert(fc.property(
      fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
        const copy = valid.slice();
        copy[i] = b;
        return copy;
      })),
      (bytes) => {
        try {
          readPickle(bytes);
        } catch (err) {
          if (!(err instanceof PickleError)) throw err;
        }
      },
    ), { numRuns: 3000 });
  });
});

// The extension's decoder reads cached sessions with { dataOnly: true, bigInts: 'number' }.
describe('readPickle for the decoder (data only)', () => {
  const DATA_ONLY = { dataOnly: true, bigInts: 'number' } as const;
  const bytes = (b64: string) => base64Decode(b64) as Uint8Array;

  it('reads the plain data CPython pickles (protocols 2 and 4)', () => {
    // pickle.dumps({'t':(1,'a'),'l':[1,2]*3,'u':'café','big':-2**70,'f':1.5,'n':None,'s':{'x':[]},'i2':300,'i4':-70000}, protocol=4)
    const p4 = 'gASVcwAAAAAAAAB9lCiMAXSUSwGMAWGUhpSMAWyUXZQoSwFLAksBSwJLAUsCZYwBdZSMBWNhZsOplIwDYmlnlIoJAAAAAAAAAADAjAFmlEc/+AAAAAAAAIwBbpROjAFzlH2UjAF4lF2Uc4wCaTKUTSwBjAJpNJRKkO7+/3Uu';
    expect(readPickle(bytes(p4), DATA_ONLY)).toEqual({ t: [1, 'a'], l: [1, 2, 1, 2, 1, 2], u: 'café', big: -1180591620717411303424, f: 1.5, n: null, s: { x: [] }, i2: 300, i4: -70000 });
    expect(readPickle(bytes('gAJ9cQBYAQAAAGFxAUsBcy4='), DATA_ONLY)).toEqual({ a: 1 });
  });

  it('refuses code-running opcodes and truncated data', () => {
    // pickle of os.system reference: GLOBAL opcode 'c'
    expect(() => readPickle(new TextEncoder().encode('cos\nsystem\n.'), DATA_ONLY)).toThrow(/unsupported pickle opcode 0x63/);
    expect(() => readPickle(pythonPickle(`datetime.datetime(2026, 1, 2)`, 4), DATA_ONLY)).toThrow(/only plain data is read/);
    expect(() => readPickle(bytes('gASVcwAAAAAAAAB9lCiMAXSU'), DATA_ONLY)).toThrow(/truncated/);
    expect(() => readPickle(new Uint8Array([0x2e]), DATA_ONLY)).toThrow(/unbalanced/);
  });

  it('keeps a "__proto__" key as data', () => {
    const out = readPickle(pythonPickle(`{'__proto__': {'polluted': 1}}`, 4), DATA_ONLY) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
  });
});

describe('loadPickle (the tree Python-faithful callers convert)', () => {
  it('keeps the str object that brought each dict key: memo references share it', () => {
    const tree = loadPickle(pythonPickle(`(lambda k: {'a': {k: 1}, 'b': {k: 2}})('shared' * 2)`, 4)) as PickleDict;
    const [a, b] = [tree.get('a'), tree.get('b')] as PickleDict[];
    expect(a.keyObject('sharedshared')).toBeDefined();
    expect(a.keyObject('sharedshared')).toBe(b.keyObject('sharedshared'));
    expect(tree.keyObject('a')).not.toBe(tree.keyObject('b'));
  });
});
