// A Set-Cookie header the browser did not store: every non-deleting header waits `windowMs` for a
// matching cookies.onChanged; if none came, the store is asked directly (an identical re-set may not
// fire a change) and only then is the header reported, with the cookie model's reason.
import type { CookieRecord } from '../core/protocol/index.ts';
import { domainMatch } from '../core/cookies/index.ts';
import { auditInto, type PipelineContext } from './context.ts';
import { hostOf } from './tab-state.ts';

export interface ExpectedCookie { tabId: number; url: string; header: string; name: string; value: string; time: number }

const MAX_PENDING = 2000;

export class BlockedCheck {
  private pending: ExpectedCookie[] = [];
  private timer: unknown = null;

  constructor(private ctx: PipelineContext, private windowMs: number) {}

  expect(e: ExpectedCookie): void {
    if (this.pending.length >= MAX_PENDING) this.pending.shift();
    this.pending.push(e);
    this.schedule();
  }

  /** A cookie landed in the store: the headers that set it were not blocked. */
  satisfy(cookie: CookieRecord): void {
    this.pending = this.pending.filter((e) => !matches(e, cookie));
  }

  get size(): number { return this.pending.length; }

  private schedule(): void {
    if (this.timer !== null || this.pending.length === 0) return;
    const clock = this.ctx.platform.clock;
    const wait = Math.max(0, this.pending[0].time + this.windowMs - clock.now());
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.runDue();
      this.schedule();
    }, wait);
  }

  private runDue(): void {
    const now = this.ctx.platform.clock.now();
    const due = this.pending.filter((e) => e.time + this.windowMs <= now);
    this.pending = this.pending.filter((e) => e.time + this.windowMs > now);
    for (const e of due) this.ctx.track(this.verify(e));
  }

  private async verify(e: ExpectedCookie): Promise<void> {
    const { cookies } = this.ctx.platform;
    const same = await cookies.getAll({ name: e.name });
    if (same.some((c) => matches(e, c))) return;
    const jar = await cookies.getAll({ url: e.url });
    const reason = this.ctx.analyzer.blockedReason(e.url, e.header, jar, e.time);
    const tab = this.ctx.tabs.get(e.tabId);
    if (!tab) return;
    tab.push({ kind: 'blocked', time: e.time, tabId: e.tabId, url: e.url, header: e.header, name: e.name, reason });
    this.ctx.touch(tab);
    auditInto(this.ctx, tab, () => this.ctx.analyzer.blocked(e.tabId, { url: e.url, header: e.header, reason, time: e.time, jar }));
  }
}

function matches(e: ExpectedCookie, c: CookieRecord): boolean {
  const host = hostOf(e.url);
  return c.name === e.name && c.value === e.value && host !== null && (host === c.domain || domainMatch(host, c.domain));
}
