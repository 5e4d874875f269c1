import { describe, expect, it } from 'vitest';
import { encodeSessionData } from '../../core/decode/django/signing.ts';
import { customExpiryAge, decodeStoredData } from './stored-data.ts';
import { parseDbTimestamp } from './attach-db.ts';

const OPTS = { secretKeys: ['s3cret'], cookieName: 'sessionid', cookieAge: 1209600 };

describe('decodeStoredData', () => {
  it('decodes with the project secret, rotation included', async () => {
    const text = await encodeSessionData({ cart: ['apple'] }, { secretKey: 'old-secret' });
    expect(await decodeStoredData(text, { ...OPTS, secretKeys: ['s3cret', 'old-secret'] })).toEqual({ decoded: { cart: ['apple'] } });
  });

  it('loads corrupted or foreign data as {} with the reason, like Django', async () => {
    const text = await encodeSessionData({ a: 1 }, { secretKey: 'other' });
    const out = await decodeStoredData(text, OPTS);
    expect(out.decoded).toEqual({});
    expect(out.error).toMatch(/^Session data corrupted/);
    expect((await decodeStoredData('garbage', OPTS)).error).toMatch(/^Session data corrupted/);
    expect(await decodeStoredData('', OPTS)).toEqual({ decoded: {} });
  });

  it('shows the payload unverified when no secret was given', async () => {
    const text = await encodeSessionData({ big: 'x'.repeat(300) }, { secretKey: 'unknown' });
    expect(await decodeStoredData(text, { ...OPTS, secretKeys: [] })).toEqual({ decoded: { big: 'x'.repeat(300) }, error: 'signature not verified: no --secret-key given' });
  });
});

describe('expiry helpers', () => {
  it('reads get_expiry_age semantics: ints unchanged, 0/None use the default, datetimes count down', () => {
    expect(customExpiryAge(300, 1000)).toBe(300);
    expect(customExpiryAge(-10, 1000)).toBe(-10);
    expect(customExpiryAge(0, 1000)).toBeNull();
    expect(customExpiryAge(undefined, 1000)).toBeNull();
    expect(customExpiryAge({ $datetime: '1970-01-01T01:00:00+00:00' }, 1000)).toBe(2600);
    expect(customExpiryAge('1970-01-01T01:00:00', 1000)).toBe(2600); // Django >= 4.1 ISO strings, naive = UTC
  });

  it('parses SQLite and PostgreSQL timestamps as UTC with microseconds', () => {
    expect(parseDbTimestamp('2026-12-14 02:04:50.123456')).toBeCloseTo(Date.UTC(2026, 11, 14, 2, 4, 50) / 1000 + 0.123456, 6);
    expect(parseDbTimestamp('2026-12-14 02:04:50+00')).toBe(Date.UTC(2026, 11, 14, 2, 4, 50) / 1000);
    expect(parseDbTimestamp('2026-12-14 03:04:50.5+01:00')).toBe(Date.UTC(2026, 11, 14, 2, 4, 50) / 1000 + 0.5);
    expect(parseDbTimestamp('2026-12-14T02:04:50Z')).toBe(Date.UTC(2026, 11, 14, 2, 4, 50) / 1000);
    expect(parseDbTimestamp('not a date')).toBeNull();
  });
});
