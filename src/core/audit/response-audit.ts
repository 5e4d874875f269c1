// observeResponse: every Set-Cookie of one response through the cookie model and the synchronous rules.
import { applySetCookies, parseSetCookie, type CookieDecision, type ParsedSetCookie, type StoredCookie } from '../cookies/index.ts';
import { classifySession } from './classify.ts';
import { makeFinding, type Hit, type Subject } from './finding.ts';
import { maskSetCookie } from './mask.ts';
import { defaultPathOf, readOrigin, siteOf, type Origin } from './origin.ts';
import { isDeletion, splitSetCookieLines, toAuditCookie, type AuditCookie } from './parse-cookie.ts';
import { checkCookie, type CookieContext } from './rules-cookie.ts';
import { checkSessionId, extractSessionId } from './session-id.ts';
import { idsAreDistinct, record, rememberId, rememberSessionValue, type AuditState } from './state.ts';
import { checkBlocked } from './blocked.ts';
import { toStoredCookie, headerValue } from './inputs.ts';
import type { Finding, ResponseObservation } from './types.ts';

export interface AuditedCookie { ctx: CookieContext; subject: Subject; decision?: CookieDecision }

function subjectOf(cookie: AuditCookie, origin: Origin, decision: CookieDecision | undefined, ctx: CookieContext): Subject {
  return {
    name: cookie.name, url: origin.url.href, session: ctx.session,
    domain: decision?.cookie?.domain ?? cookie.domain ?? origin.host,
    path: decision?.cookie?.path ?? cookie.path ?? defaultPathOf(origin.url),
  };
}

function overwriteHit(ctx: CookieContext, decision: CookieDecision | undefined): Hit | null {
  if (!decision || ctx.cookie.secure) return null;
  if (decision.reasons.includes('OverwriteSecure')) {
    return { rule: 'insecure-overwrites-secure', message: `non-Secure "${ctx.cookie.name}" from an insecure origin tries to replace a Secure cookie: blocked (OverwriteSecure)`, evidence: ctx.evidence };
  }
  if (decision.action === 'updated' && decision.previous?.secure) {
    return { rule: 'insecure-overwrites-secure', message: `non-Secure "${ctx.cookie.name}" replaced a Secure cookie of the same name, domain and path`, evidence: ctx.evidence };
  }
  return null;
}

/** Findings not yet recorded: building one (fix text, evidence) for a flaw already reported is wasted work. */
function newFindings(state: AuditState, subject: Subject, hits: Hit[], keys: string[]): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < hits.length; i++) if (!state.findings.has(keys[i])) findings.push(makeFinding(subject, hits[i]));
  return findings;
}

/**
 * Judges one cookie; returns its findings not recorded yet (the rest would be dropped by `record`: first
 * report wins) and remembers its context, with the keys of all its findings, so a decoder verdict can re-judge it.
 */
export function judgeCookie(state: AuditState, audited: AuditedCookie): Finding[] {
  const { ctx, subject, decision } = audited;
  const hits = checkCookie(ctx);
  const overwrite = overwriteHit(ctx, decision);
  if (overwrite) hits.push(overwrite);
  const key = `${subject.name}\u0000${subject.domain}\u0000${subject.path}`;
  // the cookie's previous judgement: its finding keys are reused (built and hashed once per cookie, not per header)
  const prev = state.contexts.get(key);
  // weak-session-id compares against up to 200 earlier ids: once reported for this cookie (first report
  // wins, so a new hit would be dropped anyway) only its key is kept, for a re-classification to forget
  const weakKey = prev?.weakKey ?? `weak-session-id\u0000${key}`;
  const weakKnown = ctx.session.is && state.findings.has(weakKey);
  const id = ctx.session.is ? extractSessionId(ctx.cookie.value) : null;
  if (ctx.session.is) {
    if (id !== null) {
      const history = rememberId(state, ctx.cookie.name, id);
      const weak = weakKnown ? null : checkSessionId(id, history, ctx.evidence, idsAreDistinct(state, ctx.cookie.name));
      if (weak) hits.push(weak);
    }
    rememberSessionValue(state, { name: subject.name, domain: subject.domain, path: subject.path, url: subject.url, value: ctx.cookie.value });
  }
  // findingKey of the finding each hit makes
  const rules = hits.map((h) => h.rule);
  const keys = rules.map((rule) => {
    const j = prev ? prev.rules.indexOf(rule) : -1;
    return j >= 0 ? prev!.keys[j] : `${rule}\u0000${key}`;
  });
  const findings = newFindings(state, subject, hits, keys);
  if (weakKnown && id !== null) keys.push(weakKey);
  state.contexts.set(key, { ctx, subject, decision, keys, rules, weakKey });
  state.toDecode.push(key);
  return findings;
}

/** "a|b" scope of a Set-Cookie line (domain and path as written) */
const lineScope = (c: AuditCookie): string => `${c.domain ?? ''}|${c.path ?? ''}`;

