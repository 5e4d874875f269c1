// The hot path ends here: listeners only enqueue raw records; a timer drains the queue in batches, and
// whatever a batch changed is published once (panels, badge, persistence) on the next microtask.
import type { CookieChange, RequestRecord, ResponseRecord } from '../platform/types.ts';
import type { CookieRecord, ScriptWrite } from '../core/protocol/index.ts';
import type { PipelineContext } from './context.ts';
import type { BlockedCheck } from './blocked-check.ts';
import type { ChangeHandler } from './handle-changes.ts';
import { handleRequest, handleResponse } from './handle-traffic.ts';
import { handleLogin, handleReadable, handleScriptWrites } from './handle-content.ts';

export type RawRecord =
  | { k: 'request'; r: RequestRecord }
  | { k: 'response'; r: ResponseRecord }
  | { k: 'change'; c: CookieChange }
  | { k: 'writes'; tabId: number; url: string; writes: ScriptWrite[] }
  | { k: 'readable'; tabId: number; url: string; names: string[] }
  | { k: 'login'; tabId: number; url: string; action: string; time: number; before: Promise<CookieRecord[]> }
  | { k: 'navigation'; tabId: number; url: string; time: number }
  | { k: 'closed'; tabId: number };

export const BATCH_DELAY_MS = 20;
/** Beyond this many unprocessed records the oldest are dropped (and counted) rather than grow without bound. */
export const MAX_QUEUE = 50_000;

export class Pipeline {
  private queue: RawRecord[] = [];
  private timer: unknown = null;
  private started = false;
  droppedRaw = 0;

  constructor(
    private ctx: PipelineContext,
    private changes: ChangeHandler,
    private blocked: BlockedCheck,
    private onClosed: (tabId: number) => void,
  ) {}

  push(raw: RawRecord): void {
    if (this.queue.length >= MAX_QUEUE) {
      this.queue.shift();
      this.droppedRaw++;
    }
    this.queue.push(raw);
    this.schedule();
  }

  /** Records queue up until the persisted state is restored; then they are processed in order. */
  start(): void {
    this.started = true;
    this.schedule();
  }

  get pending(): number { return this.queue.length; }

  /** Processes everything queued now. */
  drain(): void {
    if (!this.started) return;
    if (this.timer !== null) this.ctx.platform.clock.clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    for (const raw of batch) this.process(raw);
  }

  private schedule(): void {
    if (!this.started || this.timer !== null || this.queue.length === 0) return;
    this.timer = this.ctx.platform.clock.setTimeout(() => {
      this.timer = null;
      this.drain();
    }, BATCH_DELAY_MS);
  }

  private process(raw: RawRecord): void {
    try {
      this.dispatch(raw);
    } catch (error) {
      console.warn('sessionscope: could not process a captured record', raw.k, error);
    }
  }

  private dispatch(raw: RawRecord): void {
    switch (raw.k) {
      case 'request': return handleRequest(this.ctx, raw.r);
      case 'response': return handleResponse(this.ctx, this.blocked, raw.r);
      case 'change': return this.changes.add(raw.c);
      case 'writes': return handleScriptWrites(this.ctx, raw.tabId, raw.url, raw.writes);
      case 'readable': return handleReadable(this.ctx, raw.tabId, raw.url, raw.names);
      case 'login': return handleLogin(this.ctx, raw);
      case 'navigation': return this.navigate(raw.tabId, raw.url, raw.time);
      case 'closed': return this.onClosed(raw.tabId);
    }
  }

  private navigate(tabId: number, url: string, time: number): void {
    const tab = this.ctx.tabs.get(tabId);
    if (!tab || tab.url === url || !/^https?:/.test(url)) return;
    tab.url = url;
    tab.addHost(url);
    tab.push({ kind: 'navigation', time, tabId, url });
    this.ctx.touch(tab);
  }
}
