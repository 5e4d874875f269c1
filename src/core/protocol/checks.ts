// Tiny runtime shape checks for untrusted messages. Hand-written instead of ajv because ajv compiles
// validators with `new Function`, which the extension pages' CSP (script-src 'self') forbids.

/** Returns null when the value fits, else a human-readable reason naming the path. */
export type Check = (value: unknown, path: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function str(maxLength: number): Check {
  return (v, p) => (typeof v !== 'string' ? `${p}: expected a string`
    : v.length > maxLength ? `${p}: longer than ${maxLength} characters` : null);
}

export function num(min = -Infinity, max = Infinity, integer = false): Check {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${p}: expected a finite number`;
    if (integer && !Number.isInteger(v)) return `${p}: expected an integer`;
    return v < min || v > max ? `${p}: out of range ${min}..${max}` : null;
  };
}

export const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check => num(min, max, true);

export const bool: Check = (v, p) => (typeof v === 'boolean' ? null : `${p}: expected a boolean`);

export function oneOf(values: readonly string[]): Check {
  return (v, p) => (typeof v === 'string' && values.includes(v) ? null : `${p}: expected one of ${values.join(', ')}`);
}

export function arr(item: Check, maxItems: number): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p}: expected an array`;
    if (v.length > maxItems) return `${p}: more than ${maxItems} items`;
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  };
}

/** Marks a field optional inside obj(). */
export interface Optional { optional: Check }
export const opt = (check: Check): Optional => ({ optional: check });

/** Exact object: unknown keys are refused so nothing unvalidated rides along. */
export function obj(fields: Record<string, Check | Optional>): Check {
  return (v, p) => {
    if (!isObject(v)) return `${p}: expected an object`;
    for (const key of Object.keys(v)) if (!(key in fields)) return `${p}.${key}: unexpected field`;
    for (const [key, spec] of Object.entries(fields)) {
      const optional = typeof spec !== 'function';
      const check = optional ? spec.optional : spec;
      if (v[key] === undefined) {
        if (optional) continue;
        return `${p}.${key}: missing`;
      }
      const e = check(v[key], `${p}.${key}`);
      if (e) return e;
    }
    return null;
  };
}

/** Like obj() but every key is optional (for settings patches). */
export function partial(fields: Record<string, Check>): Check {
  const all: Record<string, Optional> = {};
  for (const [k, c] of Object.entries(fields)) all[k] = opt(c);
  return obj(all);
}
