import type { Analyzer } from './analyzer.ts';
import type { BackgroundPlatform } from '../platform/types.ts';
import type { ProvenanceTracker } from './provenance.ts';
import type { TabRegistry, TabState } from './tab-state.ts';
import type { Finding } from '../core/protocol/index.ts';

/** What the capture handlers share. */
export interface PipelineContext {
  platform: BackgroundPlatform;
  analyzer: Analyzer;
  tabs: TabRegistry;
  provenance: ProvenanceTracker;
  /** a tab's timeline or findings changed: publish to panels/badge and persist (batched) */
  touch(tab: TabState): void;
  /** async follow-up work (audits, store queries); tracked so tests and debug reads can await quiet */
  track(work: Promise<unknown>): void;
  /** cookie writes the extension itself makes (panel edits) */
  noteOwnWrite(name: string, value: string, host: string, deletion: boolean): void;
  /** an audit may have queued deferred (decoding) work: run it once capture is quiet */
  scheduleDeferred(): void;
}

/** Runs an analyzer call and files its findings under the tab. */
export function auditInto(ctx: PipelineContext, tab: TabState, work: () => Promise<Finding[]>): void {
  // one reaction for both outcomes (a .then().catch() chain is a second promise per audited response)
  ctx.track(work().then((findings) => {
    try {
      ctx.scheduleDeferred();
      if (findings.length === 0) return;
      tab.addFindings(findings);
      ctx.touch(tab);
    } catch (error) {
      auditFailed(error);
    }
  }, auditFailed));
}

/** An audit bug must never stop capture: keep going, say so once per failure in the worker console. */
function auditFailed(error: unknown): void {
  console.warn('sessionscope: audit failed', error);
}
