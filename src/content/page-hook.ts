// MAIN-world content script (manifest "world": "MAIN", Chrome ≥ 111, Firefox ≥ 128). It records which page
// script writes cookies, through document.cookie or CookieStore, and reports over a private MessageChannel.
// It runs before page scripts, so the originals it captures are the browser's own.
import { HOOK_SOURCE, HOOK_VERSION, MAX_TEXT, type HookWrite } from './channel.ts';
import { topScriptUrl } from './stack-source.ts';

(() => {
  const channel = new MessageChannel();
  const out = channel.port1;
  window.postMessage({ src: HOOK_SOURCE, v: HOOK_VERSION }, '*', [channel.port2]);

  let batch: HookWrite[] = [];
  const flush = () => {
    const b = batch;
    batch = [];
    out.postMessage(b);
  };
  const report = (api: HookWrite['api'], text: string) => {
    if (batch.length >= 100) return; // a page writing this fast gets sampled, not mirrored
    if (batch.length === 0) queueMicrotask(flush);
    batch.push({ api, text: String(text).slice(0, MAX_TEXT), scriptUrl: topScriptUrl(new Error().stack), time: Date.now() });
  };

  const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (desc?.set && desc.get) {
    const { get, set } = desc;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true, enumerable: desc.enumerable,
      get() { return get.call(this); },
      set(value: string) {
        set.call(this, value);
        if (this === document) report('document.cookie', value);
      },
    });
  }

  const store = (globalThis as unknown as { CookieStore?: { prototype: Record<string, unknown> } }).CookieStore?.prototype;
  const wrap = (name: 'set' | 'delete') => {
    const original = store?.[name];
    if (typeof original !== 'function' || !store) return;
    store[name] = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { name?: string; value?: string } | undefined;
      const cookieName = typeof first === 'string' ? first : first?.name ?? '';
      const value = name === 'set' ? (typeof first === 'string' ? args[1] : first?.value) ?? '' : '';
      report(name === 'set' ? 'cookieStore.set' : 'cookieStore.delete', `${cookieName}=${String(value)}`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  wrap('set');
  wrap('delete');
})();
