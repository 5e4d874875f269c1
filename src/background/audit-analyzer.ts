// The Analyzer over the real audit engine (one incremental auditor per tab, so a tab's findings and
// tracked jar never mix with another's) and the cookie model (blocked reasons).
import { applySetCookie, type StoredCookie } from '../core/cookies/index.ts';
import { createAuditor, type Auditor, type Finding as AuditFinding, type JarCookie } from '../core/audit/index.ts';
import { decodeCookie } from '../core/decode/index.ts';
import type { CookieRecord, Finding } from '../core/protocol/index.ts';
import type { Analyzer } from './analyzer.ts';
import { cacheDecodes } from './decode-cache.ts';

const toJar = (c: CookieRecord): JarCookie => ({
  name: c.name, value: c.value, domain: c.domain, path: c.path, secure: c.secure, httpOnly: c.httpOnly,
  hostOnly: c.hostOnly, partitioned: c.partitionKey !== undefined,
});

function toStored(c: CookieRecord, now: number): StoredCookie {
  const stored: StoredCookie = {
    name: c.name, value: c.value, domain: c.domain, hostOnly: c.hostOnly, path: c.path, secure: c.secure,
    httpOnly: c.httpOnly, sameSite: c.sameSite, partitioned: c.partitionKey !== undefined,
    expiresAt: c.expirationDate !== undefined ? c.expirationDate * 1000 : null, creationTime: now, priority: 'medium',
  };
  if (c.partitionKey?.topLevelSite) {
    stored.partitionKey = { topLevelSite: c.partitionKey.topLevelSite, hasCrossSiteAncestor: c.partitionKey.hasCrossSiteAncestor ?? false };
  }
  return stored;
}

/** Runs queued decoding rules across tabs, at most `max` cookies, and returns what they found per tab. */
async function runDeferred(auditors: Map<number, Auditor>, max: number): Promise<Map<number, Finding[]>> {
  const found = new Map<number, Finding[]>();
  let left = max;
  for (const [tabId, a] of auditors) {
    if (left <= 0) break;
    const backlog = a.decodeBacklog;
    if (backlog === 0) continue;
    const take = Math.min(left, backlog);
    left -= take;
    const added = await a.decodeSome(take);
    if (added.length) found.set(tabId, added);
  }
  return found;
}

export function createAuditAnalyzer(): Analyzer {
  const auditors = new Map<number, Auditor>();
  // one cache for every tab: the same session cookie is usually seen by several tabs
  const decode = cacheDecodes(decodeCookie);
  const auditorFor = (tabId: number): Auditor => {
    let a = auditors.get(tabId);
    if (!a) {
      a = createAuditor({ decode, deferDecoding: true });
      auditors.set(tabId, a);
    }
    return a;
  };
  return {
    // the decoding rules are only queued here: runDeferred runs them in budgeted batches off the hot path
    response: async (tabId, f) => {
      const responseHeaders = f.hsts ? [{ name: 'strict-transport-security', value: 'present' }] : [];
      return auditorFor(tabId).observeResponse({ url: f.url, status: f.status, setCookieHeaders: f.setCookieHeaders,
        responseHeaders, now: f.time / 1000, parsed: f.parsed });
    },
    runDeferred: (max) => runDeferred(auditors, max),
    get deferredBacklog() {
      let n = 0;
      for (const a of auditors.values()) n += a.decodeBacklog;
      return n;
    },
    request: async (tabId, f) => auditorFor(tabId).observeRequest({ url: f.url, method: f.method, cookieHeader: f.cookieHeader }),
    scriptWrite: async (tabId, f) => auditorFor(tabId).observeScriptWrite({ url: f.url, cookie: f.text, api: f.api }),
    scriptRead: async (tabId, f) => auditorFor(tabId).observeScriptRead({ url: f.url, documentCookie: f.documentCookie }),
    login: async (tabId, f) => auditorFor(tabId).observeLogin({ ...f, passwordSubmitted: true }),
    blocked: async (tabId, f) => {
      const jar = f.jar.map(toJar);
      const found = auditorFor(tabId).observeResponse({ url: f.url, setCookieHeaders: [f.header], jarBefore: jar, storedAfter: jar, now: f.time / 1000 });
      return found.filter((x) => x.rule === 'blocked-by-browser');
    },
    blockedReason(url, header, jar, now) {
      const decision = applySetCookie({ url, header, jar: jar.map((c) => toStored(c, now)), now });
      if (decision.action === 'rejected' && decision.reasons.length) return decision.reasons.join(', ');
      return 'not predicted by the cookie model (browser settings, e.g. third-party cookie blocking)';
    },
    forgetTab: (tabId) => { auditors.delete(tabId); },
  };
}
