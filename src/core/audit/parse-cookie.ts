// Adapts the cookie model's parser (src/core/cookies) to the facts the rules judge: the raw Domain text,
// the raw SameSite text, oversize attributes and the untrimmed-Unicode name all survive there.
import { parseSetCookie, splitSetCookieHeaders, type ParsedSetCookie } from '../cookies/index.ts';

export interface AuditCookie {
  /** the header line without a leading "Set-Cookie:" */
  header: string;
  name: string;
  value: string;
  /** no "=" in the name-value pair: the browser treats the text as a value with an empty name */
  nameless: boolean;
  secure: boolean;
  httpOnly: boolean;
  partitioned: boolean;
  /** lowercased, leading dot removed; undefined when absent or empty (host-only) */
  domain?: string;
  /** the effective Domain attribute text as sent */
  domainRaw?: string;
  /** effective Path attribute when it starts with "/" */
  path?: string;
  /** raw SameSite text; undefined when absent */
  sameSiteRaw?: string;
  sameSite?: 'strict' | 'lax' | 'none' | 'invalid';
  maxAge?: number;
  /** unix ms */
  expires?: number;
  /** names of attributes ignored because their value exceeds 1024 bytes */
  oversizeAttributes: string[];
  /** the model's problem codes (control-character, no-content, name-value-oversize, …) */
  problems: string[];
}

/** Parses one Set-Cookie line (with or without the "Set-Cookie:" label). Attributes: last one wins. */
export function parseAuditCookie(line: string): AuditCookie {
  return toAuditCookie(parseSetCookie(line));
}

const OVERSIZE = 'attribute-oversize:';

/** The audit's view of a line the cookie model already parsed (the hot path parses each header once). */
export function toAuditCookie(p: ParsedSetCookie): AuditCookie {
  return {
    header: p.header, name: p.name, value: p.value, nameless: p.nameless,
    secure: p.secure, httpOnly: p.httpOnly, partitioned: p.partitioned,
    domain: p.domain, domainRaw: p.effective.domain,
    path: p.path?.startsWith('/') ? p.path : undefined,
    sameSiteRaw: p.sameSiteRaw,
    sameSite: p.sameSite === 'unspecified' ? undefined : p.sameSite,
    maxAge: p.maxAge, expires: p.expires ?? undefined,
    oversizeAttributes: p.problems.length === 0 ? [] : p.problems.filter((c) => c.startsWith(OVERSIZE)).map((c) => c.slice(OVERSIZE.length)),
    problems: p.problems,
  };
}

/** Seconds the cookie lives from `nowMs`; null for a browser-session cookie. Max-Age wins over Expires. */
export function lifetimeSeconds(cookie: AuditCookie, nowMs: number): number | null {
  if (cookie.maxAge !== undefined) return cookie.maxAge;
  if (cookie.expires !== undefined) return Math.floor((cookie.expires - nowMs) / 1000);
  return null;
}

/** A Set-Cookie that removes the cookie (Max-Age<=0 or a past Expires) - never audited. */
export function isDeletion(cookie: AuditCookie, nowMs: number): boolean {
  const life = lifetimeSeconds(cookie, nowMs);
  return life !== null && life <= 0;
}

/** Single Set-Cookie lines, also from Firefox's newline-joined form. */
export const splitSetCookieLines = (headers: readonly string[]): string[] => splitSetCookieHeaders(headers);
