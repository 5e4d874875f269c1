import type { CookieKey, CookieRecord } from './model.ts';

/** The store identity of a cookie: name, domain, path, store and partition. */
export function cookieKeyOf(c: Pick<CookieRecord, 'name' | 'domain' | 'path' | 'storeId' | 'partitionKey'>): CookieKey {
  const key: CookieKey = { name: c.name, domain: c.domain, path: c.path, storeId: c.storeId };
  if (c.partitionKey?.topLevelSite) key.partitionSite = c.partitionKey.topLevelSite;
  return key;
}

/** A stable string form of a CookieKey, for maps. */
export function cookieKeyString(k: CookieKey): string {
  return JSON.stringify([k.storeId, k.partitionSite ?? '', k.domain, k.path, k.name]);
}