/** Jar cookies of this name the response's host can see; null for fewer than two (no list built: the usual case). */
function aliveFor(jar: readonly StoredCookie[], name: string, host: string): StoredCookie[] | null {
  let count = 0;
  for (const j of jar) if (j.name === name && (j.domain === host || host.endsWith('.' + j.domain))) count++;
  return count > 1 ? jar.filter((j) => j.name === name && (j.domain === host || host.endsWith('.' + j.domain))) : null;
}

function duplicateHits(state: AuditState, cookies: AuditCookie[], origin: Origin, evidence: (c: AuditCookie) => string): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  for (const c of cookies) {
    let twins = 0;
    for (const o of cookies) if (o.name === c.name) twins++;
    if (twins > 1) {
      const scopes = new Set(cookies.filter((o) => o.name === c.name).map(lineScope));
      const effect = scopes.size === 1 ? 'only the last one is kept' : 'with different scopes, so requests can carry several';
      hits.set(c.name, { rule: 'duplicate-cookie', message: `"${c.name}" is set ${twins} times in one response, ${effect}`, evidence: evidence(c) });
    }
    if (hits.has(c.name)) continue;
    // one live cookie of the name cannot span several scopes
    const alive = aliveFor(state.jar, c.name, origin.host);
    const scopes = alive && new Set(alive.map((j) => `${j.domain}|${j.path}|${j.partitionKey?.topLevelSite ?? ''}`));
    if (scopes && scopes.size > 1) {
      hits.set(c.name, { rule: 'duplicate-cookie', message: `"${c.name}" is alive for ${scopes.size} domain/path/partition combinations (${[...scopes].map((s) => s.split('|').slice(0, 2).join('')).join(', ')}): requests can carry several, in an order servers rarely expect`, evidence: evidence(c) });
    }
  }
  return hits;
}

function budgetHit(state: AuditState, origin: Origin): Finding[] {
  if (state.jar.length <= 50) return []; // the count below is at most the jar's size
  const site = siteOf(origin.host);
  const count = state.jar.filter((c) => siteOf(c.domain) === site).length;
  if (count <= 50) return [];
  const session = { is: false, reason: 'applies to all cookies of the site' };
  return [makeFinding({ name: '*', domain: site, path: '/', url: origin.url.href, session },
    { rule: 'cookie-budget', message: `${count} cookies are stored for ${site}, more than the 50 per domain browsers guarantee`, evidence: `${count} cookies for ${site}` })];
}

/** One parse per line: the caller's, when it parsed exactly these lines already. */
function parseLines(obs: ResponseObservation, lines: string[]): ParsedSetCookie[] {
  const given = obs.parsed;
  const aligned = given !== undefined && given.length === lines.length && lines.every((l, i) => l === obs.setCookieHeaders[i]);
  return aligned ? given : lines.map((l) => parseSetCookie(l));
}

export function auditResponse(state: AuditState, obs: ResponseObservation): Finding[] {
  const origin = readOrigin(obs.url);
  const nowMs = (obs.now ?? Date.now() / 1000) * 1000;
  const lines = splitSetCookieLines(obs.setCookieHeaders);
  const parsed = parseLines(obs, lines);
  const jarBefore: StoredCookie[] = obs.jarBefore ? obs.jarBefore.map((c) => toStoredCookie(c, nowMs)) : state.jar;
  const { decisions, jar } = applySetCookies({ url: origin.url, headers: lines, parsed, jar: jarBefore, now: nowMs });
  state.jar = jar;
  const hsts = origin.https && headerValue(obs.responseHeaders, 'strict-transport-security') !== undefined;
  const cookies = parsed.map(toAuditCookie);
  // evidence by cookie index, made once (with its session verdict) for every cookie that is audited
  const evidence: string[] = [];
  const evidenceOf = (c: AuditCookie): string => evidence[cookies.indexOf(c)];
  const live = cookies.filter((c) => !isDeletion(c, nowMs));
  const findings: Finding[] = [];
  const audited: AuditedCookie[] = [];
  for (let i = 0; i < cookies.length; i++) {
    const cookie = cookies[i];
    if (isDeletion(cookie, nowMs)) continue;
    const session = classifySession(cookie.name, cookie.value);
    evidence[i] = `Set-Cookie: ${state.options.showValues ? cookie.header : maskSetCookie(cookie.header, session.is)}`;
    const ctx: CookieContext = { cookie, origin, hsts, nowMs, sessionMaxAge: state.sessionMaxAge, session, evidence: evidence[i] };
    const item = { ctx, subject: subjectOf(cookie, origin, decisions[i], ctx), decision: decisions[i] };
    audited.push(item);
    for (const f of judgeCookie(state, item)) findings.push(f);
  }
  for (const [name, hit] of duplicateHits(state, live, origin, evidenceOf)) {
    const item = audited.find((a) => a.ctx.cookie.name === name)!;
    findings.push(makeFinding(item.subject, hit));
  }
  findings.push(...checkBlocked(obs, audited, evidenceOf), ...budgetHit(state, origin));
  return record(state, findings);
}
