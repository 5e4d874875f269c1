// Byte-level reading for the unpickler: bounds-checked fixed-width fields, protocol 0 text lines and the
// little-endian two's complement longs. Every short read is a PickleError, never an out-of-range crash.
import { exactInt } from './json.ts';

export class PickleError extends Error {}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class Reader {
  pos = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (n < 0 || this.pos + n > this.bytes.length) throw new PickleError('pickle: truncated data');
  }
  u8(): number { this.need(1); return this.bytes[this.pos++]; }
  u16(): number { this.need(2); const v = this.view.getUint16(this.pos, true); this.pos += 2; return v; }
  i32(): number { this.need(4); const v = this.view.getInt32(this.pos, true); this.pos += 4; return v; }
  u32(): number { this.need(4); const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  u64(): number {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new PickleError('pickle: length too large');
    return Number(v);
  }
  f64be(): number { this.need(8); const v = this.view.getFloat64(this.pos, false); this.pos += 8; return v; }
  take(n: number): Uint8Array { this.need(n); const b = this.bytes.subarray(this.pos, this.pos + n); this.pos += n; return b; }
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw new PickleError('pickle: truncated text line');
    const text = latin1.decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }
  utf8(n: number): string {
    try {
      return utf8.decode(this.take(n));
    } catch (err) {
      if (err instanceof PickleError) throw err;
      throw new PickleError('pickle: invalid UTF-8 in string');
    }
  }
  latin1(n: number): string { return latin1.decode(this.take(n)); }
}

/** Little-endian two's complement, as LONG1/LONG4 store it. */
export function decodeLong(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return exactInt(v);
}

/** Protocol 0 text: latin-1 bytes with \uXXXX / \UXXXXXXXX escapes for everything else. */
export function decodeRawUnicodeEscape(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_s, short?: string, long?: string) => {
    const code = parseInt(short ?? long ?? '0', 16);
    if (code > 0x10ffff) throw new PickleError('pickle: bad \\U escape');
    return String.fromCodePoint(code);
  });
}

/** Protocol 0 INT/LONG lines; booleans are spelt INT 00 / 01. */
export function parseIntLine(text: string): number | bigint | boolean {
  if (text === '00') return false;
  if (text === '01') return true;
  const t = text.replace(/L$/, '');
  if (!/^[+-]?\d+$/.test(t)) throw new PickleError(`pickle: bad integer ${JSON.stringify(text)}`);
  return exactInt(BigInt(t));
}
