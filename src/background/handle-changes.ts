// cookies.onChanged: a change some header or script report already explains is filed at once; one that
// nothing explains yet is held (see quirks/firefox-late-webrequest.ts) until its explanation arrives or the
// hold ends. Then it is attributed and filed under every tab that can see the cookie.
import { cookieKeyOf, cookieKeyString } from '../core/protocol/index.ts';
import type { CookieChange } from '../platform/types.ts';
import type { BlockedCheck } from './blocked-check.ts';
import type { PipelineContext } from './context.ts';
import type { TabState } from './tab-state.ts';

export class ChangeHandler {
  private held: CookieChange[] = [];
  private timer: unknown = null;
  /** removals with cause 'overwrite' are half of an update: the add that follows carries the cause */
  private overwritten = new Map<string, number>();

  constructor(private ctx: PipelineContext, private blocked: BlockedCheck, private holdMs: number) {
    ctx.provenance.onNote = () => this.releaseExplained();
  }

  add(change: CookieChange): void {
    // settle pending header checks at once: a blocked verdict must never race the hold
    if (!change.removed) this.blocked.satisfy(change.cookie);
    const needsNoHint = change.cause === 'overwrite' || change.cause === 'expired' || change.cause === 'evicted';
    if (needsNoHint || this.ctx.provenance.explains(change.cookie, change.removed, change.time)) {
      this.apply(change);
      return;
    }
    this.held.push(change);
    this.schedule();
  }

  /** Applies every held change now (tests, shutdown). */
  releaseAll(): void {
    const all = this.held;
    this.held = [];
    for (const c of all) this.apply(c);
  }

  get size(): number { return this.held.length; }

  private releaseExplained(): void {
    if (this.held.length === 0) return;
    const { provenance } = this.ctx;
    const ready = this.held.filter((c) => provenance.explains(c.cookie, c.removed, c.time));
    if (ready.length === 0) return;
    this.held = this.held.filter((c) => !ready.includes(c));
    for (const c of ready) this.apply(c);
  }

  private schedule(): void {
    if (this.timer !== null || this.held.length === 0) return;
    const clock = this.ctx.platform.clock;
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      const cutoff = clock.now() - this.holdMs;
      const due = this.held.filter((c) => c.time <= cutoff);
      this.held = this.held.filter((c) => c.time > cutoff);
      for (const c of due) this.apply(c);
      this.schedule();
    }, Math.max(0, this.held[0].time + this.holdMs - clock.now()));
  }

  private apply(change: CookieChange): void {
    const { cookie, removed } = change;
    const key = cookieKeyString(cookieKeyOf(cookie));
    if (removed && change.cause === 'overwrite') {
      this.overwritten.set(key, change.time);
      return;
    }
    let cause = change.cause;
    if (!removed && this.overwritten.delete(key)) cause = 'overwrite';
    this.pruneOverwritten(change.time);
    const browserDriven = cause === 'expired' || cause === 'evicted';
    const who = browserDriven ? { source: 'unknown' as const, tabId: null } : this.ctx.provenance.attribute(cookie, removed, change.time);
    const targets = new Set<TabState>(this.ctx.tabs.interestedIn(cookie.domain, cookie.hostOnly));
    const origin = who.tabId !== null ? this.ctx.tabs.get(who.tabId) : null;
    if (origin) targets.add(origin);
    for (const tab of targets) {
      const event = { kind: 'change' as const, time: change.time, tabId: tab.tabId, cookie, removed, cause, source: who.source };
      tab.push(who.origin ? { ...event, origin: who.origin } : event);
      this.ctx.touch(tab);
    }
  }

  private pruneOverwritten(now: number): void {
    if (this.overwritten.size < 100) return;
    for (const [k, t] of this.overwritten) if (now - t > 10_000) this.overwritten.delete(k);
  }
}
