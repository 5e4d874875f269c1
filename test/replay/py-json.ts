// Python's json module as the scenario harness sees it: json.loads keeps int vs float (1.0 stays a float)
// and json.dumps prints floats with repr(). JSON.parse loses that distinction, and transcripts are diffed
// byte for byte, so the replay carries number lexemes through instead of JS numbers.

export class PyFloat {
  constructor(readonly value: number) {}
}
export type PyValue = null | boolean | number | bigint | PyFloat | string | PyValue[] | { [k: string]: PyValue };

export function parsePyJson(text: string): PyValue {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const fail = (): never => { throw new SyntaxError(`invalid JSON at ${i}`); };
  function value(): PyValue {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    for (const [lit, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(lit, i)) { i += lit.length; return v; }
    }
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return m[1] || m[2] ? new PyFloat(Number(m[0])) : BigInt(m[0]);
  }
  function string(): string {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  }
  function array(): PyValue[] {
    const out: PyValue[] = [];
    i++; ws();
    if (text[i] === ']') { i++; return out; }
    for (;;) {
      out.push(value()); ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === ']') { i++; return out; }
      fail();
    }
  }
  function object(): { [k: string]: PyValue } {
    const out: { [k: string]: PyValue } = {};
    i++; ws();
    if (text[i] === '}') { i++; return out; }
    for (;;) {
      ws();
      const k = string(); ws();
      if (text[i] !== ':') fail();
      i++;
      out[k] = value(); ws();
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '}') { i++; return out; }
      fail();
    }
  }
  const v = value(); ws();
  if (i !== text.length) fail();
  return v;
}

/** repr(float) in CPython: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [digits, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const mant = digits.includes('.') ? digits : digits;
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = x.toFixed(Math.max(0, (digits.replace('-', '').replace('.', '').length - 1) - exp));
  return s.includes('.') ? s : `${s}.0`;
}

function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) {
      for (let k = 0; k < ch.length; k++) out += '\\u' + ch.charCodeAt(k).toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/** json.dumps(value) with Python's defaults: ", " and ": " separators, ensure_ascii. */
export function dumpsPy(v: PyValue): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : pyFloatRepr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (typeof v === 'string') return pyString(v);
  if (Array.isArray(v)) return `[${v.map(dumpsPy).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyString(k)}: ${dumpsPy(x)}`).join(', ')}}`;
}
