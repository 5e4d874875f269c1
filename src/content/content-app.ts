// The isolated-world content script: relays hook reports, checks what document.cookie exposes, notices
// logins and shows the in-page badge. Everything it sends is a hint the background validates again.
import {
  BACKGROUND_TO_CONTENT, makeMessage, parseMessage,
  type BackgroundToContent, type ContentToBackground,
} from '../core/protocol/index.ts';
import type { ContentPlatform } from '../platform/types.ts';
import { createBadge, type Badge } from './badge.ts';
import { readableCookieNames, watchPasswordSubmits } from './forms.ts';
import { startRelay } from './relay.ts';

const READABLE_CHECK_MS = 300;

export interface ContentOptions { badgeMode?: ShadowRootMode }

export function startContent(win: Window, doc: Document, platform: ContentPlatform, opts: ContentOptions = {}): void {
  if (!/^https?:$/.test(win.location.protocol)) return;
  const send = <K extends keyof ContentToBackground>(type: K, payload: ContentToBackground[K]) =>
    platform.sendMessage(makeMessage<ContentToBackground, K>(type, payload)).catch(() => undefined); // worker restarting or extension reloaded
  let badge: Badge | null = null;
  const showFindings = (data: unknown) => {
    if (BACKGROUND_TO_CONTENT.findings(data, 'findings') !== null) return;
    const state = data as BackgroundToContent['findings'];
    if (!badge && state.enabled && state.items.length) {
      badge = createBadge(doc, { mode: opts.badgeMode, onDisableSite: () => void send('disableBadge', { site: win.location.hostname }) });
    }
    badge?.update(state);
  };

  let lastNames = '';
  const checkReadable = debounce(win, READABLE_CHECK_MS, () => {
    const names = readableCookieNames(doc);
    const key = names.join('\u0000');
    if (key === lastNames) return;
    lastNames = key;
    if (names.length) void send('readableCookies', { url: win.location.href, names });
  });
  // the hook already batches per microtask: forward at once, since the background holds an unexplained
  // cookie change only so long, and a page navigating away would cancel any timer
  startRelay(win, { forward: (writes) => {
    void send('scriptWrites', { url: win.location.href, writes });
    checkReadable();
  } });
  watchPasswordSubmits(doc, (action) => void send('passwordSubmit', { url: win.location.href, action }));
  platform.onMessage((message) => {
    const parsed = parseMessage<BackgroundToContent>(BACKGROUND_TO_CONTENT, message);
    if (parsed.ok) showFindings(parsed.message.payload);
  });
  void send('hello', { url: win.location.href }).then(showFindings);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', checkReadable, { once: true });
  else checkReadable();
  // subresources and XHR may set cookies after DOMContentLoaded; unchanged name lists are not re-sent
  win.addEventListener('load', checkReadable, { once: true });
}

function debounce(win: Window, ms: number, fn: () => void): () => void {
  let timer: number | null = null;
  return () => {
    if (timer !== null) return;
    timer = win.setTimeout(() => { timer = null; fn(); }, ms);
  };
}
