// Panel entry: picks the transport (extension port or in-memory demo), the theme, and renders.
import { render } from 'preact';
import { decodeCookie } from '../core/decode/index.ts';
import { App } from './components/app.tsx';
import { StoreContext } from './hooks.ts';
import { readBootOptions } from './lib/boot-options.ts';
import { resolveTheme, applyTheme } from './lib/theme.ts';
import { resignValue } from './lib/resign.ts';
import { createPanelStore } from './store/create-panel-store.ts';
import type { Transport } from './transport/transport.ts';
import './styles.css';

interface DevtoolsInfo { tabId: number | null; theme: string | null }

async function readDevtools(): Promise<DevtoolsInfo> {
  // outside DevTools (a plain tab, the standalone window) the devtools namespace is absent
  const g = globalThis as { chrome?: { devtools?: { inspectedWindow?: { tabId?: number }; panels?: { themeName?: string } } } };
  const devtools = g.chrome?.devtools;
  return { tabId: typeof devtools?.inspectedWindow?.tabId === 'number' ? devtools.inspectedWindow.tabId : null, theme: devtools?.panels?.themeName ?? null };
}

async function createTransport(mock: boolean, bulk: string | null): Promise<Transport> {
  if (mock) {
    const [{ createMemoryTransport }, { attachFakeBackground }, { createDemoSnapshot, createBulkSnapshot }] = await Promise.all([
      import('./transport/memory-transport.ts'), import('./mock/fake-background.ts'), import('./mock/demo-data.ts')]);
    const { transport, background } = createMemoryTransport({ clone: false });
    // `?mock=1&bulk=COOKIESxEVENTS` is the bench's load (npm run bench: 10000x50000)
    const sizes = bulk !== null ? /^(\d{1,6})x(\d{1,7})$/.exec(bulk) : null;
    attachFakeBackground(background, sizes ? createBulkSnapshot(Number(sizes[1]), Number(sizes[2])) : await createDemoSnapshot());
    return transport;
  }
  const { createPortTransport } = await import('./transport/port-transport.ts');
  return createPortTransport();
}

async function boot() {
  const query = new URLSearchParams(location.search);
  const devtools = await readDevtools();
  const options = readBootOptions(query, devtools.tabId);
  const theme = resolveTheme({ query, devtoolsTheme: devtools.theme, prefersDark: matchMedia('(prefers-color-scheme: dark)').matches });
  applyTheme(document.documentElement, theme);
  const transport = await createTransport(options.mock, query.get('bulk'));
  const store = createPanelStore({ transport, tabId: options.tabId, decode: decodeCookie, resign: resignValue, autoCompanion: !options.mock || query.has('companion') });
  render(<StoreContext.Provider value={store}><App /></StoreContext.Provider>, document.getElementById('app')!);
  store.actions.start();
  addEventListener('pagehide', () => store.actions.stop());
}

void boot();
