// Renders the real panel over the memory transport with the fake background: the same wiring
// as `?mock=1`, so component tests exercise store, selectors and components together.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { decodeCookie } from '../core/decode/index.ts';
import type { TabSnapshot } from '../core/protocol/index.ts';
import { App } from './components/app.tsx';
import { StoreContext } from './hooks.ts';
import type { CompanionClient } from './lib/companion-client.ts';
import { resignValue } from './lib/resign.ts';
import { attachFakeBackground } from './mock/fake-background.ts';
import { createPanelStore } from './store/create-panel-store.ts';
import { createMemoryTransport } from './transport/memory-transport.ts';

export interface Mounted {
  root: HTMLElement;
  store: ReturnType<typeof createPanelStore>;
  fake: ReturnType<typeof attachFakeBackground>;
  unmount(): void;
}

export async function mountPanel(snapshot: TabSnapshot, opts: { nowMs: number; companion?: (url: string) => CompanionClient }): Promise<Mounted> {
  const { transport, background } = createMemoryTransport();
  const fake = attachFakeBackground(background, snapshot);
  const store = createPanelStore({
    transport, tabId: snapshot.tabId, decode: decodeCookie, resign: resignValue, now: () => opts.nowMs,
    companion: opts.companion, autoCompanion: opts.companion !== undefined,
  });
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => { render(<StoreContext.Provider value={store}><App /></StoreContext.Provider>, root); store.actions.start(); });
  await settle();
  return { root, store, fake, unmount() { render(null, root); root.remove(); store.actions.stop(); } };
}

/** Lets async work (decoding runs WebCrypto) finish and Preact flush, without fixed sleeps. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

export async function until(check: () => boolean, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await settle(1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const $all = (root: ParentNode, sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
export const testIds = (root: ParentNode, id: string) => $all(root, `[data-testid="${id}"]`);

export async function click(el: Element | undefined | null): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => { (el as HTMLElement).click(); });
}

export async function type(el: Element | undefined | null, value: string): Promise<void> {
  if (!el) throw new Error('no input to type into');
  await act(() => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function check(el: Element | undefined | null, on = true): Promise<void> {
  if (!el) throw new Error('no checkbox');
  await act(() => {
    (el as HTMLInputElement).checked = on;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
