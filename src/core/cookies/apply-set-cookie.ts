// The storage half of RFC 6265bis §5.7 as Chrome's CookieMonster runs it: secure-cookie protection,
// HttpOnly protection from script, replacement of the equivalent cookie and deletion by expiry.
import { createCookie, type CreateOptions } from './create-cookie.ts';
import { DOMAIN_MAX_COOKIES, evictCookies } from './evict-cookies.ts';
import { domainMatch, pathMatch } from './cookie-scope.ts';
import { isSecureOrigin, parseUrl } from './hosts.ts';
import { parseSetCookie, splitSetCookieHeaders } from './parse-set-cookie.ts';
import type { CookieDecision, CookiePartitionKey, ExclusionReason, ParsedSetCookie, StoredCookie } from './types.ts';

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

function storeReasons(input: CreateOptions, jar: readonly StoredCookie[], candidate: StoredCookie, previous?: StoredCookie): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!isSecureOrigin(input.url) && shadowsSecureCookie(candidate, jar)) reasons.push('OverwriteSecure');
  if (input.fromScript && previous?.httpOnly) reasons.push('OverwriteHttpOnly');
  return reasons;
}

/**
 * Applies one header to `jar` in place (the caller owns it) and says what the browser would do. `url` is
 * already parsed; `parsed` is the header's parse, shared with callers that need it too (one parse per header).
 */
function applyInPlace(input: CreateOptions, header: string, parsed: ParsedSetCookie, jar: StoredCookie[]): { decision: CookieDecision; jar: StoredCookie[] } {
  const created = createCookie(parsed, input);
  const { warnings } = created;
  const candidate = created.cookie;
  if (!candidate) return { decision: { header, parsed, warnings, action: 'rejected', reasons: created.reasons }, jar };
  let index = -1;
  for (let i = 0; i < jar.length; i++) if (isEquivalentCookie(jar[i], candidate)) { index = i; break; }
  const previous = index >= 0 ? jar[index] : undefined;
  const store = storeReasons(input, jar, candidate, previous);
  const reasons = store.length === 0 ? created.reasons : created.reasons.concat(store);
  if (reasons.length > 0) return { decision: { header, parsed, warnings, action: 'rejected', reasons, cookie: candidate, previous }, jar };
  if (index >= 0) jar.splice(index, 1);
  if (created.expired) return { decision: { header, parsed, warnings, action: 'deleted', reasons: [], cookie: candidate, previous }, jar };
  // the new cookie keeps the replaced one's creation time (what Chrome reports)
  candidate.creationTime = previous?.creationTime ?? candidate.creationTime;
  candidate.lastAccess = input.now;
  const cookie = candidate;
  jar.push(cookie);
  const decision: CookieDecision = { header, parsed, warnings, action: previous ? 'updated' : 'stored', reasons: [], cookie, previous };
  // evictCookies copies the jar even when nothing is over the limit: only call it when something may be
  if (jar.length <= DOMAIN_MAX_COOKIES) return { decision, jar };
  const limited = evictCookies(jar, cookie, input.now);
  if (limited.evicted.length > 0) decision.evicted = limited.evicted;
  return { decision, jar: limited.jar };
}

/**
 * Applies one Set-Cookie header to `jar` (not mutated) and says what the browser would do. `parsed`, when
 * given, must be `parseSetCookie(header)`: callers that parsed the header already pass it on.
 */
export function applySetCookieToJar(raw: ApplySetCookieInput, parsed?: ParsedSetCookie): { decision: CookieDecision; jar: StoredCookie[] } {
  const input = { ...raw, url: parseUrl(raw.url) ?? raw.url };
  return applyInPlace(input, input.header, parsed ?? parseSetCookie(input.header), [...input.jar]);
}

/** Applies one header and returns only the decision (use applySetCookieToJar for the resulting jar). */
export function applySetCookie(input: ApplySetCookieInput): CookieDecision {
  return applySetCookieToJar(input).decision;
}

export interface ApplySetCookiesInput extends Omit<ApplySetCookieInput, 'header'> {
  /** One header per entry; entries may hold several newline-joined headers (Firefox's webRequest form). */
  headers: string | readonly string[];
  /**
   * The parse of each single header (after newline splitting), when the caller has it already; ignored
   * unless there is exactly one per header.
   */
  parsed?: readonly ParsedSetCookie[];
}

/** Applies a response's Set-Cookie headers in order, each seeing the jar the previous one produced. */
export function applySetCookies(input: ApplySetCookiesInput): { decisions: CookieDecision[]; jar: StoredCookie[] } {
  let jar = [...input.jar];
  const options: CreateOptions = {
    url: parseUrl(input.url) ?? input.url, now: input.now, topLevelUrl: input.topLevelUrl, partitionKey: input.partitionKey,
    fromScript: input.fromScript, blockThirdPartyCookies: input.blockThirdPartyCookies,
  };
  const headers = splitSetCookieHeaders(input.headers);
  const given = input.parsed?.length === headers.length ? input.parsed : undefined;
  const decisions: CookieDecision[] = [];
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    const step = applyInPlace(options, header, given?.[i] ?? parseSetCookie(header), jar);
    decisions.push(step.decision);
    jar = step.jar;
  }
  return { decisions, jar };
}
