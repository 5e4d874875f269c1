import { describe, expect, it } from 'vitest';
import { fromisoformat, isoformat } from './datetime.ts';
import { PyDateTime } from './value.ts';

describe('isoformat / fromisoformat', () => {
  it('prints microseconds only when present and the offset for aware values', () => {
    expect(isoformat(new PyDateTime(Date.UTC(2026, 10, 30, 2, 4, 50) * 1000, 'utc'))).toBe('2026-11-30T02:04:50+00:00');
    expect(isoformat(new PyDateTime(Date.UTC(2026, 10, 30, 2, 4, 50) * 1000 + 7, 'pytz-utc'))).toBe('2026-11-30T02:04:50.000007+00:00');
    expect(isoformat(new PyDateTime(0, null))).toBe('1970-01-01T00:00:00');
    expect(isoformat(new PyDateTime(0, -5400))).toBe('1969-12-31T22:30:00-01:30');
  });

  it('parses the common forms and rejects garbage with Python\'s message', () => {
    expect(fromisoformat('2030-01-01T00:00:00').tz).toBeNull();
    expect(fromisoformat('2030-01-01T00:00:00Z').tz).toBe('utc');
    const shifted = fromisoformat('2030-01-01 02:00:00.5+02:00');
    expect(shifted.micros).toBe(Date.UTC(2030, 0, 1) * 1000 + 500000);
    expect(isoformat(shifted)).toBe('2030-01-01T02:00:00.500000+02:00');
    expect(() => fromisoformat('garbage')).toThrow("Invalid isoformat string: 'garbage'");
    expect(() => fromisoformat('2030-02-30')).toThrow(/Invalid isoformat/);
  });
});
