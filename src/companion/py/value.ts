// Python values as Django's session machinery sees them. JSON alone cannot tell 1 from 1.0, reorders
// integer-like object keys and has no datetime, and each of those is visible in Django's output.
import { PyFloat } from '../../core/python/json.ts';

export { PyFloat };

/** A datetime: microseconds since the epoch (UTC instant when aware) plus its tzinfo flavour. */
export class PyDateTime {
  constructor(
    readonly micros: number,
    /** null = naive; 'utc' = datetime.timezone.utc; 'pytz-utc' = pytz.utc (Django 3.2's timezone.now()); number = fixed offset in seconds */
    readonly tz: null | 'utc' | 'pytz-utc' | number,
  ) {}

  get seconds(): number { return this.micros / 1e6; }
}

export type PyDict = Map<string, PyValue>;
export type PyValue = null | boolean | number | bigint | PyFloat | string | PyValue[] | PyDict | PyDateTime;

export const isDict = (v: unknown): v is PyDict => v instanceof Map;

/** Python truthiness. */
export function isTruthy(v: PyValue | undefined): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof PyFloat) return v.value !== 0;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

/** Numeric value of an int/float/bool for arithmetic; null for anything else (Python would raise TypeError). */
export function toNumber(v: PyValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyFloat) return v.value;
  return null;
}

/** Deep copy: what a pickling cache hands back is never the object that was stored. */
export function clonePy<T extends PyValue>(v: T): T {
  if (Array.isArray(v)) return v.map(clonePy) as T;
  if (v instanceof Map) {
    const copy: PyDict = new Map([...(v as PyDict)].map(([k, x]): [string, PyValue] => [k, clonePy(x)]));
    copyIdentities(v as PyDict, copy);
    return copy as T;
  }
  return v;
}

export function pyTypeName(v: PyValue): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'int';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  return 'datetime';
}

export function containsDateTime(v: PyValue): boolean {
  if (v instanceof PyDateTime) return true;
  if (Array.isArray(v)) return v.some(containsDateTime);
  if (v instanceof Map) {
    for (const x of v.values()) if (containsDateTime(x)) return true;
  }
  return false;
}

// ---- object identity of strings, as pickle sees it ----
// Pickle writes a repeated *object* once and refers back to it, so its bytes depend on which equal strings are
// one object in CPython: dict keys from one json.loads or one pickle.loads are shared, keys written by code
// are interned constants, one-character strings are shared singletons — except fresh ones such as str(7).
// JS strings have no identity, so dicts carry a side table: key → identity token.
const keyIds = new WeakMap<PyDict, Map<string, string>>();
const freshValues = new WeakMap<PyDict, Set<string>>();
let identities = 0;

/** The identity of keys written by code (interned constants in CPython). */
export const CONST_KEY = 'const';
export const newIdentity = (): string => `i${++identities}`;

export function keyIdentity(d: PyDict, key: string): string | undefined {
  return keyIds.get(d)?.get(key);
}

/** d[key] = value: an existing key keeps its object (and identity), a new one brings `id`. */
export function setKeyed(d: PyDict, key: string, value: PyValue, id: string, freshValue = false): void {
  if (!d.has(key)) {
    let ids = keyIds.get(d);
    if (!ids) keyIds.set(d, (ids = new Map()));
    ids.set(key, id);
  }
  d.set(key, value);
  const fresh = freshValues.get(d);
  if (freshValue) { if (fresh) fresh.add(key); else freshValues.set(d, new Set([key])); }
  else fresh?.delete(key);
}

/** A one-character value made by code (str(int)), not the shared singleton. */
export const isFreshValue = (d: PyDict, key: string): boolean => freshValues.get(d)?.has(key) ?? false;

/** Copies identities along with a deep copy (clonePy). */
function copyIdentities(from: PyDict, to: PyDict): void {
  const ids = keyIds.get(from);
  if (ids) keyIds.set(to, new Map(ids));
  const fresh = freshValues.get(from);
  if (fresh) freshValues.set(to, new Set(fresh));
}
