// pickle.loads for what caches hold for sessions: protocol 2-5 dicts, lists, tuples, str, int, float, bool,
// None and datetimes (with datetime.timezone or pytz UTC). Anything else is refused with PickleError.
import { newIdentity, PyDateTime, PyFloat, pyInt, setKeyed, type PyValue } from './value.ts';

export class PickleError extends Error {}

/** A string on the unpickler stack keeps its object identity (memo references share it) until stored. */
class PStr {
  readonly id = newIdentity();
  constructor(readonly s: string) {}
  toString(): string { return this.s; }
}
type Item = PyValue | Uint8Array | Global | PStr | typeof MARK;
const unwrap = (x: unknown): Item => (x instanceof PStr ? x.s : (x as Item));
interface Global { global: string }
const MARK = Symbol('mark');

class Reader {
  i = 0;
  view: DataView;
  constructor(readonly b: Uint8Array) { this.view = new DataView(b.buffer, b.byteOffset, b.byteLength); }
  need(n: number): void { if (this.i + n > this.b.length) throw new PickleError('pickle data was truncated'); }
  u8(): number { this.need(1); return this.b[this.i++]; }
  uint(n: number): number { this.need(n); let v = 0; for (let k = n - 1; k >= 0; k--) v = v * 256 + this.b[this.i + k]; this.i += n; return v; }
  bytes(n: number): Uint8Array { this.need(n); const out = this.b.subarray(this.i, this.i + n); this.i += n; return out; }
  text(n: number): string { return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(n)); }
  line(): string { const end = this.b.indexOf(0x0a, this.i); if (end < 0) throw new PickleError('truncated line'); const s = new TextDecoder().decode(this.b.subarray(this.i, end)); this.i = end + 1; return s; }
}

function fromTwos(b: Uint8Array): number | bigint {
  let n = 0n;
  for (let k = b.length - 1; k >= 0; k--) n = (n << 8n) | BigInt(b[k]);
  if (b.length && b[b.length - 1] & 0x80) n -= 1n << BigInt(8 * b.length);
  return pyInt(n);
}

function reduce(fn: Item, args: Item): PyValue | Global {
  const name = (fn as Global).global;
  const a = args as Item[];
  if (name === 'pytz._UTC' || name === 'pytz.utc') return { global: 'tz:pytz-utc' };
  if (name === 'datetime.timedelta') return { global: `td:${Number(a[0] ?? 0) * 86400 + Number(a[1] ?? 0) + Number(a[2] ?? 0) / 1e6}` };
  if (name === 'datetime.timezone') return { global: `tz:${(a[0] as Global).global.slice(3)}` };
  if (name === 'datetime.datetime' && a[0] instanceof Uint8Array) return decodeDateTime(a[0], a[1] as Global | undefined);
  throw new PickleError(`unsupported pickled object ${name}`);
}

function decodeDateTime(b: Uint8Array, tz: Global | undefined | null): PyDateTime {
  if (b.length !== 10) throw new PickleError('bad datetime state');
  const ms = Date.UTC((b[0] << 8) | b[1], b[2] - 1, b[3], b[4], b[5], b[6]);
  const local = ms * 1000 + ((b[7] << 16) | (b[8] << 8) | b[9]);
  if (!tz || !tz.global) return new PyDateTime(local, null);
  const spec = tz.global.slice(3);
  if (spec === 'pytz-utc') return new PyDateTime(local, 'pytz-utc');
  const off = Number(spec);
  return new PyDateTime(local - off * 1e6, off === 0 ? 'utc' : off);
}

function popMark(stack: Item[]): Item[] {
  const at = stack.lastIndexOf(MARK);
  if (at < 0) throw new PickleError('MARK not found');
  return stack.splice(at).slice(1);
}

export function pickleLoads(data: Uint8Array): PyValue {
  try {
    return run(data);
  } catch (err) {
    if (err instanceof PickleError) throw err;
    throw new PickleError(`unreadable pickle: ${(err as Error).message}`);
  }
}

