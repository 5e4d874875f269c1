// The panel store: zustand/vanilla over an initial-state factory. Side effects go only through the
// injected transport, decoder, companion client and re-signer, so tests run it with fakes.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SecretEntry } from '../../core/protocol/index.ts';
import { createCompanionClient, type CompanionClient } from '../lib/companion-client.ts';
import { siteOf } from '../lib/cookie-facts.ts';
import type { PanelCookie } from '../model/types.ts';
import type { Transport } from '../transport/transport.ts';
import { createConnection, type Backoff } from './connection.ts';
import { createDecodeActions, type DecodeFn } from './decode-actions.ts';
import { createInitialState, type CookieFilter, type PanelSettings, type PanelState, type PanelTab, type SortColumn } from './initial-state.ts';
import { createResignAction, type ResignFn } from './resign-action.ts';
import { createSecretActions } from './secret-actions.ts';
import { createServerActions } from './server-actions.ts';
import { createUiActions } from './ui-actions.ts';
import { watchServer } from './watch-server.ts';

export type { ResignFn };

export interface PanelDeps {
  transport: Transport;
  tabId: number | null;
  decode?: DecodeFn;
  resign?: ResignFn;
  companion?: (url: string) => CompanionClient;
  backoff?: Backoff;
  now?: () => number;
  /** look for the companion once connected (default true; tests turn it off or inject `companion`) */
  autoCompanion?: boolean;
}

export interface PanelActions {
  start(): void;
  stop(): void;
  select(id: string | null): void;
  moveSelection(delta: number): void;
  setFilter(patch: Partial<CookieFilter>): void;
  resetFilter(): void;
  toggleSort(column: SortColumn): void;
  setTab(tab: PanelTab): void;
  setTimelineCookie(name: string | null): void;
  ensureDecoded(value: string, name: string, domain: string): Promise<void>;
  loadSecrets(domain: string): Promise<void>;
  saveSecrets(domain: string, secrets: SecretEntry[], persist: boolean): Promise<void>;
  setCompanionUrl(url: string): Promise<void>;
  /** opt-in to edit & re-sign on non-loopback hosts (the background enforces the same setting) */
  setAllowRemoteEdit(allow: boolean): void;
  /** in-page badge (everywhere / per site) and the per-tab timeline buffer; applied at once, then confirmed by the background */
  updateSettings(patch: Partial<Pick<PanelSettings, 'timelineLimit' | 'badgeEnabled' | 'badgeDisabledSites'>>): void;
  connectCompanion(): Promise<void>;
  refreshServer(force?: boolean): Promise<void>;
  resignAndSet(cookie: PanelCookie, payloadJson: string): Promise<boolean>;
  notify(kind: 'info' | 'error', text: string): void;
}

export type PanelStore = StoreApi<PanelState> & { actions: PanelActions };

export function createPanelStore(deps: PanelDeps): PanelStore {
  const now = deps.now ?? (() => Date.now());
  const store = createStore<PanelState>(() => createInitialState(deps.tabId));
  const api = { getState: store.getState, setState: (patch: Partial<PanelState>) => store.setState(patch) };
  const connection = createConnection(api, deps.transport, deps.backoff);
  const decoding = createDecodeActions(api, deps.decode, now);
  const server = createServerActions(api, deps.companion ?? ((url) => createCompanionClient(url)));
  const ui = createUiActions(api);
  let unwatch: (() => void) | null = null;

  const actions: PanelActions = {
    ...ui,
    ...createSecretActions(api, connection),
    start() {
      unwatch ??= watchServer(store, server, deps.autoCompanion !== false);
      connection.start();
    },
    stop() {
      unwatch?.();
      unwatch = null;
      connection.stop();
      server.disconnectCompanion();
    },
    ensureDecoded: (value, name, domain) => decoding.ensureDecoded(value, name, siteOf(domain)),
    async setCompanionUrl(url) {
      store.setState({ settings: { ...store.getState().settings, companionUrl: url } });
      try { connection.send('setSettings', { patch: { companionUrl: url } }); } catch { /* offline panel: the URL still applies locally */ }
      await server.connectCompanion();
    },
    setAllowRemoteEdit(allow) {
      store.setState({ settings: { ...store.getState().settings, allowEditAnyHost: allow } });
      try { connection.send('setSettings', { patch: { allowRemoteEdit: allow } }); } catch { ui.notify('error', 'Not connected: the setting applies to this panel only'); }
    },
    updateSettings(patch) {
      store.setState({ settings: { ...store.getState().settings, ...patch } });
      try { connection.send('setSettings', { patch }); } catch { ui.notify('error', 'Not connected: the setting was not saved'); }
    },
    connectCompanion: () => server.connectCompanion(),
    refreshServer: (force) => server.refreshServer(force),
    resignAndSet: createResignAction(store.getState, connection, { resign: deps.resign, now, notify: ui.notify }),
  };
  return Object.assign(store, { actions });
}
