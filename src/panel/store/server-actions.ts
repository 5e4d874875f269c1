// Server correlation: which cookies belong to a companion site, their records, live events, and
// the revocation check of logged-out keys. Everything degrades to "companion offline".
import { hostOf, isSessionCookie } from '../lib/cookie-facts.ts';
import { deriveTimeline } from '../lib/derive-timeline.ts';
import { loggedOutKeys } from '../lib/server-diagnostics.ts';
import type { CompanionClient, CompanionEvent, CompanionSite } from '../lib/companion-client.ts';
import type { PanelCookie } from '../model/types.ts';
import type { PanelState } from './initial-state.ts';

interface Api { getState(): PanelState; setState(patch: Partial<PanelState>): void }
const MAX_SERVER_EVENTS = 200;

export const recordKey = (host: string, key: string) => `${host}\u0000${key}`;

export function siteFor(state: PanelState, cookie: { domain: string; name: string }): CompanionSite | null {
  const host = hostOf(cookie.domain);
  return state.server.info?.sites.find((s) => s.host === host && s.cookieName === cookie.name) ?? null;
}

export function createServerActions(api: Api, makeClient: (url: string) => CompanionClient) {
  let client: CompanionClient | null = null;
  let unsubscribe: (() => void) | null = null;
  const setServer = (patch: Partial<PanelState['server']>) => api.setState({ server: { ...api.getState().server, ...patch } });

  async function fetchRecord(site: CompanionSite, cookie: PanelCookie) {
    if (!client) return;
    try {
      const record = await client.session(site, cookie.value);
      setServer({ records: { ...api.getState().server.records, [recordKey(site.host, cookie.value)]: record } });
    } catch (error) {
      setServer({ error: `record for ${cookie.name}@${site.host}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  async function checkRevocations(sessionCookies: { site: CompanionSite; name: string; domain: string; path: string }[]) {
    const rows = deriveTimeline(api.getState().timeline.events);
    for (const c of sessionCookies) {
      for (const key of loggedOutKeys(rows, c.name)) {
        const id = recordKey(c.site.host, key);
        if (api.getState().server.acceptance[id] || !client) continue;
        try {
          const r = await client.accepted(c.site, key);
          setServer({ acceptance: { ...api.getState().server.acceptance, [id]: { host: c.site.host, key, name: c.name, domain: c.domain, path: c.path, ...r } } });
        } catch { /* one failed check is retried on the next refresh */ }
      }
    }
  }

  async function refresh(force = false) {
    const state = api.getState();
    if (state.server.status !== 'online') return;
    const matched = state.cookies.list.filter(isSessionCookie).map((c) => ({ c, site: siteFor(state, c) }))
      .filter((m): m is { c: PanelCookie; site: CompanionSite } => m.site !== null);
    await Promise.all(matched.filter(({ c, site }) => force || !state.server.records[recordKey(site.host, c.value)])
      .map(({ c, site }) => fetchRecord(site, c)));
    const sites = state.server.info?.sites ?? [];
    const deleted = deriveTimeline(state.timeline.events).filter((e) => e.kind === 'deleted')
      .map((e) => ({ name: e.name, domain: e.domain, path: e.path, site: sites.find((s) => s.host === hostOf(e.domain) && s.cookieName === e.name) }))
      .filter((x): x is { name: string; domain: string; path: string; site: CompanionSite } => x.site !== undefined);
    await checkRevocations(deleted);
  }

  function onEvent(e: CompanionEvent) {
    const s = api.getState().server;
    const host = s.info?.sites.find((x) => x.engine === e.engine)?.host ?? e.engine;
    setServer({ events: s.events.concat({ at: e.at, type: e.type, host, key: e.key }).slice(-MAX_SERVER_EVENTS) });
    void refresh(true);
  }

  return {
    async connectCompanion(): Promise<void> {
      unsubscribe?.();
      unsubscribe = null;
      const url = api.getState().settings.companionUrl;
      client = makeClient(url);
      setServer({ status: 'checking', error: null });
      try {
        const info = await client.info();
        setServer({ status: 'online', info, records: {}, acceptance: {} });
        unsubscribe = client.subscribe(onEvent, (message) => setServer({ error: message }));
        await refresh(true);
      } catch (error) {
        setServer({ status: 'offline', info: null, error: `Companion not reachable at ${url}: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    refreshServer: refresh,
    disconnectCompanion() { unsubscribe?.(); unsubscribe = null; },
  };
}
