// Talks to the companion's inspection API (docs/companion-api.md). Every call is bounded in time
// and every answer is shape-checked: the companion may be absent, old, or something else entirely.
import type { Json } from '../../core/protocol/index.ts';
import type { ServerRecord } from '../model/types.ts';

export interface CompanionSite { engine: string; host: string; url: string; cookieName: string; readOnly: boolean }
export interface CompanionInfo { name: string; version: string; sites: CompanionSite[] }
/** `key` is null for changes to no single session (a cache restart, a shifted clock): they still call for a refresh */
export interface CompanionEvent { type: string; engine: string; key: string | null; previousKey?: string; at: number }
export interface Acceptance { accepted: boolean; reason: string }

export interface CompanionClient {
  info(): Promise<CompanionInfo>;
  session(site: CompanionSite, key: string): Promise<ServerRecord>;
  accepted(site: CompanionSite, key: string): Promise<Acceptance>;
  /** live store changes of every site; returns the unsubscribe function */
  subscribe(onEvent: (e: CompanionEvent) => void, onError: (message: string) => void): () => void;
}

export interface CompanionDeps {
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  timeoutMs?: number;
  now?: () => number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseSite(v: unknown): CompanionSite | null {
  if (!isObj(v) || typeof v.host !== 'string' || typeof v.url !== 'string' || typeof v.engine !== 'string') return null;
  return { engine: v.engine, host: v.host, url: v.url.replace(/\/+$/, ''), cookieName: typeof v.cookieName === 'string' ? v.cookieName : 'sessionid', readOnly: v.readOnly === true };
}

export function createCompanionClient(baseUrl: string, deps: CompanionDeps = {}): CompanionClient {
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = deps.timeoutMs ?? 3000;
  const now = deps.now ?? (() => Date.now());
  const base = baseUrl.replace(/\/+$/, '');

  async function getJson(url: string): Promise<Obj> {
    const response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), credentials: 'omit' });
    const body: unknown = await response.json().catch(() => null);
    if (!isObj(body)) throw new Error(`${url}: not a companion answer (HTTP ${response.status})`);
    if (!response.ok) throw new Error(typeof body.error === 'string' ? body.error : `HTTP ${response.status}`);
    return body;
  }
  const sessionUrl = (site: CompanionSite, key: string) => `${site.url}/__sessionscope/sessions/${encodeURIComponent(key)}`;

  return {
    async info() {
      const body = await getJson(`${base}/__sessionscope/info`);
      if (body.name !== 'sessionscope-companion' || !Array.isArray(body.sites)) throw new Error(`${base} is not a sessionscope companion`);
      return { name: body.name, version: String(body.version ?? '?'), sites: body.sites.map(parseSite).filter((s): s is CompanionSite => s !== null) };
    },
    async session(site, key) {
      const b = await getJson(sessionUrl(site, key));
      return {
        host: site.host, key, found: b.found === true, engine: typeof b.engine === 'string' ? b.engine : site.engine,
        data: (b.decoded ?? null) as Json, record: (b.record ?? null) as Json,
        expiresAt: typeof b.expiresAt === 'number' ? b.expiresAt : null, expired: b.expired === true,
        location: typeof b.location === 'string' ? b.location : null, fetchedAt: now(),
        error: typeof b.error === 'string' ? b.error : undefined,
      };
    },
    async accepted(site, key) {
      const b = await getJson(`${sessionUrl(site, key)}/accepted`);
      return { accepted: b.accepted === true, reason: typeof b.reason === 'string' ? b.reason : '' };
    },
    subscribe(onEvent, onError) {
      const Source = deps.EventSource ?? globalThis.EventSource;
      if (!Source) { onError('this page cannot open an event stream'); return () => {}; }
      const source = new Source(`${base}/__sessionscope/events?engine=*`);
      source.addEventListener('change', (e) => {
        let data: unknown;
        try { data = JSON.parse((e as MessageEvent<string>).data); } catch { return; }
        if (isObj(data) && typeof data.type === 'string' && (typeof data.key === 'string' || data.key === null)) {
          onEvent({ type: data.type, engine: String(data.engine ?? ''), key: data.key,
            previousKey: typeof data.previousKey === 'string' ? data.previousKey : undefined, at: Number(data.at) || now() / 1000 });
        }
      });
      source.onerror = () => onError('event stream interrupted');
      return () => source.close();
    },
  };
}
