// Panel entry: picks the transport (extension port or in-memory demo), the theme, and renders.
// Static imports throughout: the demo modules are small, and a boot without awaits renders before
// the page's load event, which is what tests and the bench wait for.
import { render } from 'preact';
import { decodeCookie } from '../core/decode/index.ts';
import { App } from './components/app.tsx';
import { StoreContext } from './hooks.ts';
import { readBootOptions, type BootOptions } from './lib/boot-options.ts';
import { resignValue } from './lib/resign.ts';
import { applyTheme, resolveTheme } from './lib/theme.ts';
import { createBulkSnapshot, createDemoSnapshot } from './mock/demo-data.ts';
import { attachFakeBackground } from './mock/fake-background.ts';
import { createPanelStore } from './store/create-panel-store.ts';
import { createMemoryTransport } from './transport/memory-transport.ts';
import { createPortTransport } from './transport/port-transport.ts';
import type { Transport } from './transport/transport.ts';
import './styles.css';

interface DevtoolsInfo { tabId: number | null; theme: string | null }
interface DevtoolsPanels {
  themeName?: string;
  /** Chrome */ setThemeChangeHandler?: (fn: (theme: string) => void) => void;
  /** Firefox */ onThemeChanged?: { addListener(fn: (theme: string) => void): void };
}

function readDevtools(): DevtoolsInfo {
  // outside DevTools (a plain tab, the standalone window) the devtools namespace is absent
  const g = globalThis as { chrome?: { devtools?: { inspectedWindow?: { tabId?: number }; panels?: DevtoolsPanels } } };
  const devtools = g.chrome?.devtools;
  return { tabId: typeof devtools?.inspectedWindow?.tabId === 'number' ? devtools.inspectedWindow.tabId : null, theme: devtools?.panels?.themeName ?? null };
}

/** Re-applies the theme when DevTools (Chrome: setThemeChangeHandler, Firefox: onThemeChanged) or the OS switches. */
function watchTheme(apply: (devtoolsTheme: string | null) => void, initial: string | null) {
  let current = initial;
  const panels = (globalThis as { chrome?: { devtools?: { panels?: DevtoolsPanels } } }).chrome?.devtools?.panels;
  const onDevtools = (theme: string) => { current = theme; apply(theme); };
  if (panels?.setThemeChangeHandler) panels.setThemeChangeHandler(onDevtools);
  else panels?.onThemeChanged?.addListener(onDevtools);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(current));
}

function createTransport(mock: boolean, bulk: string | null): Transport | Promise<Transport> {
  if (!mock) return createPortTransport();
  const { transport, background } = createMemoryTransport({ clone: false });
  // `?mock=1&bulk=COOKIESxEVENTS` is the bench's load (npm run bench: 10000x50000)
  const sizes = bulk !== null ? /^(\d{1,6})x(\d{1,7})$/.exec(bulk) : null;
  if (sizes) {
    attachFakeBackground(background, createBulkSnapshot(Number(sizes[1]), Number(sizes[2])));
    return transport;
  }
  return createDemoSnapshot().then((snapshot) => { attachFakeBackground(background, snapshot); return transport; });
}

function boot(transport: Transport, options: BootOptions, autoCompanion: boolean) {
  const store = createPanelStore({ transport, tabId: options.tabId, decode: decodeCookie, resign: resignValue, autoCompanion });
  render(<StoreContext.Provider value={store}><App /></StoreContext.Provider>, document.getElementById('app')!);
  store.actions.start();
  addEventListener('pagehide', () => store.actions.stop());
}

const query = new URLSearchParams(location.search);
const devtools = readDevtools();
const options = readBootOptions(query, devtools.tabId);
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const themeFor = (devtoolsTheme: string | null) => resolveTheme({ query, devtoolsTheme, prefersDark: darkScheme.matches });
applyTheme(document.documentElement, themeFor(devtools.theme));
watchTheme((theme) => applyTheme(document.documentElement, themeFor(theme)), devtools.theme);
// demo data has no companion behind it unless asked for (?mock=1&companion)
const autoCompanion = !options.mock || query.has('companion');
const transport = createTransport(options.mock, query.get('bulk'));
if (transport instanceof Promise) void transport.then((t) => boot(t, options, autoCompanion));
else boot(transport, options, autoCompanion);
