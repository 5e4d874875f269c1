// pickle.loads into the companion's Python value model, through the project's one reader (src/core/python).
// Sessions hold dicts, lists, tuples (read as lists), str, int, float, bool, None and datetimes (naive,
// datetime.timezone or pytz UTC); anything else is refused with PickleError, as the old subset reader did.
import { loadPickle, PickleError } from '../../core/python/unpickle.ts';
import { mapItems, walkPickled } from '../../core/python/pickle-json.ts';
import { describe, PickleDict, PickledDateTime, PySet, PyStr, UTC, type PyTimezone } from '../../core/python/pickle-globals.ts';
import { newIdentity, PyDateTime, PyFloat, setKeyed, type PyDict, type PyValue } from './value.ts';

export { PickleError };

export function pickleLoads(data: Uint8Array): PyValue {
  // dict keys that are one str object in this pickle (memo references) share one identity, as in CPython
  const ids = new Map<PyStr, string>();
  const identity = (key: PyStr | undefined): string => {
    if (!key) return newIdentity();
    let id = ids.get(key);
    if (!id) ids.set(key, (id = newIdentity()));
    return id;
  };
  return walkPickled<PyValue>(loadPickle(data), (value, child) => toPyValue(value, child, identity), () => {
    throw new PickleError('pickle: a value that contains itself is not session data');
  });
}

function toPyValue(value: unknown, child: (v: unknown) => PyValue, identity: (key: PyStr | undefined) => string): PyValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  if (value instanceof PyFloat) return value;
  if (value instanceof PickledDateTime) return toDateTime(value);
  if (Array.isArray(value) && !(value instanceof PySet)) return mapItems(value, child);
  if (value instanceof PickleDict) {
    const out: PyDict = new Map();
    for (const [k, v] of value) {
      if (typeof k !== 'string') throw new PickleError('only str dict keys are supported');
      setKeyed(out, k, child(v), identity(value.keyObject(k)));
    }
    return out;
  }
  throw new PickleError(`unsupported pickled object ${unsupportedName(value)}`);
}

function unsupportedName(value: unknown): string {
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof PySet) return 'set';
  if (value && typeof value === 'object' && '$object' in value) return String((value as { $object: unknown }).$object);
  return describe(value) === 'object' ? JSON.stringify(Object.keys(value ?? {})) : describe(value);
}

function toDateTime(dt: PickledDateTime): PyDateTime {
  const local = dt.wallMs * 1000 + dt.micro;
  if (dt.tz === undefined || dt.tz === null) return new PyDateTime(local, null);
  if (dt.tz === UTC) return new PyDateTime(local, 'pytz-utc');
  if (typeof dt.tz === 'object' && '$tz' in dt.tz) {
    const off = (dt.tz as PyTimezone).$tz;
    return new PyDateTime(local - off * 1e6, off === 0 ? 'utc' : off);
  }
  throw new PickleError('unsupported pickled object: a datetime with a named time zone');
}
