// A read-only view of the background for e2e tests and the bench, served only to extension pages
// (runtime message `debugState`) and to code running inside the worker itself.
import type { Finding, Settings, TimelineEvent } from '../core/protocol/index.ts';
import type { BlockedCheck } from './blocked-check.ts';
import type { ChangeHandler } from './handle-changes.ts';
import type { PanelHub } from './panel-hub.ts';
import type { Persistence } from './persistence.ts';
import type { Pipeline } from './pipeline.ts';
import type { ProvenanceTracker } from './provenance.ts';
import type { TabRegistry } from './tab-state.ts';

export interface DebugTab {
  tabId: number; url: string | null; hosts: string[]; size: number; dropped: number; lastSeq: number;
  events: TimelineEvent[]; findings: Finding[];
}

export interface DebugState {
  startedAt: number;
  settings: Settings;
  queue: number; droppedRaw: number; heldChanges: number; pendingBlocked: number; hints: number;
  saves: number; subscribers: number;
  tabs: DebugTab[];
}

interface Parts {
  tabs: TabRegistry; pipeline: Pipeline; changes: ChangeHandler; blocked: BlockedCheck; persistence: Persistence;
  hub: PanelHub; settings: Settings; startedAt: number; provenance: ProvenanceTracker;
}

export function collectDebugState(p: Parts, tabId?: number): DebugState {
  const tabs = [...p.tabs.tabs.values()].filter((t) => tabId === undefined || t.tabId === tabId).map((t) => ({
    tabId: t.tabId, url: t.url, hosts: [...t.hosts], size: t.timeline.size, dropped: t.timeline.dropped,
    lastSeq: t.timeline.lastSeq, events: t.timeline.all(), findings: [...t.findings.values()],
  }));
  return {
    startedAt: p.startedAt, settings: p.settings, queue: p.pipeline.pending, droppedRaw: p.pipeline.droppedRaw,
    heldChanges: p.changes.size, pendingBlocked: p.blocked.size, hints: p.provenance.size, saves: p.persistence.saves,
    subscribers: p.hub.subscriberCount(), tabs,
  };
}
