import { describe, expect, it } from 'vitest';
import { parseCookieDate } from './cookie-date.ts';

describe('parseCookieDate', () => {
  it('parses IMF-fixdate, RFC 850 and asctime forms', () => {
    const t = Date.UTC(2030, 0, 2, 3, 4, 5);
    expect(parseCookieDate('Wed, 02 Jan 2030 03:04:05 GMT')).toBe(t);
    expect(parseCookieDate('Wednesday, 02-Jan-30 03:04:05 GMT')).toBe(t);
    expect(parseCookieDate('Wed Jan  2 03:04:05 2030')).toBe(t);
  });

  it('maps two-digit years like Chrome (70-99 → 19xx, 00-69 → 20xx)', () => {
    expect(parseCookieDate('1 Jan 70 00:00:00')).toBe(0);
    expect(parseCookieDate('1 Jan 69 00:00:00')).toBe(Date.UTC(2069, 0, 1));
  });

  it('matches month prefixes and ignores case and unknown words', () => {
    expect(parseCookieDate('foo 5 JANUARY 2031 10:00:00 UTC')).toBe(Date.UTC(2031, 0, 5, 10));
  });

  it('keeps the first time and day it finds', () => {
    expect(parseCookieDate('05 Jan 2031 10:00:00 11:00:00')).toBe(Date.UTC(2031, 0, 5, 10));
    expect(parseCookieDate('05 Jan 2031 10:00:00 123:00:00')).toBe(Date.UTC(2031, 0, 5, 10));
  });

  it('fails when the first time-like token is not exactly h:m:s', () => {
    expect(parseCookieDate('05 Jan 2031 123:00:00 10:00:00')).toBeNull();
    expect(parseCookieDate('05 Jan 2031 10:00:00abc')).toBeNull();
    expect(parseCookieDate('05 Jan 2031 10:00:00:00')).toBeNull();
  });

  it('rejects missing fields and out-of-range values', () => {
    expect(parseCookieDate('Jan 2031 10:00:00')).toBeNull();
    expect(parseCookieDate('32 Jan 2031 10:00:00')).toBeNull();
    expect(parseCookieDate('1 Jan 2031 24:00:00')).toBeNull();
    expect(parseCookieDate('31 Feb 2031 10:00:00')).toBeNull();
    expect(parseCookieDate('')).toBeNull();
  });
});
