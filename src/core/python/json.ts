import type { Json } from '../protocol/index.ts';

// Byte-for-byte Python `json.dumps`: Django and Flask sign the exact JSON text, so re-signing a payload needs
// Python's escaping, float repr and key order, which JSON.stringify does not reproduce.

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

/**
 * Parses JSON keeping what a Python round trip needs: floats stay PyFloat (so `3.0` re-encodes as `3.0`),
 * integers beyond 2^53 become bigint, objects become insertion-ordered Maps. For re-signing decoded payloads.
 */
export function parsePythonJsonExact(text: string): unknown {
  const p = { text, at: 0 };
  const value = parseValue(p);
  skipSpace(p);
  if (p.at !== text.length) throw new SyntaxError(`Extra data at position ${p.at}`);
  return value;
}

interface Parser { text: string; at: number }

function skipSpace(p: Parser): void {
  while (p.at < p.text.length && ' \t\n\r'.includes(p.text[p.at])) p.at++;
}

function parseValue(p: Parser): unknown {
  skipSpace(p);
  const ch = p.text[p.at];
  if (ch === '{') return parseObject(p);
  if (ch === '[') return parseArray(p);
  if (ch === '"') return parseString(p);
  const m = /^(?:-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null|NaN|-?Infinity)/.exec(p.text.slice(p.at, p.at + 400));
  if (!m) throw new SyntaxError(`Expecting value at position ${p.at}`);
  p.at += m[0].length;
  const literals: Record<string, unknown> = { true: true, false: false, null: null, NaN: new PyFloat(NaN), Infinity: new PyFloat(Infinity), '-Infinity': new PyFloat(-Infinity) };
  if (m[0] in literals) return literals[m[0]];
  if (m[1] || m[2]) return new PyFloat(Number(m[0]));
  const n = Number(m[0]);
  return Number.isSafeInteger(n) ? n : BigInt(m[0]);
}

function parseString(p: Parser): string {
  const m = /^"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(p.text.slice(p.at));
  if (!m) throw new SyntaxError(`Invalid string at position ${p.at}`);
  p.at += m[0].length;
  return JSON.parse(m[0]) as string;
}

function parseArray(p: Parser): unknown[] {
  const out: unknown[] = [];
  p.at++;
  skipSpace(p);
  if (p.text[p.at] === ']') { p.at++; return out; }
  for (;;) {
    out.push(parseValue(p));
    skipSpace(p);
    const c = p.text[p.at++];
    if (c === ']') return out;
    if (c !== ',') throw new SyntaxError(`Expecting ',' delimiter at position ${p.at - 1}`);
  }
}

function parseObject(p: Parser): Map<string, unknown> {
  const out = new Map<string, unknown>();
  p.at++;
  skipSpace(p);
  if (p.text[p.at] === '}') { p.at++; return out; }
  for (;;) {
    skipSpace(p);
    if (p.text[p.at] !== '"') throw new SyntaxError(`Expecting property name at position ${p.at}`);
    const key = parseString(p);
    skipSpace(p);
    if (p.text[p.at++] !== ':') throw new SyntaxError(`Expecting ':' delimiter at position ${p.at - 1}`);
    out.set(key, parseValue(p));
    skipSpace(p);
    const c = p.text[p.at++];
    if (c === '}') return out;
    if (c !== ',') throw new SyntaxError(`Expecting ',' delimiter at position ${p.at - 1}`);
  }
}
