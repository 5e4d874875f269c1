import { describe, expect, it } from 'vitest';
import { normalizeCookie, normalizeEvent, normalizeFinding, normalizeList } from './normalize.ts';

describe('normalize', () => {
  it('accepts the browser cookies-API shape', () => {
    expect(normalizeCookie({ name: 'a', value: '1', domain: '.x.test', path: '/p', secure: true, httpOnly: true, sameSite: 'no_restriction',
      session: false, expirationDate: 1800000000.5, storeId: '1', partitionKey: { topLevelSite: 'https://top.test' }, hostOnly: false })).toEqual({
      name: 'a', value: '1', domain: '.x.test', path: '/p', expires: 1800000000.5, httpOnly: true, secure: true, sameSite: 'none',
      partitionKey: 'https://top.test', priority: null, hostOnly: false, storeId: '1', thirdParty: false, format: null });
    expect(normalizeCookie({ name: 'b', domain: 'x.test', session: true, expirationDate: 5 })).toMatchObject({ expires: null, sameSite: 'unspecified', path: '/', hostOnly: true });
  });

  it('rejects what it cannot use and counts it', () => {
    expect(normalizeList([{ name: 'ok', domain: 'x' }, { name: 1 }, null, 'x'], normalizeCookie)).toMatchObject({ rejected: 3 });
    expect(normalizeList('nope', normalizeCookie)).toEqual({ items: [], rejected: 1 });
    expect(normalizeFinding({ rule: 'r' })).toBeNull();
    expect(normalizeFinding({ rule: 'r', severity: 'bogus', cookie: { name: 'n' }, session: { is: true, reason: 'why' } }))
      .toMatchObject({ severity: 'info', message: 'r', cookie: { name: 'n', domain: '', path: '/' }, session: 'why' });
  });

  it('maps change causes: overwrite → replaced, server deletion → deleted, ageing out → expired', () => {
    const change = (removed: boolean, cause: string, source = 'http') => normalizeEvent({ kind: 'change', seq: 3, time: 9, cookie: { name: 's', value: 'v', domain: 'x' }, removed, cause, source });
    expect(change(true, 'overwrite')?.kind).toBe('replaced');
    expect(change(true, 'expired_overwrite')).toMatchObject({ kind: 'deleted', previousValue: 'v', value: null });
    expect(change(true, 'expired')?.kind).toBe('expired');
    expect(change(false, 'explicit', 'script')).toMatchObject({ kind: 'set-script', value: 'v', id: '3' });
    expect(normalizeEvent({ kind: 'request', seq: 1, time: 1 })).toBeNull();
    expect(normalizeEvent({ kind: 'blocked', seq: 2, time: 2, name: 'c', reason: 'SameSiteNoneInsecure', header: 'c=1', url: 'http://x/' }))
      .toMatchObject({ kind: 'blocked', name: 'c', detail: 'SameSiteNoneInsecure — c=1' });
  });
});
