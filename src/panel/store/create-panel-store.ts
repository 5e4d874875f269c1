// The panel store: zustand/vanilla over an initial-state factory. Side effects go only through the
// injected transport, decoder, companion client and re-signer, so tests run it with fakes.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DecodeResult } from '../../core/decode/types.ts';
import type { Json, SecretEntry } from '../../core/protocol/index.ts';
import { createCompanionClient, type CompanionClient } from '../lib/companion-client.ts';
import { hostOf, isLoopbackHost, siteOf } from '../lib/cookie-facts.ts';
import type { PanelCookie } from '../model/types.ts';
import type { Transport } from '../transport/transport.ts';
import { createConnection, type Backoff } from './connection.ts';
import { createDecodeActions, decodeKey, setSiteSecrets, type DecodeFn } from './decode-actions.ts';
import { createInitialFilter, createInitialState, type CookieFilter, type PanelState, type PanelTab, type SortColumn } from './initial-state.ts';
import { createServerActions } from './server-actions.ts';
import { selectVisibleCookies } from './selectors.ts';
import { cookieId } from '../model/types.ts';

export type ResignFn = (args: { decoded: DecodeResult; payload: Json; secret: string; nowSec: number }) => Promise<string>;

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

/** Cookie and timeline bursts (a page load) trigger one server refresh, not dozens. */
const SERVER_REFRESH_DEBOUNCE_MS = 300;

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
  connectCompanion(): Promise<void>;
  refreshServer(force?: boolean): Promise<void>;
  resignAndSet(cookie: PanelCookie, payloadJson: string): Promise<boolean>;
  notify(kind: 'info' | 'error', text: string): void;
}

export type PanelStore = StoreApi<PanelState> & { actions: PanelActions };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createPanelStore(deps: PanelDeps): PanelStore {
  const now = deps.now ?? (() => Date.now());
  const store = createStore<PanelState>(() => createInitialState(deps.tabId));
  const api = { getState: store.getState, setState: (patch: Partial<PanelState>) => store.setState(patch) };
  const connection = createConnection(api, deps.transport, deps.backoff);
  const decoding = createDecodeActions(api, deps.decode, now);
  const server = createServerActions(api, deps.companion ?? ((url) => createCompanionClient(url)));
  const setUi = (patch: Partial<PanelState['ui']>) => store.setState({ ui: { ...store.getState().ui, ...patch } });
  const loading = new Set<string>();
  let unwatch: (() => void) | null = null;

  function watchForServer() {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let companionTried = false;
    const stopWatch = store.subscribe((next, prev) => {
      // after the first snapshot (it carries the page URL, a fallback companion address), and again
      // whenever the tab moves to another page while no companion has been found
      if (deps.autoCompanion !== false && next.page.startedAt !== null) {
        const retry = companionTried && next.page.url !== prev.page.url && next.server.status !== 'online';
        if (!companionTried || retry) {
          companionTried = true;
          void server.connectCompanion();
        }
      }
      if (next.server.status !== 'online') return;
      if (next.cookies.list === prev.cookies.list && next.timeline.raw === prev.timeline.raw) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => { timer = null; void server.refreshServer(false); }, SERVER_REFRESH_DEBOUNCE_MS);
    });
    return () => { stopWatch(); if (timer) clearTimeout(timer); };
  }

  const actions: PanelActions = {
    start() {
      unwatch ??= watchForServer();
      connection.start();
    },
    stop() {
      unwatch?.();
      unwatch = null;
      connection.stop();
      server.disconnectCompanion();
    },
    select: (id) => setUi({ selectedId: id }),
    moveSelection(delta) {
      const rows = selectVisibleCookies(store.getState());
      if (rows.length === 0) return;
      const at = rows.findIndex((c) => cookieId(c) === store.getState().ui.selectedId);
      const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, at + delta));
      setUi({ selectedId: cookieId(rows[next]) });
    },
    setFilter: (patch) => setUi({ filter: { ...store.getState().ui.filter, ...patch } }),
    resetFilter: () => setUi({ filter: createInitialFilter() }),
    toggleSort(column) {
      const { sort } = store.getState().ui;
      setUi({ sort: { column, dir: sort.column === column && sort.dir === 'asc' ? 'desc' : 'asc' } });
    },
    setTab: (tab) => setUi({ tab }),
    setTimelineCookie: (name) => setUi({ timelineCookie: name }),
    ensureDecoded: (value, name, domain) => decoding.ensureDecoded(value, name, siteOf(domain)),
    async loadSecrets(domain) {
      const site = siteOf(domain);
      if (store.getState().secrets.bySite[site] || loading.has(site)) return;
      loading.add(site);
      try {
        const reply = await connection.request('getSecrets', { site });
        const secrets = Array.isArray(reply.secrets) ? (reply.secrets as SecretEntry[]) : [];
        store.setState(setSiteSecrets(store.getState(), site, { secrets, persist: reply.persist === true }));
      } catch (e) {
        store.setState({ secrets: { ...store.getState().secrets, error: `Secrets for ${site} unavailable: ${message(e)}` } });
      } finally {
        loading.delete(site);
      }
    },
    async saveSecrets(domain, secrets, persist) {
      const site = siteOf(domain);
      try {
        await connection.request('setSecrets', { site, secrets, persist });
        store.setState(setSiteSecrets(store.getState(), site, { secrets, persist }));
      } catch (e) {
        store.setState({ secrets: { ...store.getState().secrets, error: `Secrets not saved: ${message(e)}` } });
      }
    },
    async setCompanionUrl(url) {
      store.setState({ settings: { ...store.getState().settings, companionUrl: url } });
      try { connection.send('setSettings', { patch: { companionUrl: url } }); } catch { /* offline panel: the URL still applies locally */ }
      await server.connectCompanion();
    },
    connectCompanion: () => server.connectCompanion(),
    refreshServer: (force) => server.refreshServer(force),
    async resignAndSet(cookie, payloadJson) {
      const result = await resignCookie(store.getState(), deps, cookie, payloadJson, now());
      if (typeof result === 'string') { actions.notify('error', result); return false; }
      try {
        await connection.request('setCookie', { tabId: store.getState().connection.tabId ?? -1, cookie: result });
        actions.notify('info', `${cookie.name} re-signed and set`);
        return true;
      } catch (e) {
        actions.notify('error', `Cookie not set: ${message(e)}`);
        return false;
      }
    },
    notify: (kind, text) => setUi({ notice: { kind, text } }),
  };
  return Object.assign(store, { actions });
}

