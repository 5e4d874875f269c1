// The reader's tree as display JSON: datetimes as {"$datetime": iso}, bytes as base64, big ints as {"$int"},
// non-finite floats as {"$float"}. Memo references can make cycles (a list containing itself) or exponential
// fan-out from a few bytes, so every conversion of the tree goes through walkPickled's cycle guard and cap.
import type { Json } from '../protocol/index.ts';
import { base64Encode } from '../util/bytes.ts';
import { PyFloat } from './json.ts';
import { PickleError } from './pickle-reader.ts';
import { PickledDateTime, UTC, type PyTimezone } from './pickle-globals.ts';
import { loadPickle, type UnpickleOptions } from './unpickle.ts';

const MAX_NODES = 1_000_000;

/**
 * Converts a loaded tree depth-first: `convert` gets each value and a callback for its children. A value that
 * contains itself goes to `onCycle`; more than a million nodes is a PickleError.
 */
export function walkPickled<T>(root: unknown, convert: (value: unknown, child: (v: unknown) => T) => T, onCycle: () => T): T {
  let left = MAX_NODES;
  const path = new Set<object>();
  const visit = (value: unknown): T => {
    if (--left < 0) throw new PickleError('pickle: value too large to display');
    // only containers can lead back to themselves
    if (!Array.isArray(value) && !(value instanceof Map)) return convert(value, visit);
    if (path.has(value)) return onCycle();
    path.add(value);
    try {
      return convert(value, visit);
    } finally {
      path.delete(value);
    }
  };
  return visit(root);
}

export interface ReadPickleOptions extends UnpickleOptions {
  /** 'exact' (default): ints beyond 2^53 as {"$int": text}; 'number': as the nearest JS number. */
  bigInts?: 'exact' | 'number';
}

/** A plain array of the converted items (Array.from with a map function is several times slower). */
export function mapItems<T>(items: unknown[], child: (v: unknown) => T): T[] {
  const out = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = child(items[i]);
  return out;
}

/** Read one pickle into JSON-compatible data. Throws PickleError with a clear message on bad input. */
export function readPickle(bytes: Uint8Array, opts: ReadPickleOptions = {}): Json {
  const bigInt = opts.bigInts === 'number' ? (v: bigint): Json => Number(v) : (v: bigint): Json => ({ $int: v.toString() });
  return walkPickled<Json>(loadPickle(bytes, opts), (value, child) => toJsonValue(value, child, bigInt), () => ({ $recursive: true }));
}

const number = (n: number): Json => (Number.isFinite(n) ? n : { $float: String(n) });

function toJsonValue(value: unknown, child: (v: unknown) => Json, bigInt: (v: bigint) => Json): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return number(value);
  if (typeof value === 'bigint') return bigInt(value);
  if (value === UTC) return { $tz: 0 };
  if (typeof value !== 'object') return String(value);
  if (value instanceof PyFloat) return number(value.value);
  if (value instanceof Uint8Array) return { $bytes_b64: base64Encode(value) };
  if (value instanceof PickledDateTime) return { $datetime: isoformatPickled(value) };
  if (Array.isArray(value)) return mapItems(value, child);
  const out: Record<string, Json> = {};
  const entries = value instanceof Map ? [...value] : Object.entries(value);
  // defineProperty: a "__proto__" key is data, not the object's prototype
  for (const [k, v] of entries) Object.defineProperty(out, String(child(k)), { value: child(v), enumerable: true, writable: true, configurable: true });
  return out;
}

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
export function offsetOf(tz: unknown, wallMs: number): number | null {
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

/** datetime.isoformat() of a pickled datetime (named zones resolved through ICU). */
export function isoformatPickled(dt: PickledDateTime): string {
  let iso = `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)}T${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}`;
  if (dt.micro) iso += '.' + pad(dt.micro, 6);
  const offset = offsetOf(dt.tz, dt.wallMs);
  return offset === null ? iso : iso + formatOffset(offset);
}
