// Python's json module over the companion's PyValues, through the project's one implementation
// (src/core/python/json.ts): loads keeps ints vs floats and insertion-ordered dicts (JSON.parse turns 1.0 into
// 1 and moves the key "1" in front of "a", both visible in Django's stored data), dumps is byte-exact.
import { parsePythonJsonExact, PyJsonError, pythonJsonDumps } from '../../core/python/json.ts';
import { containsDateTime, newIdentity, PyDateTime, PyFloat, setKeyed, type PyDict, type PyValue } from './value.ts';
import { isoformat } from './datetime.ts';

export { PyJsonError };

/** json.loads into PyValues: json memoizes object keys, so equal keys of one parse are one object (identity). */
export function parsePyJson(text: string): PyValue {
  const keyId = newIdentity();
  return parsePythonJsonExact(text, { setKey: (d, k, v) => setKeyed(d as PyDict, k, v as PyValue, keyId) }) as PyValue;
}

/** The reference app's `_jsonable`: datetimes inside session data are shown as {"$datetime": iso}. */
export function toJsonable(v: PyValue): PyValue {
  if (v instanceof PyDateTime) return new Map([['$datetime', isoformat(v)]]);
  if (Array.isArray(v)) return v.map(toJsonable);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, toJsonable(x)]));
  return v;
}

/** Django's JsonResponse body (json.dumps defaults: ", " and ": ", ensure_ascii). */
export function dumpResponseJson(v: PyValue): string {
  // toJsonable copies every dict and list; without a datetime inside, that copy would dump the same
  return pythonJsonDumps(containsDateTime(v) ? toJsonable(v) : v);
}

/** Compact form used for stored data and signed values; throws TypeError on datetimes like Python's json. */
export function dumpCompactJson(v: PyValue): string {
  assertSerializable(v);
  return pythonJsonDumps(v, { separators: [',', ':'], ensureAscii: true });
}

function assertSerializable(v: PyValue): void {
  if (v instanceof PyDateTime) throw new TypeError('Object of type datetime is not JSON serializable');
  if (Array.isArray(v)) v.forEach(assertSerializable);
  else if (v instanceof Map) for (const x of v.values()) assertSerializable(x);
}

/** Plain JSON (e.g. from another module's decoder) into PyValues; objects keep their JS key order. */
export function fromJson(v: unknown): PyValue {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === 'object') return new Map(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  if (typeof v === 'number' && !Number.isInteger(v)) return new PyFloat(v);
  return v as PyValue;
}

/** PyValues as plain JSON for APIs that speak JSON (floats lose their ".0", datetimes become ISO text). */
export function toPlainJson(v: PyValue): unknown {
  if (v instanceof PyFloat) return Number.isFinite(v.value) ? v.value : String(v.value);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyDateTime) return isoformat(v);
  if (Array.isArray(v)) return v.map(toPlainJson);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, toPlainJson(x)]));
  return v;
}
