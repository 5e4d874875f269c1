// Server correlation: which cookies belong to a companion site, their records, live events, and
// the revocation check of logged-out keys. Everything degrades to "companion offline".
import { hostOf, isLoopbackHost, isSessionCookie } from '../lib/cookie-facts.ts';
import { deriveTimeline } from '../lib/derive-timeline.ts';
import { loggedOutKeys } from '../lib/server-diagnostics.ts';
import type { CompanionClient, CompanionEvent, CompanionSite } from '../lib/companion-client.ts';
import type { PanelCookie } from '../model/types.ts';
import type { PanelState } from './initial-state.ts';
import { selectEvents } from './selectors.ts';

interface Api { getState(): PanelState; setState(patch: Partial<PanelState>): void }
const MAX_SERVER_EVENTS = 200;

export const recordKey = (host: string, key: string) => `${host}\u0000${key}`;

export function siteFor(state: Pick<PanelState, 'server'>, cookie: { domain: string; name: string }): CompanionSite | null {
  const host = hostOf(cookie.domain);
  const sites = state.server.info?.sites ?? [];
  return sites.find((s) => s.host === host && s.cookieName === cookie.name)
    // an attached real Django project is served from its own dev server (localhost:8000), not from a companion
    // host name: its store answers for session cookies of loopback hosts (never for other sites' cookies)
    ?? (isLoopbackHost(host) ? sites.find((s) => s.readOnly && s.cookieName === cookie.name) : undefined) ?? null;
}

/**
 * The configured URL first; then the inspected page's own origin when it is a loopback site, since
 * the companion answers its inspection API on every site it serves (a custom port needs no setting).
 */
export function companionCandidates(configured: string, pageUrl: string | null): string[] {
  const out = [configured.replace(/\/+$/, '')];
  try {
    const page = pageUrl ? new URL(pageUrl) : null;
    if (page && /^https?:$/.test(page.protocol) && isLoopbackHost(page.hostname) && !out.includes(page.origin)) out.push(page.origin);
  } catch { /* an unparsable page URL just means no second candidate */ }
  return out;
}

export function createServerActions(api: Api, makeClient: (url: string) => CompanionClient) {
  let client: CompanionClient | null = null;
  let unsubscribe: (() => void) | null = null;
  let generation = 0;
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
    const rows = deriveTimeline(selectEvents(api.getState()));
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
    const deleted = deriveTimeline(selectEvents(state)).filter((e) => e.kind === 'deleted')
      .map((e) => ({ name: e.name, domain: e.domain, path: e.path, site: siteFor(state, e) }))
      .filter((x): x is { name: string; domain: string; path: string; site: CompanionSite } => x.site !== null);
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
      // a newer attempt (URL edited, tab navigated) supersedes this one: only the latest may write
      const attempt = ++generation;
      const state = api.getState();
      const url = state.settings.companionUrl;
      setServer({ status: 'checking', error: null });
      let firstError: unknown = null;
      for (const base of companionCandidates(url, state.page.url)) {
        const candidate = makeClient(base);
        try {
          const info = await candidate.info();
          if (attempt !== generation) return;
          client = candidate;
          setServer({ status: 'online', info, records: {}, acceptance: {}, error: null });
          unsubscribe = client.subscribe(onEvent, (message) => setServer({ error: message }));
          await refresh(true);
          return;
        } catch (error) {
          firstError ??= error;
        }
      }
      if (attempt !== generation) return;
      client = null;
      setServer({ status: 'offline', info: null, error: `Companion not reachable at ${url}: ${firstError instanceof Error ? firstError.message : String(firstError)}` });
    },
    refreshServer: refresh,
    disconnectCompanion() { unsubscribe?.(); unsubscribe = null; },
  };
}
