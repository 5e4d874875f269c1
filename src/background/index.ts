// Background entry (Chrome MV3 service worker, Firefox background script): real browser + real audit engine.
import { createWebextPlatform } from '../platform/webext/index.ts';
import { createAuditAnalyzer } from './audit-analyzer.ts';
import { createBackground } from './app.ts';

const background = createBackground(createWebextPlatform(), createAuditAnalyzer());

// Read access for code running inside the worker itself (e2e `worker.evaluate`, bench over CDP). Pages
// and content scripts live in other realms and cannot reach this global.
(globalThis as Record<string, unknown>).__sessionscopeDebug = {
  state: (tabId?: number) => background.debugState(tabId),
  idle: () => background.idle(),
  flush: () => background.persistence.flush(),
};

// e2e tests wait for this flag: the worker's registration resolves before the module body has run.
(globalThis as Record<string, unknown>).__sessionscopeReady = true;
