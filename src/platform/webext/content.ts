// The content script's adapter. It deliberately avoids webextension-polyfill: this file runs in every
// page, and both browsers' MV3 runtime.sendMessage already return promises.
import type { ContentPlatform } from '../types.ts';

interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: (message: unknown) => void): void };
}

export function createContentPlatform(): ContentPlatform {
  const ns = (globalThis as { browser?: { runtime: RuntimeLike }; chrome?: { runtime: RuntimeLike } });
  const runtime = (ns.browser ?? ns.chrome)?.runtime;
  if (!runtime) throw new Error('sessionscope content script: no extension runtime in this context');
  return {
    sendMessage: (message) => runtime.sendMessage(message),
    onMessage: (listener) => runtime.onMessage.addListener((message) => { listener(message); }),
  };
}
