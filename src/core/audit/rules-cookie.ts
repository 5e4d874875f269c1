// Rules judged from one Set-Cookie line and its response alone (no jar, no decoding): the hot path.
import { isDeletion, lifetimeSeconds, type AuditCookie } from './parse-cookie.ts';
import { explainDomainRejection, type Origin } from './origin.ts';
import { isIpAddress, utf8Length } from '../cookies/index.ts';
import { explainShadowing } from './shadowing.ts';
import type { Hit } from './finding.ts';
import type { SessionVerdict } from './types.ts';

export interface CookieContext {
  cookie: AuditCookie;
  origin: Origin;
  session: SessionVerdict;
  /** the response carries Strict-Transport-Security (https only: browsers ignore it over http) */
  hsts: boolean;
  nowMs: number;
  /** idle policy for persistent-session, seconds */
  sessionMaxAge: number;
  /** the Set-Cookie line as it may appear in evidence (masked unless --show-values) */
  evidence: string;
}

type Rule = (ctx: CookieContext) => Hit | Hit[] | null;
const hit = (ctx: CookieContext, rule: Hit['rule'], message: string): Hit => ({ rule, message, evidence: ctx.evidence });

const MAX_LIFETIME = 400 * 24 * 3600;
const PREFIX = /^__(secure|host)-/i;

const secureRules: Rule[] = [
  (ctx) => {
    const { cookie, origin } = ctx;
    if (cookie.secure) return null;
    if (origin.localhost) {
      return { rule: 'missing-secure', message: `"${cookie.name}" has no Secure attribute (fine on localhost, which browsers treat as secure)`,
        evidence: ctx.evidence, severity: 'info', fixNote: 'Set Secure before deploying: localhost is a secure context, production http(s) is not.' };
    }
    if (ctx.hsts) return hit(ctx, 'missing-secure-hsts', `"${cookie.name}" has no Secure attribute; HSTS mitigates but does not cover the first visit`);
    return hit(ctx, 'missing-secure', `"${cookie.name}" has no Secure attribute, so it can travel over plain HTTP`);
  },
  (ctx) => ctx.cookie.secure && !ctx.origin.secure
    ? hit(ctx, 'secure-from-insecure-origin', `"${ctx.cookie.name}" is Secure but was set from ${ctx.origin.url.protocol}//${ctx.origin.host}: the browser drops it`) : null,
  (ctx) => ctx.cookie.partitioned && !ctx.cookie.secure
    ? hit(ctx, 'partitioned-insecure', `"${ctx.cookie.name}" is Partitioned without Secure: the browser rejects it`) : null,
];

const scriptRules: Rule[] = [
  (ctx) => ctx.cookie.httpOnly ? null
    : hit(ctx, 'missing-httponly', `"${ctx.cookie.name}" has no HttpOnly attribute, so page scripts (and XSS) can read it`),
];

const sameSiteRules: Rule[] = [
  (ctx) => ctx.cookie.sameSiteRaw === undefined
    ? hit(ctx, 'samesite-missing', `"${ctx.cookie.name}" has no SameSite attribute (Chrome treats it as Lax, Firefox reports None)`) : null,
  (ctx) => ctx.cookie.sameSite === 'invalid'
    ? hit(ctx, 'samesite-invalid', `SameSite=${ctx.cookie.sameSiteRaw} is not Strict, Lax or None: the browser uses the default`) : null,
  (ctx) => ctx.cookie.sameSite === 'none' && !ctx.cookie.secure
    ? hit(ctx, 'samesite-none-insecure', `"${ctx.cookie.name}" is SameSite=None without Secure: the browser rejects it`) : null,
  (ctx) => ctx.cookie.sameSite === 'none' && ctx.cookie.secure
    ? hit(ctx, 'samesite-none-session', `"${ctx.cookie.name}" is sent on cross-site requests (SameSite=None): review its CSRF exposure`) : null,
  (ctx) => /csrf|xsrf/i.test(ctx.cookie.name) && (ctx.cookie.sameSite === undefined || ctx.cookie.sameSite === 'invalid')
    ? hit(ctx, 'csrf-cookie-no-samesite', `anti-CSRF cookie "${ctx.cookie.name}" has no valid SameSite attribute`) : null,
];

function prefixHits(ctx: CookieContext): Hit[] {
  const { cookie } = ctx;
  const match = PREFIX.exec(cookie.name);
  if (!match) return [];
  const hits: Hit[] = [];
  if (!/^__(Secure|Host)-/.test(cookie.name)) hits.push(hit(ctx, 'prefix-case', `"${match[0]}" is a prefix in non-canonical case: browsers enforce it, servers may not recognise it`));
  if (match[1].toLowerCase() === 'secure' && !cookie.secure) hits.push(hit(ctx, 'prefix-secure-violation', `"${cookie.name}" uses the __Secure- prefix without Secure: the browser rejects it`));
  if (match[1].toLowerCase() === 'host') {
    // as the cookie model (and Chromium): an empty Domain is ignored, and an IP host may name itself
    const hostOnly = cookie.domain === undefined || (isIpAddress(ctx.origin.host) && cookie.domain === ctx.origin.host);
    const problems = [!cookie.secure && 'no Secure', !hostOnly && 'a Domain attribute', cookie.path !== '/' && 'a Path other than /'].filter(Boolean);
    if (problems.length) hits.push(hit(ctx, 'prefix-host-violation', `"${cookie.name}" uses the __Host- prefix with ${problems.join(', ')}: the browser rejects it`));
  }
  return hits;
}

