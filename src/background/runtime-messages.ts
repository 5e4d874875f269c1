// runtime.sendMessage traffic: content scripts (untrusted hints, from tabs only) and extension pages
// (debug reads for e2e and bench). Identity comes from the browser's sender record, never the payload.
import {
  CONTENT_TO_BACKGROUND, DEBUG_TO_BACKGROUND, parseMessage,
  type BackgroundToContent, type ContentToBackground, type DebugToBackground, type Settings,
} from '../core/protocol/index.ts';
import type { BackgroundPlatform, Sender } from '../platform/types.ts';
import { isExtensionPage } from './panel-hub.ts';
import type { RawRecord } from './pipeline.ts';
import { RateLimiter } from './rate-limit.ts';
import { hostOf } from './tab-state.ts';

export interface RuntimeDeps {
  platform: BackgroundPlatform;
  /** resolves once persisted state is restored */
  ready: Promise<void>;
  enqueue(raw: RawRecord): void;
  badgeFor(tabId: number, pageUrl: string): BackgroundToContent['findings'];
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  debugState(tabId?: number): Promise<unknown>;
}

type Handler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

export function createRuntimeHandler(deps: RuntimeDeps): Handler {
  const { runtimeId, extensionOrigin } = deps.platform.messaging;
  const limiter = new RateLimiter(60, 20, () => deps.platform.clock.now());
  return (message, sender) => {
    if (sender.id !== runtimeId) return undefined;
    if (isExtensionPage(sender, runtimeId, extensionOrigin)) {
      const parsed = parseMessage<DebugToBackground>(DEBUG_TO_BACKGROUND, message);
      return parsed.ok ? deps.debugState(parsed.message.payload.tabId) : undefined;
    }
    const tabId = sender.tabId;
    const pageUrl = sender.url;
    if (tabId === undefined || sender.frameId !== 0 || !pageUrl || !/^https?:/.test(pageUrl)) return undefined;
    const parsed = parseMessage<ContentToBackground>(CONTENT_TO_BACKGROUND, message);
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    if (!limiter.take(tabId)) return Promise.resolve({ ok: false, error: 'rate limited' });
    return handleContent(deps, parsed.message, tabId, pageUrl);
  };
}

async function handleContent(
  deps: RuntimeDeps, msg: { type: keyof ContentToBackground; payload: unknown }, tabId: number, pageUrl: string,
): Promise<unknown> {
  await deps.ready;
  switch (msg.type) {
    case 'hello':
      deps.enqueue({ k: 'navigation', tabId, url: pageUrl, time: deps.platform.clock.now() });
      return deps.badgeFor(tabId, pageUrl);
    case 'scriptWrites':
      deps.enqueue({ k: 'writes', tabId, url: pageUrl, writes: (msg.payload as ContentToBackground['scriptWrites']).writes });
      return { ok: true };
    case 'readableCookies':
      deps.enqueue({ k: 'readable', tabId, url: pageUrl, names: (msg.payload as ContentToBackground['readableCookies']).names });
      return { ok: true };
    case 'passwordSubmit': {
      const action = (msg.payload as ContentToBackground['passwordSubmit']).action;
      // snapshot the store now, not when the batch runs: a loopback login response can beat the batch
      const before = deps.platform.cookies.getAll({ url: /^https?:/.test(action) ? action : pageUrl });
      deps.enqueue({ k: 'login', tabId, url: pageUrl, action, time: deps.platform.clock.now(), before });
      return { ok: true };
    }
    case 'disableBadge': {
      // a page may only switch the badge off for itself
      const site = hostOf(pageUrl);
      if (!site || (msg.payload as ContentToBackground['disableBadge']).site !== site) return { ok: false, error: 'site mismatch' };
      const sites = deps.settings().badgeDisabledSites;
      if (!sites.includes(site)) await deps.updateSettings({ badgeDisabledSites: [...sites, site] });
      return { ok: true };
    }
  }
}
