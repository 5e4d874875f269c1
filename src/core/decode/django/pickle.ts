// A data-only pickle reader for cached session dicts (LocMemCache protocol 5, django-redis protocol 4).
// It never constructs objects or calls anything: opcodes outside plain data are refused with an error.
import type { Json } from '../../protocol/index.ts';
import { utf8Decode } from '../../util/bytes.ts';

const MARK = Symbol('mark');
type Item = Json | typeof MARK;

export class PickleError extends Error {}

export function readPickle(bytes: Uint8Array): Json {
  const r = new Reader(bytes);
  const stack: Item[] = [];
  const memo: Json[] = [];
  for (;;) {
    const op = r.u8();
    if (op === 0x2e /* . STOP */) {
      if (stack.length !== 1 || stack[0] === MARK) throw new PickleError('pickle ended with an unbalanced stack');
      return stack[0] as Json;
    }
    step(op, r, stack, memo);
  }
}

function step(op: number, r: Reader, stack: Item[], memo: Json[]): void {
  switch (op) {
    case 0x80: r.u8(); return; // PROTO
    case 0x95: r.take(8); return; // FRAME: framing only
    case 0x7d: stack.push({}); return; // EMPTY_DICT
    case 0x5d: stack.push([]); return; // EMPTY_LIST
    case 0x29: stack.push([]); return; // EMPTY_TUPLE (shown as a list)
    case 0x28: stack.push(MARK); return;
    case 0x94: memo.push(top(stack)); return; // MEMOIZE
    case 0x71: memo[r.u8()] = top(stack); return; // BINPUT
    case 0x72: memo[r.u32()] = top(stack); return; // LONG_BINPUT
    case 0x68: stack.push(fromMemo(memo, r.u8())); return; // BINGET
    case 0x6a: stack.push(fromMemo(memo, r.u32())); return; // LONG_BINGET
    case 0x8c: stack.push(r.text(r.u8())); return; // SHORT_BINUNICODE
    case 0x58: stack.push(r.text(r.u32())); return; // BINUNICODE
    case 0x4b: stack.push(r.u8()); return; // BININT1
    case 0x4d: stack.push(r.u8() | (r.u8() << 8)); return; // BININT2
    case 0x4a: stack.push(r.u32() | 0); return; // BININT (signed)
    case 0x8a: stack.push(r.long(r.u8())); return; // LONG1
    case 0x47: stack.push(r.float64()); return; // BINFLOAT
    case 0x4e: stack.push(null); return;
    case 0x88: stack.push(true); return;
    case 0x89: stack.push(false); return;
    case 0x85: case 0x86: case 0x87: stack.push(popN(stack, op - 0x84)); return; // TUPLE1..3
    case 0x74: stack.push(popMark(stack)); return; // TUPLE
    case 0x61: { const v = pop(stack); asList(top(stack)).push(v); return; } // APPEND
    case 0x65: { const items = popMark(stack); asList(top(stack)).push(...items); return; } // APPENDS
    case 0x73: { const v = pop(stack); const k = pop(stack); setKey(top(stack), k, v); return; } // SETITEM
    case 0x75: { const items = popMark(stack); for (let i = 0; i + 1 < items.length; i += 2) setKey(top(stack), items[i], items[i + 1]); return; }
    default: throw new PickleError(`unsupported pickle opcode 0x${op.toString(16)} (only plain data is read; pickles are never executed)`);
  }
}

function top(stack: Item[]): Json {
  const v = stack[stack.length - 1];
  if (v === undefined || v === MARK) throw new PickleError('pickle stack underflow');
  return v;
}
function pop(stack: Item[]): Json { const v = top(stack); stack.pop(); return v; }
function popN(stack: Item[], n: number): Json[] { const out: Json[] = []; for (let i = 0; i < n; i++) out.unshift(pop(stack)); return out; }
function popMark(stack: Item[]): Json[] {
  const at = stack.lastIndexOf(MARK);
  if (at < 0) throw new PickleError('pickle MARK missing');
  return stack.splice(at).slice(1) as Json[];
}
function fromMemo(memo: Json[], i: number): Json {
  if (!(i in memo)) throw new PickleError(`pickle memo ${i} is empty`);
  return memo[i];
}
function asList(v: Json): Json[] {
  if (!Array.isArray(v)) throw new PickleError('pickle APPEND target is not a list');
  return v;
}
function setKey(target: Json, key: Json, value: Json): void {
  if (!target || typeof target !== 'object' || Array.isArray(target)) throw new PickleError('pickle SETITEM target is not a dict');
  const k = typeof key === 'string' ? key : JSON.stringify(key);
  Object.defineProperty(target, k, { value, enumerable: true, writable: true, configurable: true });
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new PickleError('pickle data is truncated');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8(): number { return this.take(1)[0]; }
  u32(): number { const b = this.take(4); return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0; }
  text(n: number): string {
    try { return utf8Decode(this.take(n)); } catch { throw new PickleError('pickle string is not UTF-8'); }
  }
  float64(): number { const b = this.take(8); return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, false); }
  long(n: number): number {
    const b = this.take(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    if (n > 0 && b[n - 1] & 0x80) v -= 1n << BigInt(8 * n);
    return Number(v);
  }
}
