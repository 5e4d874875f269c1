// Runs the model over the same steps the browser saw and lists every difference.
import {
  applySetCookieToJar, applySetCookies, classifySetContext, defaultPartitionKey, formatCookieHeader, matchCookies,
  type CookieDecision, type StoredCookie,
} from '../../src/core/cookies/index.ts';
import type { DiffCase } from './case-types.ts';
import type { CaseObservation, ObservedCookie } from './observation.ts';

/** Relative expiries (Max-Age, the 400-day cap) depend on when each side read the clock. */
const EXPIRY_TOLERANCE_MS = 5000;

export interface CaseComparison { id: string; agree: boolean; differences: string[]; decisions: CookieDecision[] }
export interface CompareOptions { compareReasons: boolean; comparePriority: boolean }

/** The Cookie header the model expects a step's request to carry (a typed navigation is same-site). */
function expectedRequestCookie(url: string, topUrl: string | undefined, jar: StoredCookie[], now: number, block?: boolean): string {
  const u = new URL(url);
  const top = topUrl ? new URL(topUrl) : null;
  const context = classifySetContext(u, top) === 'same-site' ? 'same-site' : 'cross-site';
  const partitionKey = defaultPartitionKey(u, top);
  return formatCookieHeader(matchCookies({ url, jar, now, sameSiteContext: context, partitionKey, blockThirdPartyCookies: block }));
}

export function predictCase(c: DiffCase, observation: CaseObservation): { jar: StoredCookie[]; decisions: CookieDecision[]; requests: string[] } {
  let jar: StoredCookie[] = [];
  const decisions: CookieDecision[] = [];
  const requests: string[] = [];
  c.steps.forEach((step, i) => {
    const { url, now, topUrl } = observation.steps[i];
    const blockThirdPartyCookies = c.blockThirdPartyCookies;
    requests.push(expectedRequestCookie(url, topUrl, jar, now, blockThirdPartyCookies));
    const applied = applySetCookies({ url, headers: step.headers, jar, now, topLevelUrl: topUrl, blockThirdPartyCookies });
    decisions.push(...applied.decisions);
    jar = applied.jar;
    for (const header of step.script ?? []) jar = applySetCookieToJar({ url, header, jar, now, topLevelUrl: topUrl, blockThirdPartyCookies, fromScript: true }).jar;
  });
  return { jar, decisions, requests };
}

const keyOf = (c: { name: string; domain: string; hostOnly: boolean; path: string; partitioned: boolean }): string =>
  `${JSON.stringify(c.name)} ${c.hostOnly ? '' : '.'}${c.domain} ${c.path}${c.partitioned ? ' (partitioned)' : ''}`;

function compareCookie(model: StoredCookie, seen: ObservedCookie, opts: CompareOptions): string[] {
  const out: string[] = [];
  for (const field of ['value', 'secure', 'httpOnly', 'sameSite'] as const) {
    if (model[field] !== seen[field]) out.push(`${field}: model ${JSON.stringify(model[field])}, browser ${JSON.stringify(seen[field])}`);
  }
  if (opts.comparePriority && seen.priority !== undefined && model.priority !== seen.priority) {
    out.push(`priority: model ${model.priority}, browser ${seen.priority}`);
  }
  if (seen.partitionKey && JSON.stringify(model.partitionKey) !== JSON.stringify(seen.partitionKey)) {
    out.push(`partitionKey: model ${JSON.stringify(model.partitionKey)}, browser ${JSON.stringify(seen.partitionKey)}`);
  }
  const a = model.expiresAt, b = seen.expiresAt;
  if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) > EXPIRY_TOLERANCE_MS)) {
    out.push(`expires: model ${a === null ? 'session' : new Date(a).toISOString()}, browser ${b === null ? 'session' : new Date(b).toISOString()}`);
  }
  return out;
}

function compareJars(model: StoredCookie[], seen: ObservedCookie[], opts: CompareOptions): string[] {
  const out: string[] = [];
  const byKey = new Map(seen.map((c) => [keyOf(c), c]));
  for (const m of model) {
    const s = byKey.get(keyOf(m));
    byKey.delete(keyOf(m));
    if (!s) out.push(`model stored ${keyOf(m)}, browser did not`);
    else out.push(...compareCookie(m, s, opts).map((d) => `${keyOf(m)} ${d}`));
  }
  for (const key of byKey.keys()) out.push(`browser stored ${key}, model did not`);
  return out;
}

/** Exclusions Chrome applies without a CDP SetCookieBlockedReason name: CDP reports nothing for them. */
const CDP_UNNAMED = new Set<string>(['InvalidPartitioned', 'NamelessValueWithEquals', 'HttpOnly', 'OverwriteHttpOnly']);

function compareReasons(decisions: CookieDecision[], observation: CaseObservation): string[] {
  const model = decisions.filter((d) => d.action === 'rejected')
    .map((d) => d.reasons.filter((r) => !CDP_UNNAMED.has(r)).sort().join('+')).filter((r) => r !== '').sort();
  const browser = observation.steps.flatMap((s) => s.blocked.map((b) => b.reasons.join('+'))).sort();
  return model.join(',') === browser.join(',') ? [] : [`reasons: model [${model.join(', ')}], browser [${browser.join(', ')}]`];
}

export function compareCase(c: DiffCase, observation: CaseObservation, opts: CompareOptions): CaseComparison {
  const { jar, decisions, requests } = predictCase(c, observation);
  const differences = observation.steps.filter((s) => s.error).map((s) => `navigation failed: ${s.error}`);
  observation.steps.forEach((s, i) => {
    if (s.requestCookie !== undefined && s.requestCookie !== requests[i]) {
      differences.push(`step ${i} request Cookie: model ${JSON.stringify(requests[i])}, browser ${JSON.stringify(s.requestCookie)}`);
    }
  });
  differences.push(...compareJars(jar, observation.cookies, opts));
  if (opts.compareReasons) differences.push(...compareReasons(decisions, observation));
  return { id: c.id, agree: differences.length === 0, differences, decisions };
}
