// pickle.dumps(value, protocol=5) for the plain types sessions hold, byte-identical to CPython for JSON-born
// data, and a reader for the same subset. Django's cache backends (LocMem, Redis) store session dicts pickled;
// hand-written because no maintained JS pickle library exists.
import { utf8Encode } from '../../core/util/bytes.ts';
import { isFreshValue, keyIdentity, PyDateTime, PyFloat, type PyDict, type PyValue } from './value.ts';

const BATCH = 1000;

class Writer {
  bytes: number[] = [];
  memo = new Map<string, number>();
  memoCount = 0;

  op(...b: number[]): void { for (const x of b) this.bytes.push(x); }
  raw(b: Uint8Array): void { for (const x of b) this.bytes.push(x); }
  le(n: number, width: number): void { for (let i = 0; i < width; i++) this.op(Math.floor(n / 2 ** (8 * i)) & 0xff); }
  memoize(id?: string): void {
    if (id !== undefined) this.memo.set(id, this.memoCount);
    this.memoCount++;
    this.op(0x94);
  }
  get(id: string): boolean {
    const idx = this.memo.get(id);
    if (idx === undefined) return false;
    if (idx < 256) this.op(0x68, idx); else { this.op(0x6a); this.le(idx, 4); }
    return true;
  }
}

// CPython keeps one object for "" and per 1-char latin-1 string; pickle memoizes by object, so those always
// repeat as BINGET.
const isSingleton = (s: string): boolean => s.length === 0 || (s.length === 1 && s.charCodeAt(0) < 256);

/** `id` names the CPython object (see value.ts identities); undefined = an object of its own. */
function writeStr(w: Writer, s: string, id?: string): void {
  if (id && w.get(id)) return;
  const b = utf8Encode(s);
  if (b.length < 256) w.op(0x8c, b.length); else { w.op(0x58); w.le(b.length, 4); }
  w.raw(b);
  w.memoize(id);
}

function keyId(d: PyDict, k: string): string | undefined {
  if (isSingleton(k)) return 's1:' + k;
  const id = keyIdentity(d, k);
  return id === undefined ? undefined : `k:${id}:${k}`;
}

function valueId(d: PyDict | null, k: string | null, v: string): string | undefined {
  if (!isSingleton(v)) return undefined;
  return d && k !== null && isFreshValue(d, k) ? undefined : 's1:' + v;
}

function writeInt(w: Writer, n: number | bigint): void {
  if (typeof n === 'number' && n >= 0 && n < 256) return w.op(0x4b, n);
  if (typeof n === 'number' && n >= 0 && n < 65536) { w.op(0x4d); return w.le(n, 2); }
  if (typeof n === 'number' && n >= -(2 ** 31) && n < 2 ** 31) { w.op(0x4a); return w.le(n >>> 0, 4); }
  const bytes = twosComplement(BigInt(n));
  if (bytes.length < 256) w.op(0x8a, bytes.length); else { w.op(0x8b); w.le(bytes.length, 4); }
  w.op(...bytes);
}

function twosComplement(n: bigint): number[] {
  const out: number[] = [];
  let x = n;
  for (;;) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
    const signBit = (out[out.length - 1] & 0x80) !== 0;
    if ((x === 0n && !signBit) || (x === -1n && signBit)) return out;
  }
}

function writeFloat(w: Writer, f: number): void {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, f, false);
  w.op(0x47); w.raw(b);
}

function writeGlobal(w: Writer, module: string, name: string): void {
  if (w.get(`g:${module}.${name}`)) return;
  // the module name is one shared object; each class name is its own
  writeStr(w, module, 'm:' + module);
  writeStr(w, name, `n:${module}.${name}`);
  w.op(0x93); w.memoize(`g:${module}.${name}`);
}

function writeDateTime(w: Writer, dt: PyDateTime): void {
  writeGlobal(w, 'datetime', 'datetime');
  const off = typeof dt.tz === 'number' ? dt.tz : 0;
  const local = Math.round(dt.micros + off * 1e6);
  const sec = Math.floor(local / 1e6), us = local - sec * 1e6;
  const d = new Date(sec * 1000);
  const y = d.getUTCFullYear();
  w.op(0x43, 10, y >> 8, y & 0xff, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(),
    (us >> 16) & 0xff, (us >> 8) & 0xff, us & 0xff);
  w.memoize();
  if (dt.tz === null) { w.op(0x85); w.memoize(); w.op(0x52); w.memoize(); return; }
  if (dt.tz === 'pytz-utc') { writeGlobal(w, 'pytz', '_UTC'); w.op(0x29, 0x52); w.memoize(); }
  else {
    writeGlobal(w, 'datetime', 'timezone');
    writeGlobal(w, 'datetime', 'timedelta');
    const days = Math.floor(off / 86400);
    writeInt(w, days); writeInt(w, off - days * 86400); writeInt(w, 0);
    w.op(0x87); w.memoize(); w.op(0x52); w.memoize(); w.op(0x85); w.memoize(); w.op(0x52); w.memoize();
  }
  w.op(0x86); w.memoize(); w.op(0x52); w.memoize();
}

function writeBatched<T>(w: Writer, items: T[], one: (x: T) => void, single: number, multi: number): void {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    if (batch.length === 1) { one(batch[0]); w.op(single); continue; }
    w.op(0x28); batch.forEach(one); w.op(multi);
  }
}

function writeValue(w: Writer, v: PyValue, parent: PyDict | null = null, key: string | null = null): void {
  if (v === null) return w.op(0x4e);
  if (v === true) return w.op(0x88);
  if (v === false) return w.op(0x89);
  if (typeof v === 'number' || typeof v === 'bigint') return writeInt(w, v);
  if (v instanceof PyFloat) return writeFloat(w, v.value);
  if (typeof v === 'string') return writeStr(w, v, valueId(parent, key, v));
  if (v instanceof PyDateTime) return writeDateTime(w, v);
  if (Array.isArray(v)) {
    w.op(0x5d); w.memoize();
    return writeBatched(w, v, (x) => writeValue(w, x), 0x61, 0x65);
  }
  w.op(0x7d); w.memoize();
  const d = v;
  writeBatched(w, [...d], ([k, x]) => { writeStr(w, k, keyId(d, k)); writeValue(w, x, d, k); }, 0x73, 0x75);
}

/** pickle.dumps(value, 5): PROTO, one FRAME when the body is at least 4 bytes, STOP. */
export function pickleDumps(v: PyValue): Uint8Array {
  const w = new Writer();
  writeValue(w, v);
  w.op(0x2e);
  const body = w.bytes;
  const head = [0x80, 5];
  if (body.length >= 4) { head.push(0x95); for (let i = 0; i < 8; i++) head.push(Math.floor(body.length / 2 ** (8 * i)) & 0xff); }
  return Uint8Array.from([...head, ...body]);
}

export { pickleLoads, PickleError } from './unpickle.ts';
