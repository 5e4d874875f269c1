// Requests and responses: timeline events, provenance hints, blocked-cookie checks, incremental audit.
import type { RequestRecord, ResponseRecord } from '../platform/types.ts';
import { auditInto, type PipelineContext } from './context.ts';
import type { BlockedCheck } from './blocked-check.ts';
import { readCookieLine } from './cookie-line.ts';
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
  for (const header of r.setCookies) {
    const line = readCookieLine(header, r.time);
    if (host) {
      ctx.provenance.note({ via: 'http', time: r.time, tabId: r.tabId, host, name: line.name, value: line.value,
        deletion: line.deletion, origin: r.url });
    }
    if (!line.deletion) blocked.expect({ tabId: r.tabId, url: r.url, header, name: line.name, value: line.value, time: r.time });
    tab?.push({ kind: 'set-cookie', time: r.time, tabId: r.tabId, url: r.url, method: r.method, status: r.statusCode,
      frameId: r.frameId, header, name: line.name });
  }
  if (!tab) return;
  tab.addHost(r.url);
  const facts = { url: r.url, status: r.statusCode, setCookieHeaders: r.setCookies, hsts: r.hsts, time: r.time };
  auditInto(ctx, tab, () => ctx.analyzer.response(r.tabId, facts));
  ctx.touch(tab);
}
