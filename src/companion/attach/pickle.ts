// A small pickle reader for what Django caches store for sessions: a dict of plain values (protocols 0-5).
// Hand-written because no maintained JavaScript pickle reader exists. It never executes anything: globals
// are only names, rebuilt by a fixed table (pickle-globals.ts) or described inertly.
import type { Json } from '../../core/protocol/index.ts';
import { callGlobal, toJson, type PyGlobal } from './pickle-globals.ts';

export class PickleError extends Error {}

const MARK = Symbol('mark');
const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });

class Reader {
  pos = 0;
  view: DataView;
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
}

/** Little-endian two's complement, as LONG1/LONG4 store it. */
function decodeLong(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new PickleError('pickle: invalid UTF-8 in string');
  }
}

/** Protocol 0 text: latin-1 bytes with \\uXXXX / \\UXXXXXXXX escapes for everything else. */
function decodeRawUnicodeEscape(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g,
    (_s, short?: string, long?: string) => String.fromCodePoint(parseInt(short ?? long ?? '0', 16)));
}

function parseIntLine(text: string): number | bigint | boolean {
  if (text === '00') return false; // protocol 0 spells booleans as INT 00 / 01
  if (text === '01') return true;
  const t = text.replace(/L$/, '');
  if (!/^[+-]?\d+$/.test(t)) throw new PickleError(`pickle: bad integer ${JSON.stringify(text)}`);
  const v = BigInt(t);
  return Number.isSafeInteger(Number(v)) ? Number(v) : v;
}

type Op = (r: Reader, m: Machine) => void;

export class Machine {
  stack: unknown[] = [];
  memo = new Map<number, unknown>();
  done = false;
  pop(): unknown {
    if (this.stack.length === 0) throw new PickleError('pickle: stack underflow');
    return this.stack.pop();
  }
  top(): unknown {
    if (this.stack.length === 0) throw new PickleError('pickle: stack underflow');
    return this.stack[this.stack.length - 1];
  }
  popMark(): unknown[] {
    const i = this.stack.lastIndexOf(MARK);
    if (i < 0) throw new PickleError('pickle: missing MARK');
    const items = this.stack.slice(i + 1);
    this.stack.length = i;
    return items;
  }
  push(v: unknown): void { this.stack.push(v); }
  memoGet(i: number): void {
    if (!this.memo.has(i)) throw new PickleError(`pickle: memo ${i} missing`);
    this.push(this.memo.get(i));
  }
}

function setItems(m: Machine, items: unknown[]): void {
  const target = m.top();
  if (!(target instanceof Map)) throw new PickleError('pickle: SETITEMS on a non-dict');
  for (let i = 0; i + 1 < items.length; i += 2) target.set(hashable(items[i]), items[i + 1]);
}

/** Dict keys are compared by value in Python; ours are primitives, so normalise tuples/bytes to strings. */
function hashable(key: unknown): unknown {
  return key !== null && typeof key === 'object' ? JSON.stringify(toJson(key)) : key;
}

function appendItems(m: Machine, items: unknown[]): void {
  const target = m.top();
  if (!Array.isArray(target)) throw new PickleError('pickle: APPENDS on a non-list');
  target.push(...items);
}

function build(m: Machine): void {
  const state = m.pop();
  const obj = m.top();
  if (obj instanceof Map && state instanceof Map) for (const [k, v] of state) obj.set(k, v);
  else if (obj && typeof obj === 'object' && '$object' in obj) (obj as { state?: unknown }).state = state;
}