async function resignCookie(state: PanelState, deps: PanelDeps, cookie: PanelCookie, payloadJson: string, nowMs: number) {
  if (!isLoopbackHost(cookie.domain) && !state.settings.allowEditAnyHost) {
    return `Editing is limited to localhost/loopback hosts; ${hostOf(cookie.domain)} is not one (enable remote edit in settings to override).`;
  }
  let payload: Json;
  try { payload = JSON.parse(payloadJson) as Json; } catch (e) { return `Payload is not valid JSON: ${message(e)}`; }
  const secrets = state.secrets.bySite[siteOf(cookie.domain)]?.secrets;
  const decoded = state.decoded[decodeKey(secrets, cookie.value)]?.result;
  if (!secrets?.length) return `Enter a secret for ${siteOf(cookie.domain)} first: re-signing needs it.`;
  if (!decoded || decoded.signature !== 'valid') return 'Only a value whose signature verified with your secret can be re-signed.';
  // sign with the secret that verified: with several frameworks' keys for one site, that is this cookie's framework
  const secret = secrets[decoded.secretIndex ?? 0]?.value ?? secrets[0].value;
  if (!deps.resign) return 'Re-signing is not available in this build.';
  let value: string;
  try { value = await deps.resign({ decoded, payload, secret, nowSec: Math.floor(nowMs / 1000) }); } catch (e) { return `Re-signing failed: ${message(e)}`; }
  const host = hostOf(cookie.domain);
  return {
    url: `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path}`,
    name: cookie.name, value, path: cookie.path, secure: cookie.secure, httpOnly: cookie.httpOnly,
    ...(cookie.hostOnly ? {} : { domain: cookie.domain }),
    sameSite: cookie.sameSite === 'none' ? 'no_restriction' as const : cookie.sameSite,
    ...(cookie.expires === null ? {} : { expirationDate: cookie.expires }),
    ...(cookie.storeId ? { storeId: cookie.storeId } : {}),
    ...(cookie.partitionKey ? { partitionKey: { topLevelSite: cookie.partitionKey } } : {}),
  };
}
