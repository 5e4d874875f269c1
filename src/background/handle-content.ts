// Reports from the content script. They are hints from a page we do not trust: the tab and page URL come
// from the browser's sender info, never from the message, and times are clamped to "just now".
import type { CookieRecord, ScriptWrite } from '../core/protocol/index.ts';
import { auditInto, type PipelineContext } from './context.ts';
import { readCookieLine } from './cookie-line.ts';
import { hostOf } from './tab-state.ts';

/** How long (ms) a login has to show its effect (redirect, new cookies) before session rotation is judged. */
export const LOGIN_SETTLE_MS = 4000;
const MAX_PAGE_CLOCK_SKEW_MS = 10_000;

export function handleScriptWrites(ctx: PipelineContext, tabId: number, pageUrl: string, writes: ScriptWrite[]): void {
  const tab = ctx.tabs.get(tabId);
  const host = hostOf(pageUrl);
  if (!tab || !host) return;
  tab.addHost(pageUrl);
  const now = ctx.platform.clock.now();
  for (const w of writes) {
    const time = Math.min(now, Math.max(now - MAX_PAGE_CLOCK_SKEW_MS, w.time));
    const line = readCookieLine(w.text, time);
    const deletion = w.api === 'cookieStore.delete' || line.deletion;
    ctx.provenance.note({ via: 'script', time, tabId, host, name: line.name, value: line.value, deletion,
      origin: w.scriptUrl || pageUrl });
    tab.push({ kind: 'script-write', time, tabId, api: w.api, name: line.name, text: w.text, scriptUrl: w.scriptUrl, pageUrl });
    const facts = { url: pageUrl, text: w.text, api: w.api === 'document.cookie' ? 'document.cookie' as const : 'cookieStore' as const };
    auditInto(ctx, tab, () => ctx.analyzer.scriptWrite(tabId, facts));
  }
  ctx.touch(tab);
}

export function handleReadable(ctx: PipelineContext, tabId: number, pageUrl: string, names: string[]): void {
  const tab = ctx.tabs.get(tabId);
  if (!tab || names.length === 0) return;
  const wanted = new Set(names);
  auditInto(ctx, tab, async () => {
    // values come from the store, not the page: the page only tells us which names it could see
    const jar = await ctx.platform.cookies.getAll({ url: pageUrl });
    const visible = jar.filter((c) => wanted.has(c.name) && !c.httpOnly);
    if (visible.length === 0) return [];
    const documentCookie = visible.map((c) => `${c.name}=${c.value}`).join('; ');
    return ctx.analyzer.scriptRead(tabId, { url: pageUrl, documentCookie });
  });
}

export interface LoginReport { tabId: number; url: string; action: string; time: number; before: Promise<CookieRecord[]> }

type Pair = { name: string; value: string };
const pairs = (list: Pair[]): Pair[] => list.map((c) => ({ name: c.name, value: c.value }));
const parseCookieHeader = (h: string): Pair[] => h.split(';').map((p) => p.trim()).filter(Boolean)
  .map((p) => { const eq = p.indexOf('='); return eq < 0 ? { name: '', value: p } : { name: p.slice(0, eq), value: p.slice(eq + 1) }; });

export function handleLogin(ctx: PipelineContext, report: LoginReport): void {
  const { tabId, url: pageUrl, action } = report;
  const tab = ctx.tabs.get(tabId);
  if (!tab) return;
  const target = safeUrl(action) ?? pageUrl;
  const loginEvent = tab.push({ kind: 'login', time: report.time, tabId, pageUrl, action: target });
  ctx.touch(tab);
  ctx.platform.clock.setTimeout(() => {
    auditInto(ctx, tab, async () => {
      const host = hostOf(target);
      // an auth state change: the server (re)set a cookie or the store changed for the login host
      const authChanged = tab.timeline.since(loginEvent.seq).some((e) => host !== null && (
        (e.kind === 'set-cookie' && hostOf(e.url) === host)
        || (e.kind === 'change' && !e.removed && (host === e.cookie.domain || host.endsWith(`.${e.cookie.domain}`)))));
      // best "before": the Cookie header the login POST really carried; else the store at submit time
      const post = tab.recentPosts.find((p) => p.url === target && p.time >= report.time - 1000);
      const before = post ? parseCookieHeader(post.cookieHeader) : pairs(await report.before);
      const after = pairs(await ctx.platform.cookies.getAll({ url: target }));
      return ctx.analyzer.login(tabId, { url: target, before, after, authChanged });
    });
  }, LOGIN_SETTLE_MS);
}

function safeUrl(text: string): string | null {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
