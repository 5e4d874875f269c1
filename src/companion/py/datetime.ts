// datetime.isoformat / datetime.fromisoformat, the two conversions Django sessions and the playground use.
import { PyDateTime } from './value.ts';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function offsetSeconds(dt: PyDateTime): number {
  return typeof dt.tz === 'number' ? dt.tz : 0;
}

/** Python's datetime.isoformat(): microseconds only when non-zero, "+HH:MM" for aware values. */
export function isoformat(dt: PyDateTime): string {
  const local = Math.round(dt.micros + offsetSeconds(dt) * 1e6);
  const sec = Math.floor(local / 1e6);
  const micro = local - sec * 1e6;
  const d = new Date(sec * 1000);
  let out = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (micro) out += '.' + pad(micro, 6);
  if (dt.tz === null) return out;
  const off = offsetSeconds(dt);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  out += `${sign}${pad(Math.floor(a / 3600))}:${pad(Math.floor((a % 3600) / 60))}`;
  return a % 60 ? out + ':' + pad(a % 60) : out;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?)?(?:([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?|(Z))?$/;

/** datetime.fromisoformat (Python 3.11 common forms); throws Python's ValueError text on anything else. */
export function fromisoformat(text: string): PyDateTime {
  const m = ISO.exec(text);
  const fail = (): never => { throw new RangeError(`Invalid isoformat string: '${text}'`); };
  if (!m) return fail();
  const [y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m.slice(1, 8);
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const check = new Date(ms);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) fail();
  const micros = ms * 1000 + Number(frac.padEnd(6, '0') || 0);
  if (m[12]) return new PyDateTime(micros, 'utc');
  if (!m[8]) return new PyDateTime(micros, null);
  const off = (m[8] === '-' ? -1 : 1) * (+m[9] * 3600 + +m[10] * 60 + +(m[11] ?? 0));
  return new PyDateTime(micros - off * 1e6, off === 0 ? 'utc' : off);
}

/** Whole-seconds difference the way Django computes ages: timedelta.days * 86400 + timedelta.seconds (floored). */
export function flooredSecondsBetween(laterMicros: number, earlierMicros: number): number {
  return Math.floor((laterMicros - earlierMicros) / 1e6);
}
