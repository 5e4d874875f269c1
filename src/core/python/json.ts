import type { Json } from '../protocol/index.ts';

// Python's json module, the project's one implementation. Byte-for-byte `json.dumps`: Django and Flask sign
// the exact JSON text, so re-signing a payload needs Python's escaping, float repr and key order, which
// JSON.stringify does not reproduce; `json.loads` keeps int vs float and key order, which JSON.parse loses.

/** Marks a number that Python holds as a float, so integral values print as `1.0` rather than `1`. */
export class PyFloat {
  constructor(readonly value: number) {}
}

export interface PythonJsonOptions {
  /** [item separator, key separator]; Python's default is [', ', ': '] */
  separators?: [string, string];
  sortKeys?: boolean;
  ensureAscii?: boolean;
}

/** JSON values plus PyFloat, bigint (Python int) and Map (an insertion-ordered dict, even for numeric keys). */
export type PythonJsonValue = unknown;

export function pythonJsonDumps(value: PythonJsonValue, opts: PythonJsonOptions = {}): string {
  const [itemSep, keySep] = opts.separators ?? [', ', ': '];
  const ctx: Ctx = { itemSep, keySep, sortKeys: opts.sortKeys ?? false, ensureAscii: opts.ensureAscii ?? true, seen: new Set() };
  return dump(value, ctx);
}

interface Ctx { itemSep: string; keySep: string; sortKeys: boolean; ensureAscii: boolean; seen: Set<object> }

function dump(value: unknown, ctx: Ctx): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return quotePython(value, ctx.ensureAscii);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PyFloat) return formatPythonFloat(value.value);
  if (typeof value !== 'object') throw new TypeError(`Object of type ${typeof value} is not JSON serializable`);
  if (ctx.seen.has(value)) throw new TypeError('Circular reference detected');
  ctx.seen.add(value);
  try {
    if (Array.isArray(value)) return '[' + value.map((v) => dump(v, ctx)).join(ctx.itemSep) + ']';
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    const pairs = entries.map(([k, v]) => [dictKey(k), v] as [string, unknown]);
    if (ctx.sortKeys) pairs.sort(([a], [b]) => compareCodePoints(a, b));
    return '{' + pairs.map(([k, v]) => quotePython(k, ctx.ensureAscii) + ctx.keySep + dump(v, ctx)).join(ctx.itemSep) + '}';
  } finally {
    ctx.seen.delete(value);
  }
}

// Python converts int/float/bool/None keys to strings; anything else is a TypeError.
function dictKey(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'bigint') return dump(key, { itemSep: '', keySep: '', sortKeys: false, ensureAscii: true, seen: new Set() });
  if (key instanceof PyFloat) return formatPythonFloat(key.value);
  if (key === true) return 'true';
  if (key === false) return 'false';
  if (key === null) return 'null';
  throw new TypeError(`keys must be str, int, float, bool or None, not ${typeof key}`);
}

function formatNumber(n: number): string {
  // An integral, exactly representable JS number came from a Python int; -0 and huge values can only be floats.
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return n.toString();
  return formatPythonFloat(n);
}

/** Python's float repr: shortest round-trip digits, exponent form when exp < -4 or exp >= 16. */
export function formatPythonFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1) || '0';
  return `${sign}${intPart}.${fracPart}`;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** Python's encode_basestring(_ascii): ensure_ascii escapes everything outside ' '..'~' as \uXXXX (UTF-16 units). */
export function quotePython(text: string, ensureAscii = true): string {
  const pattern = ensureAscii ? /[\\"]|[^\x20-\x7e]/g : /[\\"\x00-\x1f]/g;
  return '"' + text.replace(pattern, (ch) => SHORT_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
}

function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next(), y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0)!, cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

/** JSON.parse plus Python's NaN/Infinity/-Infinity literals (json.dumps emits them by default). */
export function parsePythonJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    if (!/NaN|Infinity/.test(text)) throw err;
    const marked = text.replace(/("(?:[^"\\]|\\.)*")|-?Infinity|NaN/g, (m, str) => str ?? `"\u0000${m}"`);
    // Non-finite floats cannot live in a Json value; they are shown as their Python spelling.
    return JSON.parse(marked, (_k, v) => (typeof v === 'string' && v.startsWith('\u0000') ? v.slice(1) : v)) as Json;
  }
}

export class PyJsonError extends SyntaxError {}

export interface PythonJsonLoadOptions {
  /** d[key] = value for every object member; the companion records CPython key identity here. */
  setKey?: (dict: Map<string, unknown>, key: string, value: unknown) => void;
}

/**
 * Python's json.loads, keeping what a byte-exact round trip needs: floats stay PyFloat (`1.0` re-encodes as
 * `1.0`), integers beyond 2^53 become bigint, objects become insertion-ordered Maps (integer-like keys
 * included), NaN/Infinity are read. Errors are PyJsonError with json's message ("Expecting value: char 0").
 */
export function parsePythonJsonExact(text: string, opts: PythonJsonLoadOptions = {}): unknown {
  const p = new Parser(text, opts.setKey ?? ((d, k, v) => d.set(k, v)));
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i !== text.length) p.fail('Extra data');
  return v;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WORDS: [string, () => unknown][] = [
  ['null', () => null], ['true', () => true], ['false', () => false],
  ['NaN', () => new PyFloat(NaN)], ['Infinity', () => new PyFloat(Infinity)], ['-Infinity', () => new PyFloat(-Infinity)],
];
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/** Python ints stay JS numbers while exact; beyond that they are bigints. */
export function exactInt(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

class Parser {
  i = 0;
  constructor(readonly s: string, private readonly setKey: Required<PythonJsonLoadOptions>['setKey']) {}

  fail(msg: string): never { throw new PyJsonError(`${msg}: char ${this.i}`); }
  ws(): void { while (' \t\n\r'.includes(this.s[this.i] ?? 'x')) this.i++; }

  value(): unknown {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, make] of WORDS) {
      if (this.s.startsWith(word, this.i)) { this.i += word.length; return make(); }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail('Expecting value');
    this.i += m[0].length;
    return m[1] || m[2] ? new PyFloat(Number(m[0])) : exactInt(BigInt(m[0]));
  }

  object(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    this.i++; this.ws();
    if (this.s[this.i] === '}') { this.i++; return out; }
    for (;;) {
      if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const k = this.string(); this.ws();
      if (this.s[this.i] !== ':') this.fail("Expecting ':' delimiter");
      this.i++; this.ws();
      this.setKey(out, k, this.value()); this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail("Expecting ',' delimiter");
      this.ws();
    }
  }

  array(): unknown[] {
    const out: unknown[] = [];
    this.i++; this.ws();
    if (this.s[this.i] === ']') { this.i++; return out; }
    for (;;) {
      out.push(this.value()); this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') this.fail("Expecting ',' delimiter");
      this.ws();
    }
  }

  string(): string {
    let out = '';
    this.i++;
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) this.fail('Unterminated string starting at');
      if (c === '"') return out;
      if (c < ' ') this.fail('Invalid control character at');
      if (c !== '\\') { out += c; continue; }
      const e = this.s[this.i++];
      if (e === 'u') {
        const hex = this.s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
        out += String.fromCharCode(parseInt(hex, 16)); this.i += 4;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else this.fail('Invalid \\escape');
    }
  }
}
