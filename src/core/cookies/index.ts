// Public surface of the cookie model: import from 'src/core/cookies/index.ts'.
export * from './types.ts';
export { parseSetCookie, splitSetCookieHeaders, utf8Length, hasControlCharacter, MAX_NAME_VALUE_BYTES, MAX_ATTRIBUTE_VALUE_BYTES } from './parse-set-cookie.ts';
export { parseCookieDate } from './cookie-date.ts';
export { isLocalhost, isSecureOrigin, isIpAddress, isPublicSuffix, registrableDomain, siteForUrl } from './hosts.ts';
export { domainMatch, defaultPath, pathMatch, resolveCookieDomain } from './cookie-scope.ts';
export { createCookie, computeExpiry, MAX_COOKIE_AGE_MS } from './create-cookie.ts';
export { applySetCookie, applySetCookies, applySetCookieToJar, isEquivalentCookie } from './apply-set-cookie.ts';
export type { ApplySetCookieInput, ApplySetCookiesInput } from './apply-set-cookie.ts';
export { evictCookies, evictionKey, DOMAIN_MAX_COOKIES, DOMAIN_PURGE_TARGET } from './evict-cookies.ts';
export { classifySetContext, sameSiteSetReason, defaultPartitionKey } from './set-context.ts';
export type { SetCookieContext } from './set-context.ts';
export { matchCookies, formatCookieHeader } from './match-cookies.ts';
export type { SameSiteContext, MatchCookiesInput } from './match-cookies.ts';
