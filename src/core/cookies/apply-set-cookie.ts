// The storage half of RFC 6265bis §5.7 as Chrome's CookieMonster runs it: secure-cookie protection,
// HttpOnly protection from script, replacement of the equivalent cookie and deletion by expiry.
import { createCookie } from './create-cookie.ts';
import { evictCookies } from './evict-cookies.ts';
import { domainMatch, pathMatch } from './cookie-scope.ts';
import { isSecureOrigin, parseUrl } from './hosts.ts';
import { parseSetCookie, splitSetCookieHeaders } from './parse-set-cookie.ts';
import type { CookieDecision, CookiePartitionKey, ExclusionReason, StoredCookie } from './types.ts';

export interface ApplySetCookieInput {
  url: string | URL;
  header: string;
  jar: readonly StoredCookie[];
  now: number;
  /** The page a subresource/iframe response was loaded under (decides SameSite and the partition). */
  topLevelUrl?: string | URL;
  partitionKey?: CookiePartitionKey;
  /** document.cookie / CookieStore: may not set HttpOnly nor overwrite an HttpOnly cookie. */
  fromScript?: boolean;
  /** Third-party cookie blocking is on (incognito, user setting): cross-site unpartitioned sets are refused. */
  blockThirdPartyCookies?: boolean;
}

const samePartition = (a: StoredCookie, b: StoredCookie): boolean =>
  (a.partitionKey?.topLevelSite ?? null) === (b.partitionKey?.topLevelSite ?? null)
  && (a.partitionKey?.hasCrossSiteAncestor ?? false) === (b.partitionKey?.hasCrossSiteAncestor ?? false);

/** Chrome's CanonicalCookie::IsEquivalent: the cookie a new one replaces. */
export function isEquivalentCookie(a: StoredCookie, b: StoredCookie): boolean {
  return a.name === b.name && a.domain === b.domain && a.hostOnly === b.hostOnly && a.path === b.path && samePartition(a, b);
}

/**
 * §5.7 step 16: a non-secure origin may not shadow a Secure cookie with the same name and overlapping scope.
 * Chrome checks this even when the new cookie is itself Secure (and reports it beside SecureOnly).
 */
function shadowsSecureCookie(candidate: StoredCookie, jar: readonly StoredCookie[]): StoredCookie | undefined {
  return jar.find((c) => c.secure && c.name === candidate.name && samePartition(c, candidate)
    && (domainMatch(c.domain, candidate.domain) || domainMatch(candidate.domain, c.domain))
    && pathMatch(candidate.path, c.path));
}

function storeReasons(input: ApplySetCookieInput, candidate: StoredCookie, previous?: StoredCookie): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!isSecureOrigin(input.url) && shadowsSecureCookie(candidate, input.jar)) reasons.push('OverwriteSecure');
  if (input.fromScript && previous?.httpOnly) reasons.push('OverwriteHttpOnly');
  return reasons;
}

/** Applies one Set-Cookie header to `jar` (not mutated) and says what the browser would do. */
export function applySetCookieToJar(raw: ApplySetCookieInput): { decision: CookieDecision; jar: StoredCookie[] } {
  const input = { ...raw, url: parseUrl(raw.url) ?? raw.url };
  const parsed = parseSetCookie(input.header);
  const created = createCookie(parsed, input);
  const base = { header: input.header, parsed, warnings: created.warnings };
  const jar = [...input.jar];
  const candidate = created.cookie;
  if (!candidate) return { decision: { ...base, action: 'rejected', reasons: created.reasons }, jar };
  const index = jar.findIndex((c) => isEquivalentCookie(c, candidate));
  const previous = index >= 0 ? jar[index] : undefined;
  const reasons = [...created.reasons, ...storeReasons(input, candidate, previous)];
  if (reasons.length > 0) return { decision: { ...base, action: 'rejected', reasons, cookie: candidate, previous }, jar };
  if (index >= 0) jar.splice(index, 1);
  if (created.expired) return { decision: { ...base, action: 'deleted', reasons: [], cookie: candidate, previous }, jar };
  const cookie = { ...candidate, creationTime: previous?.creationTime ?? candidate.creationTime, lastAccess: input.now };
  jar.push(cookie);
  const limited = evictCookies(jar, cookie, input.now);
  const decision: CookieDecision = { ...base, action: previous ? 'updated' : 'stored', reasons: [], cookie, previous };
  if (limited.evicted.length > 0) decision.evicted = limited.evicted;
  return { decision, jar: limited.jar };
}

/** Applies one header and returns only the decision (use applySetCookieToJar for the resulting jar). */
export function applySetCookie(input: ApplySetCookieInput): CookieDecision {
  return applySetCookieToJar(input).decision;
}

export interface ApplySetCookiesInput extends Omit<ApplySetCookieInput, 'header'> {
  /** One header per entry; entries may hold several newline-joined headers (Firefox's webRequest form). */
  headers: string | readonly string[];
}

/** Applies a response's Set-Cookie headers in order, each seeing the jar the previous one produced. */
export function applySetCookies(input: ApplySetCookiesInput): { decisions: CookieDecision[]; jar: StoredCookie[] } {
  let jar = [...input.jar];
  const decisions: CookieDecision[] = [];
  for (const header of splitSetCookieHeaders(input.headers)) {
    const step = applySetCookieToJar({ ...input, header, jar });
    decisions.push(step.decision);
    jar = step.jar;
  }
  return { decisions, jar };
}