const prefixRules: Rule[] = [
  prefixHits,
  (ctx) => {
    const why = explainShadowing(ctx.cookie);
    return why ? hit(ctx, 'prefix-shadowing', `${why}: it can shadow a prefixed cookie`) : null;
  },
  (ctx) => {
    const { cookie, origin, session } = ctx;
    if (!session.is || !origin.https || PREFIX.test(cookie.name) || cookie.domainRaw !== undefined) return null;
    if (cookie.path !== undefined && cookie.path !== '/') return null;
    return hit(ctx, 'prefix-recommended', `session cookie "${cookie.name}" could be __Host-${cookie.name}, which no subdomain or http page can overwrite`);
  },
];

const domainRules: Rule[] = [
  (ctx) => {
    const raw = ctx.cookie.domainRaw;
    if (raw === undefined || raw === '') return null;
    if (/[^\x00-\x7f]/.test(raw)) return hit(ctx, 'domain-non-ascii', `Domain=${raw} contains non-ASCII characters: the browser rejects the cookie`);
    const why = explainDomainRejection(ctx.origin.host, raw);
    if (why) return hit(ctx, 'domain-invalid', `Domain rejected: ${why}`);
    // an IP host has no subdomains: a Domain equal to it still gives a host-only cookie
    if (isIpAddress(ctx.origin.host)) return null;
    return hit(ctx, 'domain-too-broad', `Domain=${raw} sends "${ctx.cookie.name}" to every subdomain of ${ctx.cookie.domain}, not just ${ctx.origin.host}`);
  },
];

const lifetimeRules: Rule[] = [
  (ctx) => {
    const life = lifetimeSeconds(ctx.cookie, ctx.nowMs);
    return life !== null && life > MAX_LIFETIME
      ? hit(ctx, 'expiry-over-400-days', `lifetime of ${Math.round(life / 86400)} days is capped to 400 days by browsers`) : null;
  },
  (ctx) => {
    const life = lifetimeSeconds(ctx.cookie, ctx.nowMs);
    return life !== null && life > ctx.sessionMaxAge
      ? hit(ctx, 'persistent-session', `"${ctx.cookie.name}" lives ${formatDuration(life)}, longer than the ${formatDuration(ctx.sessionMaxAge)} session policy`) : null;
  },
];

const syntaxRules: Rule[] = [
  (ctx) => ctx.cookie.problems.includes('name-value-oversize')
    ? hit(ctx, 'oversize', `name+value is ${utf8Length(ctx.cookie.name) + utf8Length(ctx.cookie.value)} bytes, over the 4096-byte limit: the browser rejects it`) : null,
  (ctx) => ctx.cookie.oversizeAttributes.length
    ? hit(ctx, 'attribute-oversize', `attribute ${ctx.cookie.oversizeAttributes.join(', ')} is over 1024 bytes and is ignored`) : null,
  (ctx) => {
    const { problems } = ctx.cookie;
    if (problems.includes('control-character')) return hit(ctx, 'invalid-characters', 'control characters in the Set-Cookie line: the browser rejects it (DisallowedCharacter)');
    if (problems.includes('no-content')) return hit(ctx, 'invalid-characters', 'empty name and value: the browser rejects it (NoCookieContent)');
    // "=a=b" would come back as cookie "a": Chromium refuses a nameless cookie whose value holds "="
    if (ctx.cookie.name === '' && ctx.cookie.value.includes('=')) return hit(ctx, 'invalid-characters', 'a nameless cookie whose value contains "=": the browser rejects it');
    return null;
  },
];

const ALL_RULES: Rule[] = [...secureRules, ...scriptRules, ...sameSiteRules, ...prefixRules, ...domainRules, ...lifetimeRules, ...syntaxRules];

/** Runs every single-cookie rule. Deletions are never audited (ZAP's lesson: they are how you fix things). */
export function checkCookie(ctx: CookieContext): Hit[] {
  const hits: Hit[] = [];
  if (isDeletion(ctx.cookie, ctx.nowMs)) return hits;
  for (const rule of ALL_RULES) {
    const found = rule(ctx);
    if (found === null) continue;
    if (Array.isArray(found)) hits.push(...found); else hits.push(found);
  }
  return hits;
}

export function formatDuration(seconds: number): string {
  if (seconds >= 86400) return `${Math.round(seconds / 86400)} days`;
  if (seconds >= 3600) return `${Math.round(seconds / 3600)} hours`;
  return `${seconds} seconds`;
}
