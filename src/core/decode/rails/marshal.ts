// A reader for Ruby Marshal 4.8, limited to the plain types session cookies hold (Rails' :marshal / :hybrid serializer).
// Hand-written because no maintained JS library reads Marshal; anything exotic becomes a clear error, never a crash.
import type { Json } from '../../protocol/index.ts';

export type MarshalRead = { ok: true; value: Json } | { ok: false; error: string };

const MAX_DEPTH = 64;
const lossy = new TextDecoder('utf-8');

export const isMarshal = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 4 && bytes[1] === 8;

class Reader {
  pos = 2;
  symbols: string[] = [];
  objects: Json[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error('unexpected end of data');
    return this.bytes[this.pos++];
  }

  /** Ruby's w_long: small values inline, otherwise 1–4 little-endian bytes with the count (negated for negatives). */
  long(): number {
    const c = (this.byte() << 24) >> 24;
    if (c === 0) return 0;
    if (c >= 5) return c - 5;
    if (c <= -5) return c + 5;
    let x = 0;
    for (let i = 0; i < Math.abs(c); i++) x += this.byte() * 2 ** (8 * i);
    return c > 0 ? x : x - 2 ** (8 * -c);
  }

  raw(): Uint8Array {
    const len = this.long();
    if (len < 0 || this.pos + len > this.bytes.length) throw new Error('length runs past the end of the data');
    return this.bytes.subarray(this.pos, (this.pos += len));
  }

  symbol(): string {
    const t = this.byte();
    if (t === 0x3a /* : */) { const s = lossy.decode(this.raw()); this.symbols.push(s); return s; }
    if (t === 0x3b /* ; */) { const s = this.symbols[this.long()]; if (s === undefined) throw new Error('bad symbol link'); return s; }
    throw new Error(`expected a symbol, got type 0x${t.toString(16)}`);
  }

  entry(value: Json): Json { this.objects.push(value); return value; }

  value(depth: number): Json {
    if (depth > MAX_DEPTH) throw new Error('nesting too deep');
    const t = String.fromCharCode(this.byte());
    switch (t) {
      case '0': return null;
      case 'T': return true;
      case 'F': return false;
      case 'i': return this.long();
      case ':': case ';': this.pos--; return this.symbol();
      case '"': return this.entry(lossy.decode(this.raw()));
      case 'f': return this.entry(floatOf(lossy.decode(this.raw())));
      case 'l': return this.entry(this.bignum());
      case '@': { const v = this.objects[this.long()]; if (v === undefined) throw new Error('bad object link'); return v; }
      case 'I': { const v = this.value(depth + 1); this.skipIvars(depth); return v; }
      case '[': return this.array(depth);
      case '{': case '}': return this.hash(depth, t === '}');
      case 'o': case 'S': return this.plainObject(depth);
      case 'C': case 'e': this.symbol(); return this.value(depth + 1);
      case 'c': case 'm': return this.entry(lossy.decode(this.raw()));
      case 'u': { this.symbol(); return this.entry(lossy.decode(this.raw())); }
      case 'U': { this.symbol(); const i = this.objects.push(null) - 1; return (this.objects[i] = this.value(depth + 1)); }
      case '/': { const v = this.entry(lossy.decode(this.raw())); this.byte(); return v; }
      default: throw new Error(`unsupported Marshal type ${JSON.stringify(t)}`);
    }
  }

  bignum(): number {
    const sign = this.byte();
    const len = this.long() * 2;
    let x = 0;
    for (let i = 0; i < len; i++) x += this.byte() * 2 ** (8 * i);
    return sign === 0x2d /* - */ ? -x : x;
  }

  skipIvars(depth: number): void {
    const n = this.long();
    for (let i = 0; i < n; i++) { this.symbol(); this.value(depth + 1); }
  }

  array(depth: number): Json {
    const out: Json[] = [];
    this.entry(out);
    const n = this.long();
    for (let i = 0; i < n; i++) out.push(this.value(depth + 1));
    return out;
  }

  hash(depth: number, withDefault: boolean): Json {
    const out: { [key: string]: Json } = {};
    this.entry(out);
    const n = this.long();
    for (let i = 0; i < n; i++) {
      const key = this.value(depth + 1);
      out[typeof key === 'string' ? key : JSON.stringify(key)] = this.value(depth + 1);
    }
    if (withDefault) this.value(depth + 1);
    return out;
  }

  /** A plain object or Struct: its instance variables / members, `@` dropped from the names. */
  plainObject(depth: number): Json {
    this.symbol();
    const out: { [key: string]: Json } = {};
    this.entry(out);
    const n = this.long();
    for (let i = 0; i < n; i++) out[this.symbol().replace(/^@/, '')] = this.value(depth + 1);
    return out;
  }
}

function floatOf(text: string): Json {
  if (text === 'inf' || text === '-inf' || text === 'nan') return text; // JSON has no Infinity/NaN
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export function readMarshal(bytes: Uint8Array): MarshalRead {
  if (!isMarshal(bytes)) return { ok: false, error: 'not Marshal 4.8 data (expected bytes 04 08)' };
  const reader = new Reader(bytes);
  try {
    const value = reader.value(0);
    if (reader.pos !== bytes.length) return { ok: false, error: `${bytes.length - reader.pos} trailing bytes after the value` };
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
