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
