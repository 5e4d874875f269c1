// The private channel between the page hook (MAIN world) and the relay (isolated world). The hook creates a
// MessageChannel at document_start, before any page script runs, and hands one end over with a single
// window.postMessage; the relay takes only the first handshake. Page scripts never hold the hook's end,
// so they cannot inject into the stream the relay reads; whatever arrives is still treated as a hint.
export const HOOK_SOURCE = 'sessionscope-hook';
export const HOOK_VERSION = 1;

export interface Handshake { src: typeof HOOK_SOURCE; v: typeof HOOK_VERSION }

export function isHandshake(data: unknown): data is Handshake {
  return typeof data === 'object' && data !== null
    && (data as Handshake).src === HOOK_SOURCE && (data as Handshake).v === HOOK_VERSION;
}

/** One write as the hook reports it. */
export interface HookWrite { api: 'document.cookie' | 'cookieStore.set' | 'cookieStore.delete'; text: string; scriptUrl: string; time: number }

const APIS = new Set(['document.cookie', 'cookieStore.set', 'cookieStore.delete']);
export const MAX_TEXT = 8192;
export const MAX_URL = 4096;

/** Validates one batch from the channel; anything malformed is dropped whole. */
export function readHookBatch(data: unknown, maxItems = 100): HookWrite[] | null {
  if (!Array.isArray(data) || data.length > maxItems) return null;
  for (const w of data as HookWrite[]) {
    if (typeof w !== 'object' || w === null || !APIS.has(w.api) || typeof w.text !== 'string' || w.text.length > MAX_TEXT
      || typeof w.scriptUrl !== 'string' || w.scriptUrl.length > MAX_URL || typeof w.time !== 'number' || !Number.isFinite(w.time)) return null;
  }
  return (data as HookWrite[]).map((w) => ({ api: w.api, text: w.text, scriptUrl: w.scriptUrl, time: w.time }));
}
