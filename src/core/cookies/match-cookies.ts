// Which stored cookies a request would carry (RFC 6265bis §5.8.3, Chrome's Lax-by-default), in send order.
import { domainMatch, pathMatch } from './cookie-scope.ts';
import { isSecureOrigin, parseUrl } from './hosts.ts';
import type { CookiePartitionKey, StoredCookie } from './types.ts';

/**
 * 'same-site': first-party request. 'cross-site-top-level': a cross-site top-level navigation with a safe
 * method (Lax and unspecified cookies go). 'cross-site': any other cross-site request (only SameSite=None).
 */
export type SameSiteContext = 'same-site' | 'cross-site-top-level' | 'cross-site';

export interface MatchCookiesInput {
  url: string | URL;
  jar: readonly StoredCookie[];
  now: number;
  sameSiteContext?: SameSiteContext;
  /** Top-level site of the request's page; partitioned cookies are only sent within their partition. */
  topLevelSite?: string;
  /** The request's full partition (site + cross-site-ancestor bit); stricter than topLevelSite. */
  partitionKey?: CookiePartitionKey;
  /** Third-party cookie blocking: a cross-site request carries only partitioned cookies. */
  blockThirdPartyCookies?: boolean;
}

function inPartition(c: StoredCookie, input: MatchCookiesInput): boolean {
  if (!c.partitionKey) return true;
  const want = input.partitionKey;
  if (want) return want.topLevelSite === c.partitionKey.topLevelSite && want.hasCrossSiteAncestor === c.partitionKey.hasCrossSiteAncestor;
  return input.topLevelSite === undefined || c.partitionKey.topLevelSite === input.topLevelSite;
}

function allowedBySameSite(cookie: StoredCookie, context: SameSiteContext): boolean {
  if (context === 'same-site' || cookie.sameSite === 'no_restriction') return true;
  return context === 'cross-site-top-level' && cookie.sameSite !== 'strict';
}

/** Returns the cookies a request to `url` would send, longest path first, then oldest first. */
export function matchCookies(input: MatchCookiesInput): StoredCookie[] {
  const url = parseUrl(input.url);
  if (!url) return [];
  const host = url.hostname.toLowerCase();
  const secure = isSecureOrigin(url);
  const context = input.sameSiteContext ?? 'same-site';
  const matched = input.jar.filter((c) => {
    if (c.expiresAt !== null && c.expiresAt <= input.now) return false;
    if (c.hostOnly ? c.domain !== host : !domainMatch(host, c.domain)) return false;
    if (!pathMatch(url.pathname || '/', c.path)) return false;
    if (c.secure && !secure) return false;
    if (!inPartition(c, input)) return false;
    if (input.blockThirdPartyCookies && context !== 'same-site' && !c.partitionKey) return false;
    return allowedBySameSite(c, context);
  });
  return matched.sort((a, b) => b.path.length - a.path.length || a.creationTime - b.creationTime);
}

/** Serialises cookies the way a browser writes the Cookie request header. */
export function formatCookieHeader(cookies: readonly StoredCookie[]): string {
  return cookies.map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`)).join('; ');
}
