// Requests and responses: timeline events, provenance hints, blocked-cookie checks, incremental audit.
import type { RequestRecord, ResponseRecord } from '../platform/types.ts';
import { auditInto, type PipelineContext } from './context.ts';
import type { BlockedCheck } from './blocked-check.ts';
import { parseSetCookie } from '../core/cookies/index.ts';
import { deletesCookie } from './cookie-line.ts';
import { hostOf } from './tab-state.ts';

export function handleRequest(ctx: PipelineContext, r: RequestRecord): void {
  const tab = ctx.tabs.get(r.tabId);
  if (!tab || r.cookieHeader === null) return;
  tab.addHost(r.url);
  if (r.method === 'POST') {
    tab.recentPosts.push({ url: r.url, time: r.time, cookieHeader: r.cookieHeader });
    if (tab.recentPosts.length > 10) tab.recentPosts.shift();
  }
  const cookieNames = r.cookieHeader.split(';').map((p) => p.split('=')[0].trim()).filter((n) => n !== '');
  tab.push({ kind: 'request', time: r.time, tabId: r.tabId, url: r.url, method: r.method, frameId: r.frameId,
    type: r.type, cookieNames, headerBytes: r.cookieHeader.length });
  const facts = { url: r.url, method: r.method, cookieHeader: r.cookieHeader };
  auditInto(ctx, tab, () => ctx.analyzer.request(r.tabId, facts));
  ctx.touch(tab);
}

export function handleResponse(ctx: PipelineContext, blocked: BlockedCheck, r: ResponseRecord): void {
  const host = hostOf(r.url);
  const tab = ctx.tabs.get(r.tabId);
  if (tab && r.type === 'main_frame') tab.url = r.url;
  // one parse per header, shared by the timeline, provenance, the blocked check, the cookie model and the audit
  const parsed = r.setCookies.map((header) => parseSetCookie(header));
  for (let i = 0; i < parsed.length; i++) {
    const header = r.setCookies[i];
    const { name, value } = parsed[i];
    const deletion = deletesCookie(parsed[i], r.time);
    if (host) ctx.provenance.note({ via: 'http', time: r.time, tabId: r.tabId, host, name, value, deletion, origin: r.url });
    if (!deletion) blocked.expect({ tabId: r.tabId, url: r.url, header, name, value, time: r.time }, host);
    tab?.push({ kind: 'set-cookie', time: r.time, tabId: r.tabId, url: r.url, method: r.method, status: r.statusCode,
      frameId: r.frameId, header, name });
  }
  if (!tab) return;
  tab.addHostName(host);
  const facts = { url: r.url, status: r.statusCode, setCookieHeaders: r.setCookies, hsts: r.hsts, time: r.time, parsed };
  auditInto(ctx, tab, () => ctx.analyzer.response(r.tabId, facts));
  ctx.touch(tab);
}
