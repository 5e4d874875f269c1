// The project's one pickle reader (pickle.loads for session data: protocols 0-5). Hand-written because no
// maintained JavaScript pickle reader exists. It never executes anything: globals are only names, rebuilt by
// a fixed table (pickle-globals.ts) or described inertly, and `dataOnly` refuses them outright.
// The tree it returns keeps what Python-faithful callers need (PyFloat, str object identity of dict keys);
// readPickle (pickle-json.ts) turns it into display JSON.
import { PyFloat } from './json.ts';
import { decodeLong, decodeRawUnicodeEscape, parseIntLine, PickleError, Reader } from './pickle-reader.ts';
import { callGlobal, hashable, PickleDict, PySet, PyStr, unwrap, type PyGlobal } from './pickle-globals.ts';

export { PickleError };

export interface UnpickleOptions {
  /** Refuse every opcode that names a global or builds an object: only plain data is read. */
  dataOnly?: boolean;
}

const MARK = Symbol('mark');
// Opcodes that reach for a global or build an object (GLOBAL, STACK_GLOBAL, REDUCE, NEWOBJ, NEWOBJ_EX, BUILD).
const OBJECT_OPS = new Set([0x63, 0x93, 0x52, 0x81, 0x92, 0x62]);

class Machine {
  stack: unknown[] = [];
  memo = new Map<number, unknown>();
  done = false;
  pop(): unknown {
    if (this.stack.length === 0 || this.stack[this.stack.length - 1] === MARK) throw new PickleError('pickle: stack underflow');
    return this.stack.pop();
  }
  top(): unknown {
    if (this.stack.length === 0) throw new PickleError('pickle: stack underflow');
    return this.stack[this.stack.length - 1];
  }
  /** Items above the topmost MARK; `raw` keeps str objects (dict keys need their identity). */
  popMark(raw = false): unknown[] {
    const i = this.stack.lastIndexOf(MARK);
    if (i < 0) throw new PickleError('pickle: missing MARK');
    const items = this.stack.slice(i + 1);
    this.stack.length = i;
    return raw ? items : items.map(unwrap);
  }
  push(v: unknown): void { this.stack.push(v); }
  memoGet(i: number): void {
    if (!this.memo.has(i)) throw new PickleError(`pickle: memo ${i} missing`);
    this.push(this.memo.get(i));
  }
}

/** SETITEM(S) with raw stack items: the first key object of an equal key is kept, as in a Python dict. */
function setItems(m: Machine, items: unknown[]): void {
  const target = m.top();
  if (!(target instanceof PickleDict)) throw new PickleError('pickle: SETITEMS on a non-dict');
  for (let i = 0; i + 1 < items.length; i += 2) target.setItem(hashable(unwrap(items[i])), unwrap(items[i + 1]), items[i]);
}

function appendItems(m: Machine, items: unknown[]): void {
  const target = m.top();
  if (!Array.isArray(target)) throw new PickleError('pickle: APPENDS on a non-list');
  for (const item of items) target.push(unwrap(item));
}

function build(m: Machine): void {
  const state = unwrap(m.pop());
  const obj = m.top();
  if (obj instanceof PickleDict && state instanceof PickleDict) for (const [k, v] of state) obj.setItem(k, v, state.keyObject(k));
  else if (obj && typeof obj === 'object' && '$object' in obj) (obj as { state?: unknown }).state = state;
}

function popTuple(m: Machine, n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.unshift(unwrap(m.pop()));
  return out;
}

function asArgs(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new PickleError('pickle: call arguments are not a tuple');
  return value;
}

function stackGlobal(m: Machine): PyGlobal {
  const name = unwrap(m.pop());
  const mod = unwrap(m.pop());
  return { global: `${String(mod)}.${String(name)}` };
}

type Op = (r: Reader, m: Machine) => void;

