import type { Browser } from '../browser-api.ts';
import type { Runtime } from 'webextension-polyfill';
import type { MessagingPort, PortLike, Sender } from '../types.ts';

export function toSender(s: Runtime.MessageSender | undefined): Sender | undefined {
  if (!s) return undefined;
  const sender: Sender = {};
  if (s.id !== undefined) sender.id = s.id;
  if (s.url !== undefined) sender.url = s.url;
  const origin = (s as { origin?: string }).origin; // Chrome only; Firefox derives it from url below
  if (origin !== undefined) sender.origin = origin;
  if (s.tab?.id !== undefined) sender.tabId = s.tab.id;
  if (s.tab?.url !== undefined) sender.tabUrl = s.tab.url;
  if (s.frameId !== undefined) sender.frameId = s.frameId;
  return sender;
}

function wrapPort(port: Runtime.Port): PortLike {
  return {
    name: port.name,
    sender: toSender(port.sender),
    postMessage: (m) => port.postMessage(m),
    onMessage: (l) => port.onMessage.addListener((m: unknown) => l(m)),
    onDisconnect: (l) => port.onDisconnect.addListener(() => l()),
    disconnect: () => port.disconnect(),
  };
}

export function createWebextMessaging(browser: Browser): MessagingPort {
  return {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    onMessage(handler) {
      browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender) =>
        handler(message, toSender(sender) ?? {})) as never);
    },
    onConnect(listener) {
      browser.runtime.onConnect.addListener((port) => listener(wrapPort(port)));
    },
    async sendToTab(tabId, message) {
      // top frame only: the badge lives there; a tab without our content script rejects, which is fine
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
    },
  };
}
