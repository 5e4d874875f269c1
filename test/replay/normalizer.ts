// Masks everything random or time-dependent in a response, following the rules of the reference
// scenario (peers/README.md): session keys → <Kn>, Django signed strings → decoded payload, dates → relative.
import { createHash, createHmac } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { PyFloat } from '../../src/core/python/json.ts';

/** What json.loads gives (parsePythonJsonExact): objects are insertion-ordered Maps. */
type PyValue = unknown;
type PyDict = Map<string, unknown>;

const KEY_RE = /^[a-z0-9]{32}$/;
const SIGNED_RE = /^(\.?[A-Za-z0-9_-]*):([0-9A-Za-z]{1,12}):([A-Za-z0-9_-]{20,})$/;
const HEX64_RE = /[0-9a-f]{64}/g;
const ISO_SRC = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?`;
const CACHE_KEY_RE = /(django\.contrib\.sessions\.(?:cached_db|cache))([a-z0-9]{32})$/;
const HTTP_DATE_RE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SALTS: [string, string][] = [
  ['django.contrib.sessions.SessionStore', 'store'],
  ['django.contrib.sessions.backends.signed_cookies', 'signed_cookies'],
];

/** Python's round(): half to even. The transcripts were printed with it. */
export function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
const tens = (x: number) => pyRound(x / 10) * 10;
const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** datetime.fromisoformat for the forms Django emits; naive means UTC. Returns unix seconds or null. */
export function parseIso(value: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : ms / 1000 + (m[3] ? Number(`0${m[3]}`) : 0);
}

function b62Decode(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 62 + B62.indexOf(ch);
  return n;
}
const b64url = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

export class Normalizer {
  private labels = new Map<string, string>();
  constructor(private readonly secret: string | null) {}

  keyLabel(k: string): string {
    if (!this.labels.has(k)) this.labels.set(k, `<K${this.labels.size + 1}>`);
    return this.labels.get(k)!;
  }

  private sigOk(signedPart: string, sig: string): string {
    for (const [salt, name] of SALTS) {
      const key = createHash('sha256').update(`${salt}signer${this.secret}`).digest();
      const mac = createHmac('sha256', key).update(signedPart).digest('base64url');
      if (mac === sig) return `ok:${name}`;
    }
    return 'BAD';
  }

  signed(value: string, now: number): string {
    const [, payload, ts, sig] = SIGNED_RE.exec(value)!;
    const compressed = payload.startsWith('.');
    let text: string;
    try {
      let data = b64url(compressed ? payload.slice(1) : payload);
      if (compressed) data = inflateSync(data);
      text = data[0] === 0x80 ? '<pickle>'
        : data.toString('latin1').replace(HEX64_RE, '<hex64>').replace(new RegExp(ISO_SRC, 'g'), (m) => this.isoToken(m, now));
    } catch (e) {
      text = `<undecodable ${(e as Error).name === 'Error' ? 'error' : (e as Error).name}>`;
    }
    const age = now - b62Decode(ts);
    const tsdesc = age >= -5 && age <= 600 ? 'recent' : `now-${tens(age)}s`;
    const sigdesc = this.secret ? this.sigOk(`${payload}:${ts}`, sig) : `len${sig.length}`;
    return `<signed${compressed ? ' zlib' : ''} ${text} ts=${tsdesc} sig=${sigdesc}>`;
  }

  isoToken(value: string, now: number): string {
    const t = parseIso(value);
    return t === null ? value : `<iso now${signed(tens(t - now))}s>`;
  }

  string(s: string, now: number): string {
    if (new RegExp(`^${ISO_SRC}$`).test(s)) return this.isoToken(s, now);
    if (KEY_RE.test(s)) return this.keyLabel(s);
    if (SIGNED_RE.test(s)) return this.signed(s, now);
    if (/^[0-9a-f]{64}$/.test(s)) return '<hex64>';
    return s.replace(CACHE_KEY_RE, (_, p: string, k: string) => p + this.keyLabel(k));
  }

  iso(value: string, now: number, hint: number | null, approx: boolean): string {
    const t = parseIso(value);
    if (t === null) return value;
    const delta = t - now;
    if (hint !== null && !approx && delta - hint >= -3 && delta - hint <= 1.5) return '<now+expiry_age>';
    return `<now${signed(tens(delta))}s>`;
  }

  body(obj: PyValue, now: number, approx: boolean, ctx?: PyDict): PyValue {
    const context = ctx ?? (obj instanceof Map ? obj as PyDict : new Map());
    if (Array.isArray(obj)) return obj.map((v) => this.body(v, now, approx, context));
    if (typeof obj === 'string') return this.string(obj, now);
    if (!(obj instanceof Map)) return obj;
    if (obj.size === 1 && obj.has('$datetime')) return `<datetime ${this.iso(String(obj.get('$datetime')), now, null, true)}>`;
    const out: PyDict = new Map();
    for (const [k, v] of obj as PyDict) out.set(k, this.field(k, v, now, approx, context));
    return out;
  }

  private field(k: string, v: PyValue, now: number, approx: boolean, ctx: PyDict): PyValue {
    const num = typeof v === 'bigint' ? Number(v) : v instanceof PyFloat ? v.value : typeof v === 'number' ? v : null;
    if ((k === 'expiry_date' || k === 'expire_date' || k === 'mtime') && typeof v === 'string') {
      const h = ctx.get('expiry_age');
      const hint = k === 'expiry_date' && h !== undefined && h !== null ? Number(h instanceof PyFloat ? h.value : h) : null;
      return this.iso(v, now, hint, approx || k === 'mtime');
    }
    if ((k === 'expiry_age' && approx && num !== null) || (k === 'ttl_seconds' && num !== null)) return `~${tens(num!)}`;
    if (k === 'raw_b64' && typeof v === 'string') {
      const raw = Buffer.from(v, 'base64');
      return raw[0] === 0x80 ? `<pickle protocol ${raw[1]}, ${raw.length} bytes>` : `<raw ${pyBytesRepr(raw.subarray(0, 40))}>`;
    }
    return this.body(v, now, approx, ctx);
  }

  setCookie(header: string, cookieName: string, now: number, approx: boolean): string {
    const parts = header.split(';').map((p) => p.trim());
    const [name, value] = partition(parts[0], '=');
    if (name !== cookieName) return header;
    const v = value === '""' || value === '' ? value : this.string(value, now);
    const attrs = parts.slice(1);
    let maxAge: number | null = null;
    for (const a of attrs) {
      if (a.toLowerCase().startsWith('max-age=') && /^\s*[+-]?\d+\s*$/.test(a.split('=')[1] ?? '')) maxAge = parseInt(a.slice(8), 10);
    }
    const out = attrs.map((a) => this.attribute(a, maxAge, now, approx));
    return [`${name}=${v}`, ...out].join('; ');
  }

  private attribute(a: string, maxAge: number | null, now: number, approx: boolean): string {
    const eq = a.indexOf('=');
    const an = eq < 0 ? a : a.slice(0, eq);
    const av = eq < 0 ? '' : a.slice(eq + 1);
    if (an.toLowerCase() === 'expires' && eq >= 0) {
      if (!HTTP_DATE_RE.test(av)) return `${an}=<BAD DATE FORMAT ${pyStrRepr(av)}>`;
      if (av === 'Thu, 01 Jan 1970 00:00:00 GMT') return a;
      const delta = Date.parse(av) / 1000 - now;
      if (maxAge !== null && delta - maxAge >= -3 && delta - maxAge <= 1.5) return `${an}=<now+Max-Age>`;
      return `${an}=<now${signed(tens(delta))}s>`;
    }
    if (an.toLowerCase() === 'max-age' && approx && maxAge !== null) return `${an}=~${tens(maxAge)}`;
    return a;
  }
}

export function partition(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** repr() of a Python str (the harness only needs the printable-ASCII case exactly). */
export function pyStrRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/** repr() of Python bytes, for the rare non-pickle payloads shown raw. */
export function pyBytesRepr(b: Uint8Array): string {
  const useDouble = b.includes(0x27) && !b.includes(0x22);
  const q = useDouble ? '"' : "'";
  let out = '';
  for (const c of b) {
    if (c === 0x5c) out += '\\\\';
    else if (c === q.charCodeAt(0)) out += `\\${q}`;
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += String.fromCharCode(c);
  }
  return `b${q}${out}${q}`;
}
