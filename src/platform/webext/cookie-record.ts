import type { ChangeCause, CookieRecord, SameSite } from '../../core/protocol/index.ts';

/** The fields both browsers' cookies.Cookie carry (Firefox adds firstPartyDomain, Chrome nothing we need). */
export interface RawCookie {
  name: string; value: string; domain: string; hostOnly: boolean; path: string; secure: boolean;
  httpOnly: boolean; sameSite?: string; session: boolean; expirationDate?: number; storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean } | null;
}

const SAME_SITE = new Set(['no_restriction', 'lax', 'strict', 'unspecified']);
const CAUSES = new Set(['explicit', 'overwrite', 'expired', 'expired_overwrite', 'evicted']);

/**
 * UTF-8 byte length without encoding: this runs for every cookie change, and TextEncoder allocates two
 * buffers per call. Lone surrogates count 3 bytes, as TextEncoder writes them as U+FFFD.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** Normalises a browser cookie: the domain keeps its leading dot semantics in hostOnly only. */
export function toCookieRecord(raw: RawCookie): CookieRecord {
  const record: CookieRecord = {
    name: raw.name,
    value: raw.value,
    domain: raw.domain.startsWith('.') ? raw.domain.slice(1) : raw.domain,
    hostOnly: raw.hostOnly,
    path: raw.path,
    secure: raw.secure,
    httpOnly: raw.httpOnly,
    sameSite: (SAME_SITE.has(raw.sameSite ?? '') ? raw.sameSite : 'unspecified') as SameSite,
    session: raw.session,
    storeId: raw.storeId,
    size: utf8Length(raw.name) + utf8Length(raw.value),
  };
  if (!raw.session && raw.expirationDate !== undefined) record.expirationDate = raw.expirationDate;
  const pk = raw.partitionKey;
  if (pk && pk.topLevelSite) {
    record.partitionKey = { topLevelSite: pk.topLevelSite };
    if (pk.hasCrossSiteAncestor !== undefined) record.partitionKey.hasCrossSiteAncestor = pk.hasCrossSiteAncestor;
  }
  return record;
}

export function toChangeCause(cause: string): ChangeCause {
  return (CAUSES.has(cause) ? cause : 'explicit') as ChangeCause;
}
