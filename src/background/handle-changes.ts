// cookies.onChanged: a change some header or script report already explains is filed at once; one that
// nothing explains yet is held (see quirks/firefox-late-webrequest.ts) until its explanation arrives or the
// hold ends. Then it is attributed and filed under every tab that can see the cookie.
import type { CookieRecord } from '../core/protocol/index.ts';
import type { CookieChange } from '../platform/types.ts';
import type { Attribution, Hint } from './provenance.ts';
import { HeldIndex, type Held } from './held-index.ts';
import type { BlockedCheck } from './blocked-check.ts';
import type { PipelineContext } from './context.ts';

/** The cookie's store identity (cookieKeyOf's fields) as a map key; browsers allow no NUL in any of them. */
const overwriteKey = (c: CookieRecord): string =>
  `${c.storeId}\u0000${c.partitionKey?.topLevelSite ?? ''}\u0000${c.domain}\u0000${c.path}\u0000${c.name}`;

export class ChangeHandler {
  /** arrival order, for the hold timeout */
  private held: Held[] = [];
  /** by match key: a new hint only re-checks the changes it could explain (hot path: one name is often held many times) */
  private heldByKey = new HeldIndex();
  private pendingCount = 0;
  private timer: unknown = null;
  /** removals with cause 'overwrite' are half of an update: the add that follows carries the cause */
  private overwritten = new Map<string, number>();

  constructor(private ctx: PipelineContext, private blocked: BlockedCheck, private holdMs: number) {
    ctx.provenance.onNote = (hint) => this.releaseExplained(hint);
  }

  add(change: CookieChange): void {
    // settle pending header checks at once: a blocked verdict must never race the hold
    if (!change.removed) this.blocked.satisfy(change.cookie);
    const needsNoHint = change.cause === 'overwrite' || change.cause === 'expired' || change.cause === 'evicted';
    if (needsNoHint) {
      this.apply(change);
      return;
    }
    const who = this.ctx.provenance.claim(change.cookie, change.removed, change.time);
    if (who) {
      this.apply(change, who);
      return;
    }
    const h: Held = { change, done: false };
    this.held.push(h);
    this.heldByKey.add(h);
    this.pendingCount++;
    this.schedule();
  }

  /** Applies every held change now (tests, shutdown). */
  releaseAll(): void {
    for (const h of this.held) if (!h.done) this.release(h);
  }

  get size(): number { return this.pendingCount; }

  /** A hint can only explain held changes of its own match key (name + value, or name for deletions). */
  private releaseExplained(hint: Hint): void {
    if (this.pendingCount === 0) return; // nothing held: not even the key is worth building
    const list = this.heldByKey.get(hint.name, hint.value, hint.deletion);
    if (!list) return;
    const { provenance } = this.ctx;
    for (const h of list.slice()) if (provenance.explains(h.change.cookie, h.change.removed, h.change.time)) this.release(h);
  }

  private release(h: Held): void {
    h.done = true;
    this.pendingCount--;
    this.heldByKey.remove(h);
    while (this.held.length && this.held[0].done) this.held.shift();
    this.apply(h.change);
  }

  private schedule(): void {
    if (this.timer !== null || this.held.length === 0) return;
    const clock = this.ctx.platform.clock;
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      const cutoff = clock.now() - this.holdMs;
      while (this.held.length && this.held[0].change.time <= cutoff) this.release(this.held[0]);
      this.schedule();
    }, Math.max(0, this.held[0].change.time + this.holdMs - clock.now()));
  }

  /** `explained`: the attribution add() already claimed for this change */
  private apply(change: CookieChange, explained?: Attribution): void {
    const { cookie, removed } = change;
    const key = overwriteKey(cookie);
    if (removed && change.cause === 'overwrite') {
      this.overwritten.set(key, change.time);
      return;
    }
    let cause = change.cause;
    if (!removed && this.overwritten.delete(key)) cause = 'overwrite';
    this.pruneOverwritten(change.time);
    const browserDriven = cause === 'expired' || cause === 'evicted';
    const who: Attribution = browserDriven ? { source: 'unknown', tabId: null } : explained ?? this.ctx.provenance.attribute(cookie, removed, change.time);
    const targets = this.ctx.tabs.interestedIn(cookie.domain, cookie.hostOnly);
    const originTab = who.tabId !== null ? this.ctx.tabs.get(who.tabId) : null;
    if (originTab && !targets.includes(originTab)) targets.push(originTab);
    for (const tab of targets) {
      const { source, origin } = who;
      tab.push(origin ? { kind: 'change', time: change.time, tabId: tab.tabId, cookie, removed, cause, source, origin }
        : { kind: 'change', time: change.time, tabId: tab.tabId, cookie, removed, cause, source });
      this.ctx.touch(tab);
    }
  }

  private pruneOverwritten(now: number): void {
    if (this.overwritten.size < 100) return;
    for (const [k, t] of this.overwritten) if (now - t > 10_000) this.overwritten.delete(k);
  }
}
