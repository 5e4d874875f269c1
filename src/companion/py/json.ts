// Python's json.loads into PyValues (ints vs floats, insertion-ordered dicts, NaN/Infinity), and json.dumps
// through the project's byte-exact pythonJsonDumps. JSON.parse cannot be used: it turns 1.0 into 1 and moves
// the key "1" in front of "a", both of which show up in Django's stored data and responses.
import { pythonJsonDumps } from '../../core/python/json.ts';
import { newIdentity, PyDateTime, PyFloat, pyInt, setKeyed, type PyValue } from './value.ts';
import { isoformat } from './datetime.ts';

export class PyJsonError extends Error {}

export function parsePyJson(text: string): PyValue {
  const p = new Parser(text);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i !== text.length) p.fail('Extra data');
  return v;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;

class Parser {
  i = 0;
  /** json.loads memoizes object keys: equal keys of one parse are one object */
  readonly keyId = newIdentity();
  constructor(readonly s: string) {}

  fail(msg: string): never { throw new PyJsonError(`${msg}: char ${this.i}`); }
  ws(): void { while (' \t\n\r'.includes(this.s[this.i] ?? 'x')) this.i++; }

  value(): PyValue {
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of WORDS) {
      if (this.s.startsWith(word, this.i)) { this.i += word.length; return v; }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail('Expecting value');
    this.i += m[0].length;
    return m[1] || m[2] ? new PyFloat(Number(m[0])) : pyInt(BigInt(m[0]));
  }

  object(): Map<string, PyValue> {
    const out = new Map<string, PyValue>();
    this.i++; this.ws();
    if (this.s[this.i] === '}') { this.i++; return out; }
    for (;;) {
      if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const k = this.string(); this.ws();
      if (this.s[this.i] !== ':') this.fail("Expecting ':' delimiter");
      this.i++; this.ws();
      setKeyed(out, k, this.value(), this.keyId); this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') this.fail("Expecting ',' delimiter");
      this.ws();
    }
  }

  array(): PyValue[] {
    const out: PyValue[] = [];
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

const WORDS: [string, PyValue][] = [
  ['null', null], ['true', true], ['false', false],
  ['NaN', new PyFloat(NaN)], ['Infinity', new PyFloat(Infinity)], ['-Infinity', new PyFloat(-Infinity)],
];
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The reference app's `_jsonable`: datetimes inside session data are shown as {"$datetime": iso}. */
export function toJsonable(v: PyValue): PyValue {
  if (v instanceof PyDateTime) return new Map([['$datetime', isoformat(v)]]);
  if (Array.isArray(v)) return v.map(toJsonable);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, toJsonable(x)]));
  return v;
}

/** Django's JsonResponse body (json.dumps defaults: ", " and ": ", ensure_ascii). */
export function dumpResponseJson(v: PyValue): string {
  return pythonJsonDumps(toJsonable(v));
}

/** Compact form used for stored data and signed values; throws TypeError on datetimes like Python's json. */
export function dumpCompactJson(v: PyValue): string {
  assertSerializable(v);
  return pythonJsonDumps(v, { separators: [',', ':'], ensureAscii: true });
}

function assertSerializable(v: PyValue): void {
  if (v instanceof PyDateTime) throw new TypeError('Object of type datetime is not JSON serializable');
  if (Array.isArray(v)) v.forEach(assertSerializable);
  else if (v instanceof Map) for (const x of v.values()) assertSerializable(x);
}

/** Plain JSON (e.g. from another module's decoder) into PyValues; objects keep their JS key order. */
export function fromJson(v: unknown): PyValue {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  if (typeof v === 'number' && !Number.isInteger(v)) return new PyFloat(v);
  return v as PyValue;
}

/** PyValues as plain JSON for APIs that speak JSON (floats lose their ".0", datetimes become ISO text). */
export function toPlainJson(v: PyValue): unknown {
  if (v instanceof PyFloat) return Number.isFinite(v.value) ? v.value : String(v.value);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyDateTime) return isoformat(v);
  if (Array.isArray(v)) return v.map(toPlainJson);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toPlainJson(x)]));
  return v;
}
