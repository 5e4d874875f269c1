// URL facts the rules need: secure context (localhost counts), default-path, Domain attribute validity.
import { defaultPath, domainMatch, isIpAddress, isLocalhost, isPublicSuffix, registrableDomain, resolveCookieDomain } from '../cookies/index.ts';

export interface Origin {
  url: URL;
  host: string;
  https: boolean;
  localhost: boolean;
  /** https, or localhost/loopback over any scheme: browsers let these set Secure cookies */
  secure: boolean;
}

export { isLocalhost };

/** Throws a clear error for text that is not an absolute http(s) URL. */
export function readOrigin(url: string): Origin {
  let parsed: URL;
  try { parsed = new URL(url); } catch { throw new Error(`not a URL: ${JSON.stringify(url.slice(0, 200))}`); }
  const https = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  const host = parsed.hostname.toLowerCase();
  const localhost = isLocalhost(host);
  return { url: parsed, host, https, localhost, secure: https || localhost };
}

/** RFC 6265bis §5.1.4 default-path of a request URL. */
export const defaultPathOf = (url: URL): string => defaultPath(url.pathname);

/** Why the browser rejects this Domain attribute for `host` (verdict from the cookie model), or null. */
export function explainDomainRejection(host: string, rawDomain: string): string | null {
  const result = resolveCookieDomain(host, rawDomain);
  if (result.ok) return null;
  const domain = rawDomain.replace(/^\./, '').toLowerCase();
  if (isIpAddress(host)) return `the host ${host} is an IP address, so Domain must equal it exactly`;
  if (!domainMatch(host, domain)) return `"${domain}" does not domain-match the host "${host}"`;
  if (isPublicSuffix(domain)) return `"${domain}" is a public suffix`;
  return `"${domain}" is not a domain the host ${host} may set cookies for`;
}

/** The site the cookie budget is counted for: registrable domain, or the host itself. */
const sites = new Map<string, string>();

export function siteOf(host: string): string {
  let site = sites.get(host);
  if (site === undefined) {
    site = registrableDomain(host) ?? host;
    if (sites.size > 1000) sites.clear();
    sites.set(host, site);
  }
  return site;
}