// Opcodes that only push one value read from the stream.
const SCALARS: Record<number, (r: Reader) => Item> = {
  0x4e: () => null, 0x88: () => true, 0x89: () => false,
  0x4b: (r) => r.u8(), 0x4d: (r) => r.uint(2), 0x4a: (r) => r.view.getInt32((r.i += 4) - 4, true),
  0x8a: (r) => fromTwos(r.bytes(r.u8())), 0x8b: (r) => fromTwos(r.bytes(r.uint(4))),
  0x47: (r) => new PyFloat(r.view.getFloat64((r.i += 8) - 8, false)),
  0x8c: (r) => new PStr(r.text(r.u8())), 0x58: (r) => new PStr(r.text(r.uint(4))), 0x8d: (r) => new PStr(r.text(r.uint(8))),
  0x43: (r) => r.bytes(r.u8()), 0x42: (r) => r.bytes(r.uint(4)),
  0x28: () => MARK, 0x7d: () => new Map(), 0x5d: () => [], 0x29: () => [],
  0x63: (r) => { const mod = r.line(); return { global: `${mod}.${r.line()}` }; },
};

class Machine {
  stack: Item[] = [];
  memo: Item[] = [];
  top(): Item { if (!this.stack.length) throw new PickleError('stack underflow'); return this.stack[this.stack.length - 1]; }
  pop(): Item { if (!this.stack.length) throw new PickleError('stack underflow'); return this.stack.pop()!; }
  push(v: Item): void { this.stack.push(v); }
}

/** Stack, memo and container opcodes; false for an unknown opcode. */
function step(m: Machine, op: number, r: Reader): boolean {
  switch (op) {
    case 0x80: r.u8(); return true;
    case 0x95: r.uint(8); return true;
    case 0x94: m.memo.push(m.top()); return true;
    case 0x71: m.memo[r.u8()] = m.top(); return true;
    case 0x72: m.memo[r.uint(4)] = m.top(); return true;
    case 0x68: m.push(memoGet(m.memo, r.u8())); return true;
    case 0x6a: m.push(memoGet(m.memo, r.uint(4))); return true;
    case 0x73: { const v = m.pop(), k = m.pop(); setItem(m.top(), k, v); return true; }
    case 0x75: { const items = popMark(m.stack); for (let k = 0; k < items.length; k += 2) setItem(m.top(), items[k], items[k + 1]); return true; }
    case 0x61: { const v = m.pop(); asList(m.top()).push(unwrap(v) as PyValue); return true; }
    case 0x65: { const items = popMark(m.stack); asList(m.top()).push(...(items.map(unwrap) as PyValue[])); return true; }
    case 0x74: m.push(popMark(m.stack).map(unwrap) as PyValue[]); return true;
    case 0x85: m.push([unwrap(m.pop())] as PyValue[]); return true;
    case 0x86: { const b = m.pop(), a = m.pop(); m.push([a, b].map(unwrap) as PyValue[]); return true; }
    case 0x87: { const c = m.pop(), b = m.pop(), a = m.pop(); m.push([a, b, c].map(unwrap) as PyValue[]); return true; }
    case 0x93: { const name = m.pop(), mod = m.pop(); m.push({ global: `${String(mod)}.${String(name)}` }); return true; }
    case 0x52: { const args = m.pop(), fn = m.pop(); m.push(reduce(fn, args) as Item); return true; }
    default: return false;
  }
}

function run(data: Uint8Array): PyValue {
  const r = new Reader(data);
  const m = new Machine();
  for (;;) {
    const op = r.u8();
    if (op === 0x2e) {
      const v = unwrap(m.pop());
      if (v instanceof Uint8Array || v === MARK || (v && typeof v === 'object' && 'global' in v)) throw new PickleError('unsupported top-level value');
      return v as PyValue;
    }
    const scalar = SCALARS[op];
    if (scalar) m.push(scalar(r));
    else if (!step(m, op, r)) throw new PickleError(`unsupported pickle opcode 0x${op.toString(16)}`);
  }
}

function memoGet(memo: Item[], idx: number): Item {
  if (!(idx in memo)) throw new PickleError(`memo key ${idx} missing`);
  return memo[idx];
}
function asList(x: Item): PyValue[] {
  if (!Array.isArray(x)) throw new PickleError('APPEND to a non-list');
  return x;
}
function setItem(d: Item, k: Item, v: Item): void {
  if (!(d instanceof Map)) throw new PickleError('SETITEM on a non-dict');
  if (!(k instanceof PStr)) throw new PickleError('only str dict keys are supported');
  setKeyed(d, k.s, unwrap(v) as PyValue, k.id);
}
