// The decoding audit rules (weak secrets by HMAC, sensitive data, JWT checks) are too costly for the hot
// path: the analyzer queues them and this runner works the queue off in small slices once capture is
// quiet for a moment, yielding between slices so a traffic burst is never held up behind them.
import type { Analyzer } from './analyzer.ts';
import type { PipelineContext } from './context.ts';

/** quiet time before deferred work starts (longer than the pipeline's batch delay) */
export const DEFERRED_DELAY_MS = 50;
/** cookies decoded per slice; a slice is a few milliseconds */
export const DEFERRED_SLICE = 16;
/** wall-time budget per turn before yielding to the event loop */
export const DEFERRED_BUDGET_MS = 8;

export class DeferredAudit {
  private timer: unknown = null;
  private running: Promise<void> | null = null;

  constructor(private ctx: PipelineContext, private analyzer: Analyzer) {}

  get backlog(): number { return this.analyzer.runDeferred ? this.analyzer.deferredBacklog ?? 0 : 0; }

  /** Something may have been queued: run it after the next quiet moment. */
  schedule(delay = DEFERRED_DELAY_MS): void {
    if (!this.analyzer.runDeferred || this.timer !== null || this.running) return;
    const clock = this.ctx.platform.clock;
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.ctx.track(this.turn());
    }, delay);
  }

  /** Runs everything queued now (tests, debug reads). */
  async runAll(): Promise<void> {
    while (this.backlog > 0) await this.slice();
  }

  private turn(): Promise<void> {
    this.running = (async () => {
      const start = performance.now();
      while (this.backlog > 0 && performance.now() - start < DEFERRED_BUDGET_MS) await this.slice();
    })().finally(() => {
      this.running = null;
      if (this.backlog > 0) this.schedule(0);
    });
    return this.running;
  }

  private async slice(): Promise<void> {
    const found = await this.analyzer.runDeferred!(DEFERRED_SLICE);
    for (const [tabId, findings] of found) {
      const tab = this.ctx.tabs.tabs.get(tabId);
      if (!tab) continue;
      tab.addFindings(findings);
      this.ctx.touch(tab);
    }
  }
}
