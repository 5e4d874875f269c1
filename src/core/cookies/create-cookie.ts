// Turns a parsed Set-Cookie into the cookie a browser would create, or the reasons it refuses
// (Chrome's CanonicalCookie::Create checks; RFC 6265bis §5.7 steps 1-22 before the store is touched).
import { defaultPath, resolveCookieDomain } from './cookie-scope.ts';
import { isIpAddress, isSecureOrigin, parseUrl } from './hosts.ts';
import { classifySetContext, defaultPartitionKey, sameSiteSetReason, type SetCookieContext } from './set-context.ts';
import type { CookiePartitionKey, ExclusionReason, ParsedSetCookie, SameSiteStatus, StoredCookie } from './types.ts';

export const MAX_COOKIE_AGE_MS = 400 * 24 * 60 * 60 * 1000;
const HTTP_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export interface CreateOptions {
  url: string | URL;
  now: number;
  /** The page a subresource/iframe response was loaded under; absent for top-level responses. */
  topLevelUrl?: string | URL;
  partitionKey?: CookiePartitionKey;
  fromScript?: boolean;
  /** Third-party cookie blocking (incognito, user setting): unpartitioned cross-site cookies are refused. */
  blockThirdPartyCookies?: boolean;
}

export interface CreatedCookie {
  /** Present when the cookie could be built; with non-empty `reasons` the browser still refuses to store it. */
  cookie?: StoredCookie;
  reasons: ExclusionReason[];
  warnings: string[];
  /** True when the cookie's expiry is at or before `now`: storing it deletes the equivalent cookie. */
  expired: boolean;
}

const SAME_SITE: Record<ParsedSetCookie['sameSite'], SameSiteStatus> = {
  strict: 'strict', lax: 'lax', none: 'no_restriction', unspecified: 'unspecified', invalid: 'unspecified',
};

/** Syntax-level rejections; Chrome reports these alone because no cookie could be built. */
function syntaxReasons(p: ParsedSetCookie): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (p.problems.includes('control-character')) reasons.push('DisallowedCharacter');
  else if (p.problems.includes('no-content')) reasons.push('NoCookieContent');
  if (p.problems.includes('name-value-oversize')) reasons.push('NameValuePairExceedsMaxSize');
  return reasons;
}

/** Max-Age wins over Expires; past or zero means "delete"; the result is capped at 400 days. */
export function computeExpiry(p: ParsedSetCookie, now: number, warnings: string[]): number | null {
  let expiry: number | null = null;
  if (p.maxAge !== undefined) expiry = p.maxAge <= 0 ? -Infinity : now + p.maxAge * 1000;
  else if (typeof p.expires === 'number') expiry = p.expires;
  if (expiry !== null && expiry > now + MAX_COOKIE_AGE_MS) {
    warnings.push('expiry-capped-400-days');
    return now + MAX_COOKIE_AGE_MS;
  }
  return expiry;
}

/** §4.1.3 prefixes, matched case-insensitively; a nameless cookie may not smuggle one in its value. */
function hasValidPrefix(p: ParsedSetCookie, secureOrigin: boolean, host: string): boolean {
  const name = p.name.toLowerCase();
  if (name.startsWith('__secure-')) return p.secure && secureOrigin;
  if (name.startsWith('__host-')) {
    const domain = p.effective.domain ?? '';
    // Chrome lets a __Host- cookie name its own IP host as Domain (that is still host-only)
    const hostOnly = domain === '' || (isIpAddress(host) && domain === host);
    return p.secure && secureOrigin && hostOnly && p.path === '/';
  }
  if (p.name === '') {
    const value = p.value.toLowerCase();
    return !(value.startsWith('__secure-') || value.startsWith('__host-'));
  }
  return true;
}

/** Checks Chrome makes while building the cookie; they are reported together, and stop the later ones. */
function creationReasons(p: ParsedSetCookie, secureOrigin: boolean, domainOk: boolean, host: string): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!domainOk) reasons.push('InvalidDomain');
  if (!hasValidPrefix(p, secureOrigin, host)) reasons.push('InvalidPrefix');
  if (p.partitioned && !(p.secure && secureOrigin)) reasons.push('InvalidPartitioned');
  // A nameless "a=b" would come back in the Cookie header as cookie "a": Chrome refuses to create it
  if (reasons.length === 0 && p.name === '' && p.value.includes('=')) reasons.push('NamelessValueWithEquals');
  return reasons;
}

/** Checks Chrome makes when storing, only reached by a cookie that could be built. */
function storageReasons(p: ParsedSetCookie, secureOrigin: boolean, context: SetCookieContext, opts: CreateOptions): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (p.secure && !secureOrigin) reasons.push('SecureOnly');
  if (p.sameSite === 'none' && !p.secure) reasons.push('SameSiteNoneInsecure');
  const sameSite = sameSiteSetReason(p.sameSite, context);
  if (sameSite) reasons.push(sameSite);
  if (opts.fromScript && p.httpOnly) reasons.push('HttpOnly');
  return reasons;
}

/** Builds the cookie a browser would create from `parsed` for a response from `opts.url`. */
export function createCookie(parsed: ParsedSetCookie, opts: CreateOptions): CreatedCookie {
  const warnings = parsed.problems.filter((x) => x.startsWith('attribute-oversize') || x === 'samesite-invalid');
  const url = parseUrl(opts.url);
  if (!url || !HTTP_SCHEMES.has(url.protocol)) return { reasons: ['SchemeNotSupported'], warnings, expired: false };
  const syntax = syntaxReasons(parsed);
  if (syntax.length > 0) return { reasons: syntax, warnings, expired: false };
  const secureOrigin = isSecureOrigin(url);
  const topLevelUrl = opts.topLevelUrl === undefined ? null : parseUrl(opts.topLevelUrl);
  const host = url.hostname.toLowerCase();
  const scope = resolveCookieDomain(host, parsed.effective.domain);
  if (parsed.problems.includes('domain-non-ascii')) warnings.push('domain-non-ascii');
  const creation = creationReasons(parsed, secureOrigin, scope.ok, host);
  if (!scope.ok || creation.length > 0) return { reasons: creation, warnings, expired: false };
  const expiresAt = computeExpiry(parsed, opts.now, warnings);
  const path = parsed.path?.startsWith('/') ? parsed.path : defaultPath(url.pathname);
  const cookie: StoredCookie = {
    name: parsed.name, value: parsed.value, domain: scope.domain, hostOnly: scope.hostOnly, path,
    secure: parsed.secure, httpOnly: parsed.httpOnly, sameSite: SAME_SITE[parsed.sameSite],
    partitioned: parsed.partitioned, expiresAt: expiresAt === null ? null : Math.max(expiresAt, -8.64e15),
    creationTime: opts.now, priority: parsed.priority,
  };
  if (parsed.partitioned) {
    cookie.partitionKey = opts.partitionKey ?? defaultPartitionKey(url, topLevelUrl);
  }
  const context = classifySetContext(url, topLevelUrl);
  // Chrome applies the user's third-party blocking first and then reports only that (CDP UserPreferences)
  const blocked = opts.blockThirdPartyCookies && context !== 'same-site' && !parsed.partitioned;
  const reasons: ExclusionReason[] = blocked ? ['UserPreferences'] : storageReasons(parsed, secureOrigin, context, opts);
  return { cookie, reasons, warnings, expired: expiresAt !== null && expiresAt <= opts.now };
}
