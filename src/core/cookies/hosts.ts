// Host and origin classification shared by the storage model, the audit and the extension.
// Public-suffix knowledge comes from tldts (the maintained PSL, private section included, as Chrome uses it).
import { getDomain, getPublicSuffix } from 'tldts';

const PSL_OPTIONS = { allowPrivateDomains: true } as const;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const stripTrailingDot = (host: string): string => (host.endsWith('.') ? host.slice(0, -1) : host);

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.startsWith('[') || host.includes(':');
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1: hosts browsers treat as potentially trustworthy. */
export function isLocalhost(host: string): boolean {
  const h = stripTrailingDot(host.toLowerCase());
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '[::1]' || h === '::1') return true;
  const m = IPV4.exec(h);
  return m !== null && m[1] === '127' && m.slice(2).every((n) => Number(n) <= 255);
}

export function parseUrl(url: string | URL): URL | null {
  if (url instanceof URL) return url;
  try { return new URL(url); } catch { return null; }
}

/** https/wss, or http/ws on a localhost host: the origins allowed to set and read Secure cookies. */
export function isSecureOrigin(url: string | URL): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol === 'https:' || u.protocol === 'wss:') return true;
  return (u.protocol === 'http:' || u.protocol === 'ws:') && isLocalhost(u.hostname);
}

/** eTLD+1 of a host, or null for IPs, public suffixes and single-label hosts (they have none). */
export function registrableDomain(host: string): string | null {
  if (isIpAddress(host)) return null;
  return getDomain(host, PSL_OPTIONS) ?? null;
}

/** True when the host is itself a public suffix (com, co.uk, github.io; unknown TLDs count, as in Chrome). */
export function isPublicSuffix(host: string): boolean {
  if (host === '' || isIpAddress(host)) return false;
  const h = stripTrailingDot(host.toLowerCase());
  return getPublicSuffix(h, PSL_OPTIONS) === h;
}

/** Chrome's SchemefulSite for a URL: scheme plus registrable domain (or the host when there is none). */
export function siteForUrl(url: string | URL): string | null {
  const u = parseUrl(url);
  if (!u) return null;
  return `${u.protocol}//${registrableDomain(u.hostname) ?? u.hostname}`;
}
