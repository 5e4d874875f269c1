// Rebuilds the few Python objects a Django session can hold (datetime, date, timedelta, timezone, Decimal,
// set) from their pickled reduce form; anything else becomes an inert `{"$object": …}` description, so a
// session holding a custom class is still shown instead of failing the whole load.
import type { Json } from '../../core/protocol/index.ts';
import { base64Encode } from '../../core/util/bytes.ts';

export const UTC = Symbol('utc');
/** A Python object the reader could not turn into JSON-compatible data. */
export interface PyObject { $object: string; args: unknown[]; state?: unknown }
export interface PyTimezone { $tz: number } // offset in seconds

export type PyValue = unknown;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`;
}

/** Seconds east of UTC that `zone` has at this UTC instant (ICU's tz database, as zoneinfo would use). */
function zoneOffsetAt(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(utcMs));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(utcMs / 1000) * 1000) / 1000;
}

/** tz offset for a wall-clock time; a named zone (zoneinfo) is resolved for that local time. */
function offsetOf(tz: unknown, wallMs: number): number | null {
  if (tz === UTC) return 0;
  if (tz && typeof tz === 'object' && '$tz' in tz) return (tz as PyTimezone).$tz;
  if (tz && typeof tz === 'object' && '$zone' in tz) {
    const zone = String((tz as { $zone: unknown }).$zone);
    try {
      const first = zoneOffsetAt(zone, wallMs);
      return zoneOffsetAt(zone, wallMs - first * 1000);
    } catch {
      return null; // unknown zone name: show the wall time without an offset
    }
  }
  return null;
}

/** datetime's pickle state: 10 bytes, year big-endian, then month..second, microseconds as 3 bytes. */
function buildDatetime(args: unknown[]): Json {
  const b = args[0];
  if (!(b instanceof Uint8Array) || b.length !== 10) throw new Error('pickle: unsupported datetime state');
  const year = (b[0] << 8) | b[1];
  const us = (b[7] << 16) | (b[8] << 8) | b[9];
  let iso = `${pad(year, 4)}-${pad(b[2] & 0x7f)}-${pad(b[3])}T${pad(b[4])}:${pad(b[5])}:${pad(b[6])}`;
  if (us) iso += '.' + pad(us, 6);
  const offset = offsetOf(args[1], Date.UTC(year, (b[2] & 0x7f) - 1, b[3], b[4], b[5], b[6]));
  if (offset !== null) iso += formatOffset(offset);
  return { $datetime: iso };
}

function buildDate(args: unknown[]): Json {
  const b = args[0];
  if (!(b instanceof Uint8Array) || b.length !== 4) throw new Error('pickle: unsupported date state');
  return { $date: `${pad((b[0] << 8) | b[1], 4)}-${pad(b[2])}-${pad(b[3])}` };
}

function timedeltaSeconds(args: unknown[]): number {
  const [days = 0, seconds = 0, micro = 0] = args.map(Number);
  return days * 86400 + seconds + micro / 1e6;
}

type Builder = (args: unknown[]) => unknown;

const BUILDERS: Record<string, Builder> = {
  'datetime.datetime': buildDatetime,
  'datetime.date': buildDate,
  'datetime.timedelta': (args) => ({ $timedelta: timedeltaSeconds(args) }),
  'datetime.timezone': (args) => {
    const delta = args[0] as { $timedelta?: number } | undefined;
    return { $tz: delta?.$timedelta ?? 0 } satisfies PyTimezone;
  },
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
  'builtins.set': (args) => [...((args[0] as unknown[]) ?? [])],
  'builtins.frozenset': (args) => [...((args[0] as unknown[]) ?? [])],
  'builtins.list': (args) => [...((args[0] as unknown[]) ?? [])],
  'builtins.dict': () => new Map(),
  'collections.OrderedDict': () => new Map(),
  'builtins.bytearray': (args) => args[0] instanceof Uint8Array ? args[0] : new Uint8Array(0),
  // protocols < 4 reach nested names (ZoneInfo._unpickle) through getattr(ZoneInfo, '_unpickle')
  'builtins.getattr': (args) => ({ global: `${describe(args[0])}.${String(args[1])}` } satisfies PyGlobal),
  '__builtin__.getattr': (args) => ({ global: `${describe(args[0])}.${String(args[1])}` } satisfies PyGlobal),
  // copyreg's object reconstructor: the class is the first argument
  'copyreg._reconstructor': (args) => ({ $object: describe(args[0]), args: args.slice(1) } satisfies PyObject),
  'copy_reg._reconstructor': (args) => ({ $object: describe(args[0]), args: args.slice(1) } satisfies PyObject),
};

function describe(value: unknown): string {
  return value && typeof value === 'object' && 'global' in value ? String((value as { global: string }).global) : 'object';
}

/** A reference to a module-level name, produced by GLOBAL / STACK_GLOBAL. */
export interface PyGlobal { global: string }

export function callGlobal(fn: unknown, args: unknown[]): unknown {
  const name = describe(fn);
  const builder = BUILDERS[name];
  if (builder) return builder(args);
  if (name === 'pytz._UTC' || name.endsWith('.utc')) return UTC;
  return { $object: name, args } satisfies PyObject;
}

const MAX_NODES = 1_000_000;

/**
 * Convert reader values to JSON: Maps to objects (keys stringified), bytes to base64, tz markers dropped.
 * Memo references can make cycles (a list containing itself) or exponential fan-out from a few bytes, so
 * cycles become {"$recursive": true} and the output size is capped.
 */
export function toJson(value: unknown, budget = { left: MAX_NODES }, path = new Set<object>()): Json {
  if (--budget.left < 0) throw new Error('pickle: value too large to display');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : { $int: value.toString() };
  }
  if (value instanceof Uint8Array) return { $bytes_b64: base64Encode(value) };
  if (value === UTC) return { $tz: 0 };
  if (typeof value !== 'object') return String(value);
  if (path.has(value)) return { $recursive: true };
  path.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => toJson(v, budget, path));
    const entries = value instanceof Map ? [...value] : Object.entries(value);
    const out: Record<string, Json> = {};
    for (const [k, v] of entries) out[String(toJson(k, budget, path))] = toJson(v, budget, path);
    return out;
  } finally {
    path.delete(value);
  }
}
