// Wires platform → pipeline → tabs → panels/badge/persistence. Every listener is registered synchronously
// in createBackground: MV3 only wakes a stopped worker for listeners added in the first turn of its script.
import { DEFAULT_SETTINGS, type Settings } from '../core/protocol/index.ts';
import type { BackgroundPlatform } from '../platform/types.ts';
import { CORRELATION_WINDOW_MS, PROVENANCE_HOLD_MS } from '../platform/quirks/firefox-late-webrequest.ts';
import type { Analyzer } from './analyzer.ts';
import { BadgeSync } from './badge-sync.ts';
import { BlockedCheck } from './blocked-check.ts';
import type { PipelineContext } from './context.ts';
import { collectDebugState, type DebugState } from './debug-state.ts';
import { DeferredAudit } from './deferred-audit.ts';
import { ChangeHandler } from './handle-changes.ts';
import { PanelHub } from './panel-hub.ts';
import { createPanelRequestHandler } from './panel-requests.ts';
import { Persistence } from './persistence.ts';
import { Pipeline } from './pipeline.ts';
import { ProvenanceTracker } from './provenance.ts';
import { createRuntimeHandler } from './runtime-messages.ts';
import { loadSettings, saveSettings } from './settings-store.ts';
import { TabRegistry, type TabState } from './tab-state.ts';

/** How long a Set-Cookie waits for its cookie to appear in the store before it counts as blocked. */
export const BLOCKED_WINDOW_MS = 1500;

export interface Background {
  ready: Promise<void>;
  debugState(tabId?: number): Promise<DebugState>;
  /** drains the queue and waits for follow-up work (tests) */
  idle(): Promise<void>;
  tabs: TabRegistry;
  persistence: Persistence;
}

/** The mutable core every part shares. */
interface Core {
  platform: BackgroundPlatform;
  tabs: TabRegistry;
  settings: Settings;
  startedAt: number;
  inflight: Set<Promise<unknown>>;
  persistence: Persistence;
  badges: BadgeSync;
  hub?: PanelHub;
  deferred?: DeferredAudit;
}

/** Batches "this tab changed" into one publish per microtask: panels, badge, persistence. */
function createToucher(core: Core): (tab: TabState) => void {
  const touched = new Set<TabState>();
  let queued = false;
  const publish = () => {
    queued = false;
    for (const tab of touched) {
      if (tab.findingsChanged) core.badges.schedule(tab.tabId);
      core.hub?.publish(tab);
      core.persistence.markDirty(tab.tabId);
    }
    touched.clear();
  };
  return (tab) => {
    touched.add(tab);
    if (!queued) { queued = true; queueMicrotask(publish); }
  };
}

function createContext(core: Core, analyzer: Analyzer): PipelineContext {
  const provenance = new ProvenanceTracker(CORRELATION_WINDOW_MS);
  const { platform } = core;
  const ctx: PipelineContext = {
    platform, analyzer, tabs: core.tabs, provenance,
    scheduleDeferred: () => core.deferred?.schedule(),
    touch: createToucher(core),
    track(work) {
      core.inflight.add(work);
      void work.finally(() => core.inflight.delete(work));
    },
    noteOwnWrite(name, value, host, deletion) {
      provenance.note({ via: 'extension', time: platform.clock.now(), tabId: -1, host, name, value, deletion, origin: 'sessionscope' });
    },
  };
  core.deferred = new DeferredAudit(ctx, analyzer);
  return ctx;
}

function createSettingsUpdater(core: Core) {
  return async (patch: Partial<Settings>): Promise<Settings> => {
    core.settings = { ...core.settings, ...patch };
    core.tabs.setLimit(core.settings.timelineLimit);
    await saveSettings(core.platform.local, core.settings);
    core.hub?.broadcastSettings(core.settings);
    core.badges.scheduleAll();
    return core.settings;
  };
}

function registerListeners(platform: BackgroundPlatform, pipeline: Pipeline, hub: PanelHub, onRuntime: ReturnType<typeof createRuntimeHandler>): void {
  platform.traffic.onRequest((r) => pipeline.push({ k: 'request', r }));
  platform.traffic.onResponse((r) => pipeline.push({ k: 'response', r }));
  platform.cookies.onChanged((c) => pipeline.push({ k: 'change', c }));
  platform.tabs.onRemoved((tabId) => pipeline.push({ k: 'closed', tabId }));
  platform.tabs.onNavigated((tabId, url) => pipeline.push({ k: 'navigation', tabId, url, time: platform.clock.now() }));
  platform.messaging.onConnect((port) => hub.accept(port));
  platform.messaging.onMessage(onRuntime);
}

/** Settings and persisted tabs come back before the pipeline processes anything queued meanwhile. */
async function restore(core: Core, pipeline: Pipeline): Promise<void> {
  try {
    core.settings = await loadSettings(core.platform.local);
    core.tabs.setLimit(core.settings.timelineLimit);
    await core.persistence.restore();
  } catch (error) {
    console.warn('sessionscope: could not restore saved state, starting empty', error);
  }
  pipeline.start();
}

export function createBackground(platform: BackgroundPlatform, analyzer: Analyzer): Background {
  const tabs = new TabRegistry(DEFAULT_SETTINGS.timelineLimit);
  const core: Core = {
    platform, tabs, settings: { ...DEFAULT_SETTINGS }, startedAt: platform.clock.now(), inflight: new Set(),
    persistence: new Persistence(platform.session, tabs, platform.clock),
    badges: new BadgeSync(platform, tabs, () => core.settings),
  };
  const ctx = createContext(core, analyzer);
  const blocked = new BlockedCheck(ctx, BLOCKED_WINDOW_MS);
  const changes = new ChangeHandler(ctx, blocked, PROVENANCE_HOLD_MS);
  const pipeline = new Pipeline(ctx, changes, blocked, (tabId) => {
    tabs.tabs.delete(tabId);
    analyzer.forgetTab(tabId);
    core.persistence.markClosed(tabId);
  });
  const ready = restore(core, pipeline);
  const updateSettings = createSettingsUpdater(core);
  const settings = () => core.settings;
  const handlePanel = createPanelRequestHandler({
    platform, settings, updateSettings, noteOwnWrite: ctx.noteOwnWrite,
    clearTimeline(tabId) {
      const tab = tabs.tabs.get(tabId);
      if (tab) { tab.timeline.clear(); core.persistence.markCleared(tabId); }
    },
  });
  const hub = core.hub = new PanelHub(platform, tabs, core.startedAt, settings, handlePanel, ready);
  const debugState = async (tabId?: number) => {
    await ready;
    return collectDebugState({ ...core, pipeline, changes, blocked, hub, provenance: ctx.provenance }, tabId);
  };
  registerListeners(platform, pipeline, hub, createRuntimeHandler({
    platform, ready, enqueue: (raw) => pipeline.push(raw), settings, updateSettings, debugState,
    badgeFor: (tabId, url) => core.badges.badgeFor(tabId, url),
  }));
  return { ready, debugState, tabs, persistence: core.persistence, idle: () => waitIdle(ready, pipeline, core.inflight, core.deferred!) };
}

async function waitIdle(ready: Promise<void>, pipeline: Pipeline, inflight: Set<Promise<unknown>>, deferred: DeferredAudit): Promise<void> {
  await ready;
  for (let i = 0; i < 10 && (pipeline.pending || inflight.size || deferred.backlog); i++) {
    pipeline.drain();
    await Promise.allSettled([...inflight]);
    await deferred.runAll();
  }
}
