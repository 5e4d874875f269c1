// Keeps server correlation current without the components asking: find the companion after the first
// snapshot (it carries the page URL, a fallback companion address) and again when the tab moves while
// none was found; refresh records after cookie or timeline bursts, debounced.
import type { StoreApi } from 'zustand/vanilla';
import type { PanelState } from './initial-state.ts';

/** Cookie and timeline bursts (a page load) trigger one server refresh, not dozens. */
const SERVER_REFRESH_DEBOUNCE_MS = 300;

export function watchServer(store: StoreApi<PanelState>, server: { connectCompanion(): Promise<void>; refreshServer(force?: boolean): Promise<void> },
  autoCompanion: boolean): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let tried = false;
  const stop = store.subscribe((next, prev) => {
    if (autoCompanion && next.page.startedAt !== null) {
      const retry = tried && next.page.url !== prev.page.url && next.server.status !== 'online';
      if (!tried || retry) {
        tried = true;
        void server.connectCompanion();
      }
    }
    if (next.server.status !== 'online') return;
    if (next.cookies.list === prev.cookies.list && next.timeline.raw === prev.timeline.raw) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; void server.refreshServer(false); }, SERVER_REFRESH_DEBOUNCE_MS);
  });
  return () => { stop(); if (timer) clearTimeout(timer); };
}
