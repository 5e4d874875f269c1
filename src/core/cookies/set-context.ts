// The context a Set-Cookie arrives in: a top-level response, or a subresource/iframe under another page.
// Chrome blocks SameSite=Lax/Strict (and unspecified, treated as Lax) cookies set in cross-site contexts.
// Chromium 156 names every such block with the "Schemeful" CDP reasons, for cross-site and cross-scheme
// (http vs https of one site) contexts alike (measured by the embed/* differential cases).
import { registrableDomain, siteForUrl } from './hosts.ts';
import type { CookiePartitionKey, ExclusionReason, ParsedSameSite } from './types.ts';

export type SetCookieContext = 'same-site' | 'cross-site' | 'cross-scheme';

/** Classifies a response from `url` loaded under the page `topLevelUrl` (absent = a top-level response). */
export function classifySetContext(url: URL, topLevelUrl?: URL | null): SetCookieContext {
  if (!topLevelUrl || siteForUrl(url) === siteForUrl(topLevelUrl)) return 'same-site';
  const host = (u: URL) => registrableDomain(u.hostname) ?? u.hostname;
  return host(url) === host(topLevelUrl) ? 'cross-scheme' : 'cross-site';
}

const SCHEMEFUL: Record<'strict' | 'lax' | 'unspecified', ExclusionReason> = {
  strict: 'SchemefulSameSiteStrict', lax: 'SchemefulSameSiteLax', unspecified: 'SchemefulSameSiteUnspecifiedTreatedAsLax',
};

/** The CDP reason Chrome gives for setting a cookie with this SameSite in this context, if it refuses. */
export function sameSiteSetReason(sameSite: ParsedSameSite, context: SetCookieContext): ExclusionReason | null {
  if (context === 'same-site' || sameSite === 'none') return null;
  return SCHEMEFUL[sameSite === 'invalid' ? 'unspecified' : sameSite];
}

/** CHIPS partition key: the top-level page's site, flagged when the setting frame is cross-site to it. */
export function defaultPartitionKey(url: URL, topLevelUrl?: URL | null): CookiePartitionKey {
  const top = topLevelUrl ?? url;
  return { topLevelSite: siteForUrl(top) ?? '', hasCrossSiteAncestor: classifySetContext(url, topLevelUrl) !== 'same-site' };
}