const OPS: Record<number, Op> = {
  0x80: (r) => { const p = r.u8(); if (p > 5) throw new PickleError(`pickle: unsupported protocol ${p}`); },
  0x95: (r) => { r.u64(); }, // FRAME: framing is transparent for an in-memory reader
  0x2e: (_r, m) => { m.done = true; }, // STOP
  0x28: (_r, m) => m.push(MARK),
  0x30: (_r, m) => { m.top(); m.stack.pop(); }, // POP also drops a MARK, as CPython's does
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
  0x47: (r, m) => m.push(new PyFloat(r.f64be())),
  0x46: (r, m) => m.push(new PyFloat(Number(r.line()))),
  0x8c: (r, m) => m.push(new PyStr(r.utf8(r.u8()))),
  0x58: (r, m) => m.push(new PyStr(r.utf8(r.u32()))),
  0x8d: (r, m) => m.push(new PyStr(r.utf8(r.u64()))),
  0x56: (r, m) => m.push(new PyStr(decodeRawUnicodeEscape(r.line()))),
  0x55: (r, m) => m.push(r.latin1(r.u8())),
  0x54: (r, m) => m.push(r.latin1(r.i32())),
  0x43: (r, m) => m.push(r.take(r.u8()).slice()),
  0x42: (r, m) => m.push(r.take(r.u32()).slice()),
  0x8e: (r, m) => m.push(r.take(r.u64()).slice()),
  0x96: (r, m) => m.push(r.take(r.u64()).slice()),
  0x7d: (_r, m) => m.push(new PickleDict()),
  0x5d: (_r, m) => m.push([]),
  0x29: (_r, m) => m.push([]),
  0x8f: (_r, m) => m.push(new PySet()),
  0x90: (_r, m) => appendItems(m, m.popMark()),
  0x91: (_r, m) => m.push(PySet.from(m.popMark())),
  0x64: (_r, m) => { const items = m.popMark(true); m.push(new PickleDict()); setItems(m, items); },
  0x6c: (_r, m) => m.push(m.popMark()),
  0x74: (_r, m) => m.push(m.popMark()),
  0x85: (_r, m) => m.push(popTuple(m, 1)),
  0x86: (_r, m) => m.push(popTuple(m, 2)),
  0x87: (_r, m) => m.push(popTuple(m, 3)),
  0x73: (_r, m) => { const v = m.pop(); const k = m.pop(); setItems(m, [k, v]); },
  0x75: (_r, m) => setItems(m, m.popMark(true)),
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
  0x93: (_r, m) => m.push(stackGlobal(m)),
  0x52: (_r, m) => { const args = unwrap(m.pop()); const fn = m.pop(); m.push(callGlobal(fn, asArgs(args))); },
  0x81: (_r, m) => { const args = unwrap(m.pop()); const cls = m.pop(); m.push(callGlobal(cls, asArgs(args))); },
  0x92: (_r, m) => { m.pop(); const args = unwrap(m.pop()); const cls = m.pop(); m.push(callGlobal(cls, asArgs(args))); },
  0x62: (_r, m) => build(m),
};

function runOp(code: number, r: Reader, m: Machine, opts: UnpickleOptions): void {
  if (opts.dataOnly && OBJECT_OPS.has(code)) {
    throw new PickleError(`unsupported pickle opcode 0x${code.toString(16)} (only plain data is read; pickles are never executed)`);
  }
  const op = OPS[code];
  if (!op) throw new PickleError(`pickle: unsupported opcode 0x${code.toString(16)} at offset ${r.pos - 1}`);
  try {
    op(r, m);
  } catch (err) {
    if (err instanceof PickleError) throw err;
    throw new PickleError(`pickle: ${(err as Error).message}`);
  }
}

/**
 * pickle.loads into the reader's tree: PyFloat for floats, number/bigint ints, PickleDict (key objects kept),
 * arrays for lists and tuples, PySet, Uint8Array, rebuilt globals. Throws PickleError with a clear message.
 */
export function loadPickle(bytes: Uint8Array, opts: UnpickleOptions = {}): unknown {
  const r = new Reader(bytes);
  const m = new Machine();
  while (!m.done) runOp(r.u8(), r, m, opts);
  if (m.stack.length !== 1 || m.stack[0] === MARK) throw new PickleError('pickle: unbalanced stack at STOP');
  return unwrap(m.stack[0]);
}
