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

export function createBackground(platform: BackgroundPlatform, analyzer: Analyzer): Background {
  const startedAt = platform.clock.now();
  const tabs = new TabRegistry(DEFAULT_SETTINGS.timelineLimit);
  const provenance = new ProvenanceTracker(CORRELATION_WINDOW_MS);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const inflight = new Set<Promise<unknown>>();
  const touched = new Set<TabState>();
  let publishQueued = false;
  const persistence = new Persistence(platform.session, tabs, platform.clock);
  const badges = new BadgeSync(platform, tabs, () => settings);

  const publish = () => {
    publishQueued = false;
    for (const tab of touched) {
      if (tab.findingsChanged) badges.schedule(tab.tabId);
      hub.publish(tab);
      persistence.markDirty(tab.tabId);
    }
    touched.clear();
  };
  const ctx: PipelineContext = {
    platform, analyzer, tabs, provenance,
    touch(tab) {
      touched.add(tab);
      if (!publishQueued) { publishQueued = true; queueMicrotask(publish); }
    },
    track(work) {
      inflight.add(work);
      void work.finally(() => inflight.delete(work));
    },
    noteOwnWrite(name, value, host, deletion) {
      provenance.note({ via: 'extension', time: platform.clock.now(), tabId: -1, host, name, value, deletion, origin: 'sessionscope' });
    },
  };
  const updateSettings = async (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch };
    tabs.setLimit(settings.timelineLimit);
    await saveSettings(platform.local, settings);
    hub.broadcastSettings(settings);
    badges.scheduleAll();
    return settings;
  };
  const closeTab = (tabId: number) => {
    tabs.tabs.delete(tabId);
    analyzer.forgetTab(tabId);
    persistence.markClosed(tabId);
  };
  const blocked = new BlockedCheck(ctx, BLOCKED_WINDOW_MS);
  const changes = new ChangeHandler(ctx, blocked, PROVENANCE_HOLD_MS);
  const pipeline = new Pipeline(ctx, changes, blocked, closeTab);
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const afterReady = <T>(fn: () => Promise<T>) => ready.then(fn);

  const handlePanel = createPanelRequestHandler({
    platform, settings: () => settings, updateSettings, noteOwnWrite: ctx.noteOwnWrite,
    clearTimeline(tabId) {
      const tab = tabs.tabs.get(tabId);
      if (tab) { tab.timeline.clear(); persistence.markCleared(tabId); }
    },
  });
  const hub = new PanelHub(platform, tabs, startedAt, () => settings, (m) => afterReady(() => handlePanel(m)), ready);
  const debugState = (tabId?: number) => afterReady(async () => collectDebugState({ tabs, pipeline, changes, blocked, persistence, hub, settings, startedAt, provenance }, tabId));

  platform.traffic.onRequest((r) => pipeline.push({ k: 'request', r }));
  platform.traffic.onResponse((r) => pipeline.push({ k: 'response', r }));
  platform.cookies.onChanged((c) => pipeline.push({ k: 'change', c }));
  platform.tabs.onRemoved((tabId) => pipeline.push({ k: 'closed', tabId }));
  platform.tabs.onNavigated((tabId, url) => pipeline.push({ k: 'navigation', tabId, url, time: platform.clock.now() }));
  platform.messaging.onConnect((port) => hub.accept(port));
  const onRuntime = createRuntimeHandler({
    platform, ready, enqueue: (raw) => pipeline.push(raw), settings: () => settings, updateSettings, debugState,
    badgeFor: (tabId, url) => badges.badgeFor(tabId, url),
  });
  platform.messaging.onMessage(onRuntime);

  void (async () => {
    try {
      settings = await loadSettings(platform.local);
      tabs.setLimit(settings.timelineLimit);
      await persistence.restore();
    } catch (error) {
      console.warn('sessionscope: could not restore saved state, starting empty', error);
    }
    pipeline.start();
    markReady();
  })();

  return {
    ready, debugState, tabs, persistence,
    async idle() {
      await ready;
      for (let i = 0; i < 10 && (pipeline.pending || inflight.size); i++) {
        pipeline.drain();
        await Promise.allSettled([...inflight]);
      }
    },
  };
}
