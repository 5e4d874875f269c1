import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toChangeCause, toCookieRecord, utf8Length, type RawCookie } from './cookie-record.ts';

const raw = (over: Partial<RawCookie>): RawCookie => ({
  name: 'sid', value: 'v', domain: 'a.test', hostOnly: true, path: '/', secure: true, httpOnly: true,
  sameSite: 'lax', session: true, storeId: '0', ...over,
});

describe('toCookieRecord', () => {
  it('keeps the partition key of a CHIPS cookie and drops an empty one', () => {
    expect(toCookieRecord(raw({ partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false } })).partitionKey)
      .toEqual({ topLevelSite: 'https://top.test', hasCrossSiteAncestor: false });
    expect(toCookieRecord(raw({ partitionKey: null })).partitionKey).toBeUndefined();
    expect(toCookieRecord(raw({ partitionKey: {} })).partitionKey).toBeUndefined();
  });

  it('normalises domain, SameSite (Firefox may omit it), expiry and size in UTF-8 bytes', () => {
    const c = toCookieRecord(raw({ domain: '.a.test', hostOnly: false, sameSite: undefined, session: false, expirationDate: 1_900_000_000, value: 'é' }));
    expect(c).toMatchObject({ domain: 'a.test', hostOnly: false, sameSite: 'unspecified', expirationDate: 1_900_000_000, size: 5 });
    expect(toCookieRecord(raw({ expirationDate: 5 })).expirationDate).toBeUndefined(); // session cookies have no expiry
  });

  it('maps unknown change causes to explicit', () => {
    expect(toChangeCause('expired_overwrite')).toBe('expired_overwrite');
    expect(toChangeCause('something-new')).toBe('explicit');
  });
});

describe('utf8Length', () => {
  it('matches TextEncoder for any string, lone surrogates included', () => {
    const encoder = new TextEncoder();
    for (const s of ['', 'abc', 'é', '€', '😀', '\ud800', '\udc00x', 'a\ud83dz']) expect(utf8Length(s)).toBe(encoder.encode(s).length);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === encoder.encode(s).length));
  });
});
