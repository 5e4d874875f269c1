// A Set-Cookie header the browser did not store: every non-deleting header waits `windowMs` for a
// matching cookies.onChanged; if none came, the store is asked directly (an identical re-set may not
// fire a change) and only then is the header reported, with the cookie model's reason.
import type { CookieRecord } from '../core/protocol/index.ts';
import { domainMatch } from '../core/cookies/index.ts';
import { auditInto, type PipelineContext } from './context.ts';
import { hostOf } from './tab-state.ts';

export interface ExpectedCookie { tabId: number; url: string; header: string; name: string; value: string; time: number }

const MAX_PENDING = 2000;

/** `host` of the response URL, read once: satisfy() compares it for every candidate on every store change */
interface Pending extends ExpectedCookie { done: boolean; host: string | null }

export class BlockedCheck {
  /** arrival order, for the due check */
  private queue: Pending[] = [];
  /** by cookie name, for satisfy() on every store change (hot path) */
  private byName = new Map<string, Pending[]>();
  private timer: unknown = null;

  constructor(private ctx: PipelineContext, private windowMs: number) {}

  /** `host`: hostOf(e.url) when the caller has it already */
  expect(e: ExpectedCookie, host: string | null = hostOf(e.url)): void {
    if (this.queue.length >= MAX_PENDING) this.take(this.queue[0]);
    // built field by field: an object spread per header was a measurable share of the hot path
    const p: Pending = { tabId: e.tabId, url: e.url, header: e.header, name: e.name, value: e.value, time: e.time, done: false, host };
    this.queue.push(p);
    const list = this.byName.get(e.name);
    if (list) list.push(p); else this.byName.set(e.name, [p]);
    this.schedule();
  }

  /** A cookie landed in the store: the headers that set it were not blocked. */
  satisfy(cookie: CookieRecord): void {
    const list = this.byName.get(cookie.name);
    if (!list) return;
    // no copy of the list per store change unless something matches (take() splices it)
    let matched: Pending[] | null = null;
    for (const x of list) if (matchesHost(x, x.host, cookie)) (matched ??= []).push(x);
    if (matched) for (const p of matched) this.take(p);
  }

  get size(): number { return this.queue.length; }

  private take(p: Pending): void {
    p.done = true;
    const list = this.byName.get(p.name);
    if (list) {
      list.splice(list.indexOf(p), 1);
      if (list.length === 0) this.byName.delete(p.name);
    }
    while (this.queue.length && this.queue[0].done) this.queue.shift();
  }

  private schedule(): void {
    if (this.timer !== null || this.queue.length === 0) return;
    const clock = this.ctx.platform.clock;
    const wait = Math.max(0, this.queue[0].time + this.windowMs - clock.now());
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.runDue();
      this.schedule();
    }, wait);
  }

  private runDue(): void {
    const now = this.ctx.platform.clock.now();
    while (this.queue.length && this.queue[0].time + this.windowMs <= now) {
      const p = this.queue[0];
      this.take(p);
      this.ctx.track(this.verify(p));
    }
  }

  private async verify(e: ExpectedCookie): Promise<void> {
    const { cookies } = this.ctx.platform;
    const same = await cookies.getAll({ name: e.name });
    const host = hostOf(e.url);
    if (same.some((c) => matchesHost(e, host, c))) return;
    const jar = await cookies.getAll({ url: e.url });
    const reason = this.ctx.analyzer.blockedReason(e.url, e.header, jar, e.time);
    const tab = this.ctx.tabs.get(e.tabId);
    if (!tab) return;
    tab.push({ kind: 'blocked', time: e.time, tabId: e.tabId, url: e.url, header: e.header, name: e.name, reason });
    this.ctx.touch(tab);
    auditInto(this.ctx, tab, () => this.ctx.analyzer.blocked(e.tabId, { url: e.url, header: e.header, reason, time: e.time, jar }));
  }
}

function matchesHost(e: ExpectedCookie, host: string | null, c: CookieRecord): boolean {
  return c.name === e.name && c.value === e.value && host !== null && (host === c.domain || domainMatch(host, c.domain));
}
