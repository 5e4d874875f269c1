import { browser } from '../platform/browser-api.ts';
import { PROTOCOL_VERSION } from '../core/protocol/index.ts';

const startedAt = Date.now();

browser.runtime.onConnect.addListener((port) => {
  port.postMessage({ v: PROTOCOL_VERSION, type: 'welcome', payload: { tabId: -1, startedAt } });
});

// e2e tests wait for this flag: the worker's registration resolves before the module body has run.
(globalThis as Record<string, unknown>).__sessionscopeReady = true;