const OPS: Record<number, Op> = {
  0x80: (r) => { const p = r.u8(); if (p > 5) throw new PickleError(`pickle: unsupported protocol ${p}`); },
  0x95: (r) => { r.u64(); }, // FRAME: framing is transparent for an in-memory reader
  0x2e: (_r, m) => { m.done = true }, // STOP
  0x28: (_r, m) => m.push(MARK),
  0x30: (_r, m) => { m.pop(); },
  0x31: (_r, m) => { m.popMark(); },
  0x32: (_r, m) => m.push(m.top()),
  0x4e: (_r, m) => m.push(null),
  0x88: (_r, m) => m.push(true),
  0x89: (_r, m) => m.push(false),
  0x4a: (r, m) => m.push(r.i32()),
  0x4b: (r, m) => m.push(r.u8()),
  0x4d: (r, m) => m.push(r.u16()),
  0x8a: (r, m) => m.push(decodeLong(r.take(r.u8()))),
  0x8b: (r, m) => m.push(decodeLong(r.take(r.i32()))),
  0x49: (r, m) => m.push(parseIntLine(r.line())),
  0x4c: (r, m) => m.push(parseIntLine(r.line())),
  0x47: (r, m) => m.push(r.f64be()),
  0x46: (r, m) => m.push(Number(r.line())),
  0x8c: (r, m) => m.push(decodeText(r.take(r.u8()))),
  0x58: (r, m) => m.push(decodeText(r.take(r.u32()))),
  0x8d: (r, m) => m.push(decodeText(r.take(r.u64()))),
  0x56: (r, m) => m.push(decodeRawUnicodeEscape(r.line())),
  0x55: (r, m) => m.push(latin1.decode(r.take(r.u8()))),
  0x54: (r, m) => m.push(latin1.decode(r.take(r.i32()))),
  0x43: (r, m) => m.push(r.take(r.u8()).slice()),
  0x42: (r, m) => m.push(r.take(r.u32()).slice()),
  0x8e: (r, m) => m.push(r.take(r.u64()).slice()),
  0x96: (r, m) => m.push(r.take(r.u64()).slice()),
  0x7d: (_r, m) => m.push(new Map()),
  0x5d: (_r, m) => m.push([]),
  0x29: (_r, m) => m.push([]),
  0x8f: (_r, m) => m.push([]), // EMPTY_SET: a list is the closest JSON shape
  0x90: (_r, m) => appendItems(m, m.popMark()),
  0x91: (_r, m) => m.push(m.popMark()),
  0x64: (_r, m) => { const items = m.popMark(); const d = new Map(); m.push(d); setItems(m, items); },
  0x6c: (_r, m) => m.push(m.popMark()),
  0x74: (_r, m) => m.push(m.popMark()),
  0x85: (_r, m) => m.push([m.pop()]),
  0x86: (_r, m) => { const b = m.pop(); const a = m.pop(); m.push([a, b]); },
  0x87: (_r, m) => { const c = m.pop(); const b = m.pop(); const a = m.pop(); m.push([a, b, c]); },
  0x73: (_r, m) => { const v = m.pop(); const k = m.pop(); setItems(m, [k, v]); },
  0x75: (_r, m) => setItems(m, m.popMark()),
  0x61: (_r, m) => { const v = m.pop(); appendItems(m, [v]); },
  0x65: (_r, m) => appendItems(m, m.popMark()),
  0x71: (r, m) => { m.memo.set(r.u8(), m.top()); },
  0x72: (r, m) => { m.memo.set(r.u32(), m.top()); },
  0x70: (r, m) => { m.memo.set(Number(r.line()), m.top()); },
  0x94: (_r, m) => { m.memo.set(m.memo.size, m.top()); },
  0x68: (r, m) => m.memoGet(r.u8()),
  0x6a: (r, m) => m.memoGet(r.u32()),
  0x67: (r, m) => m.memoGet(Number(r.line())),
  0x63: (r, m) => { const mod = r.line(); m.push({ global: `${mod}.${r.line()}` } satisfies PyGlobal); },
  0x93: (_r, m) => { const name = m.pop(); const mod = m.pop(); m.push({ global: `${String(mod)}.${String(name)}` } satisfies PyGlobal); },
  0x52: (_r, m) => { const args = m.pop(); const fn = m.pop(); m.push(callGlobal(fn, asArgs(args))); },
  0x81: (_r, m) => { const args = m.pop(); const cls = m.pop(); m.push(callGlobal(cls, asArgs(args))); },
  0x92: (_r, m) => { m.pop(); const args = m.pop(); const cls = m.pop(); m.push(callGlobal(cls, asArgs(args))); },
  0x62: (_r, m) => build(m),
};

function asArgs(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new PickleError('pickle: call arguments are not a tuple');
  return value;
}

/** Read one pickle into JSON-compatible data. Throws PickleError with a clear message on bad input. */
export function readPickle(bytes: Uint8Array): Json {
  const r = new Reader(bytes);
  const m = new Machine();
  while (!m.done) {
    const code = r.u8();
    const op = OPS[code];
    if (!op) throw new PickleError(`pickle: unsupported opcode 0x${code.toString(16)} at offset ${r.pos - 1}`);
    try {
      op(r, m);
    } catch (err) {
      if (err instanceof PickleError) throw err;
      throw new PickleError(`pickle: ${(err as Error).message}`);
    }
  }
  if (m.stack.length !== 1) throw new PickleError('pickle: malformed (stack not empty at STOP)');
  try {
    return toJson(m.stack[0]);
  } catch (err) {
    throw new PickleError((err as Error).message);
  }
}
