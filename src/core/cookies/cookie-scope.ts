// Domain and path rules of RFC 6265bis §5.1.3/§5.1.4 and Chrome's cookie_util::GetCookieDomainWithString.
import { isIpAddress, registrableDomain } from './hosts.ts';

/** §5.1.3: host equals domain, or ends with "." + domain and is not an IP address. */
export function domainMatch(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase().replace(/^\./, '');
  if (h === d) return true;
  return !isIpAddress(h) && h.length > d.length && h.endsWith(d) && h[h.length - d.length - 1] === '.';
}

/** §5.1.4: the directory of the request path ("/" when there is none). */
export function defaultPath(urlPath: string): string {
  if (!urlPath.startsWith('/')) return '/';
  const last = urlPath.lastIndexOf('/');
  return last <= 0 ? '/' : urlPath.slice(0, last);
}

/** §5.1.4 path-match: identical, or a prefix ending at a "/" boundary. */
export function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** Lower-cases and canonicalises a Domain attribute like a URL host; null when it is not a valid host. */
function canonicalizeDomain(domain: string): string | null {
  // characters a URL host may not hold; WHATWG URL would otherwise read "x.test:443" as host + port
  if (/[\s%#/:<>?@[\\\]^|]/.test(domain)) return null;
  try {
    const host = new URL(`http://${domain}/`).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

export type DomainResult = { ok: true; domain: string; hostOnly: boolean } | { ok: false; nonAscii: boolean };

/** Domain attribute verdicts per (host, attribute); shared between callers: read them, never change them. */
const resolved = new Map<string, DomainResult>();
const MAX_RESOLVED = 1000;

/**
 * Resolves a cookie's domain from the request host and the raw Domain attribute (undefined/empty = host-only).
 * A Domain equal to a host that has no registrable domain (IP, public suffix, single label) is accepted as
 * host-only, as Chrome and Firefox do; any other Domain must share the host's eTLD+1 and domain-match it.
 * Non-ASCII domains are converted to punycode, as Chromium 156 does (it warns but does not reject).
 */
export function resolveCookieDomain(host: string, rawDomain: string | undefined): DomainResult {
  if (rawDomain === undefined || rawDomain === '' || (isIpAddress(host) && host === rawDomain)) {
    return { ok: true, domain: host, hostOnly: true };
  }
  // a site sends the same Domain attribute on every response: the URL parse and two PSL lookups once per pair
  const key = `${host}\u0000${rawDomain}`;
  let result = resolved.get(key);
  if (result === undefined) {
    result = resolveDomainAttribute(host, rawDomain);
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    resolved.set(key, result);
  }
  return result;
}

function resolveDomainAttribute(host: string, rawDomain: string): DomainResult {
  const fail: DomainResult = { ok: false, nonAscii: /[^\x00-\x7f]/.test(rawDomain) };
  const domain = canonicalizeDomain(rawDomain.startsWith('.') ? rawDomain.slice(1) : rawDomain);
  if (domain === null) return fail;
  const hostSite = registrableDomain(host);
  if (hostSite === null) return domain === host ? { ok: true, domain: host, hostOnly: true } : fail;
  if (registrableDomain(domain) !== hostSite) return fail;
  if (host !== domain && !host.endsWith(`.${domain}`)) return fail;
  return { ok: true, domain, hostOnly: false };
}
