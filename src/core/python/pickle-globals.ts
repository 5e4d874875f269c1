// The reader's value types and the few Python objects a Django session can hold (datetime, date, timedelta,
// timezone, Decimal, set), rebuilt from their pickled reduce form by a fixed table. Anything else becomes an
// inert `{"$object": …}` description, so a session holding a custom class is still shown instead of failing.
import { PyFloat } from './json.ts';
import { PickleError } from './pickle-reader.ts';

/** A str object on the unpickler stack: memo references share it, so dict keys keep their CPython identity. */
export class PyStr {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}

export const unwrap = (x: unknown): unknown => (x instanceof PyStr ? x.text : x);

/** A Python dict: keys are hashable primitives; keyObject() gives the str object that first brought a key. */
export class PickleDict extends Map<unknown, unknown> {
  private readonly keyObjects = new Map<unknown, PyStr>();
  setItem(key: unknown, value: unknown, keyObject: unknown): void {
    if (!this.has(key) && keyObject instanceof PyStr) this.keyObjects.set(key, keyObject);
    this.set(key, value);
  }
  keyObject(key: unknown): PyStr | undefined { return this.keyObjects.get(key); }
}

/** set / frozenset: shown as a list, but distinguishable from one. */
export class PySet extends Array<unknown> {}

export const UTC = Symbol('utc');
export interface PyTimezone { $tz: number } // offset in seconds
/** A reference to a module-level name, produced by GLOBAL / STACK_GLOBAL. */
export interface PyGlobal { global: string }
/** A Python object the reader could not rebuild. */
export interface PyObject { $object: string; args: unknown[]; state?: unknown }

/** datetime's pickle state (10 bytes: year big-endian, month..second, microseconds as 3 bytes) plus tzinfo. */
export class PickledDateTime {
  constructor(
    readonly year: number, readonly month: number, readonly day: number, readonly hour: number,
    readonly minute: number, readonly second: number, readonly micro: number,
    /** undefined/null = naive; UTC = pytz.utc; {$tz} = datetime.timezone; {$zone} = zoneinfo or pytz zone */
    readonly tz: unknown,
  ) {}
  /** The wall time in milliseconds as if it were UTC (no tzinfo applied). */
  get wallMs(): number { return Date.UTC(this.year, this.month - 1, this.day, this.hour, this.minute, this.second); }
}

/** Dict keys compare by value in Python; ours are primitives, so tuples/bytes become their JSON text. */
export function hashable(key: unknown): unknown {
  if (key instanceof PyFloat) return key.value;
  return key !== null && typeof key === 'object' ? JSON.stringify(key, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof PyFloat ? v.value : v)) : key;
}

function buildDatetime(args: unknown[]): PickledDateTime {
  const b = args[0];
  if (!(b instanceof Uint8Array) || b.length !== 10) throw new PickleError('pickle: unsupported datetime state');
  return new PickledDateTime((b[0] << 8) | b[1], b[2] & 0x7f, b[3], b[4], b[5], b[6], (b[7] << 16) | (b[8] << 8) | b[9], args[1]);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function buildDate(args: unknown[]): { $date: string } {
  const b = args[0];
  if (!(b instanceof Uint8Array) || b.length !== 4) throw new PickleError('pickle: unsupported date state');
  return { $date: `${pad((b[0] << 8) | b[1], 4)}-${pad(b[2])}-${pad(b[3])}` };
}

function timedeltaSeconds(args: unknown[]): number {
  const [days = 0, seconds = 0, micro = 0] = args.map(Number);
  return days * 86400 + seconds + micro / 1e6;
}

const getattr = (args: unknown[]): PyGlobal => ({ global: `${describe(args[0])}.${String(args[1])}` });
const reconstruct = (args: unknown[]): PyObject => ({ $object: describe(args[0]), args: args.slice(1) });
const toSet = (args: unknown[]): PySet => PySet.from((args[0] as unknown[]) ?? []);

const BUILDERS: Record<string, (args: unknown[]) => unknown> = {
  'datetime.datetime': buildDatetime,
  'datetime.date': buildDate,
  'datetime.timedelta': (args) => ({ $timedelta: timedeltaSeconds(args) }),
  'datetime.timezone': (args) => ({ $tz: (args[0] as { $timedelta?: number } | undefined)?.$timedelta ?? 0 } satisfies PyTimezone),
  'pytz._UTC': () => UTC,
  // pytz zones pickle as _p(zone, utcoffset, dst, tzname); the offset is all a display needs
  'pytz._p': (args) => (typeof args[1] === 'number' ? { $tz: args[1] } : { $zone: String(args[0]) }),
  'zoneinfo.ZoneInfo._unpickle': (args) => ({ $zone: String(args[0]) }),
  'backports.zoneinfo.ZoneInfo._unpickle': (args) => ({ $zone: String(args[0]) }),
  // protocols 0-2 write bytes as _codecs.encode(text, 'latin1')
  '_codecs.encode': (args) => Uint8Array.from(String(args[0]), (c) => c.charCodeAt(0) & 0xff),
  'pytz.utc': () => UTC,
  'django.utils.timezone.utc': () => UTC,
  'decimal.Decimal': (args) => ({ $decimal: String(args[0]) }),
  'builtins.set': toSet,
  'builtins.frozenset': toSet,
  'builtins.list': (args) => [...((args[0] as unknown[]) ?? [])],
  'builtins.dict': () => new PickleDict(),
  'collections.OrderedDict': () => new PickleDict(),
  'builtins.bytearray': (args) => (args[0] instanceof Uint8Array ? args[0] : new Uint8Array(0)),
  // protocols < 4 reach nested names (ZoneInfo._unpickle) through getattr(ZoneInfo, '_unpickle')
  'builtins.getattr': getattr,
  '__builtin__.getattr': getattr,
  // copyreg's object reconstructor: the class is the first argument
  'copyreg._reconstructor': reconstruct,
  'copy_reg._reconstructor': reconstruct,
};

export function describe(value: unknown): string {
  return value && typeof value === 'object' && 'global' in value ? String((value as PyGlobal).global) : 'object';
}

export function callGlobal(fn: unknown, args: unknown[]): unknown {
  const name = describe(fn);
  const builder = BUILDERS[name];
  if (builder) return builder(args);
  if (name.endsWith('.utc')) return UTC;
  return { $object: name, args } satisfies PyObject;
}
