// A background stand-in over the memory transport: answers the protocol the way the real one does,
// so `?mock=1`, component tests and the bench exercise the same panel code paths as the extension.
import { PROTOCOL_VERSION, type CookieRecord, type SecretEntry, type TabSnapshot } from '../../core/protocol/index.ts';
import type { MemoryBackground } from '../transport/memory-transport.ts';

type Msg = { type?: string; id?: number; payload?: Record<string, unknown> };

export interface FakeBackground {
  snapshot: TabSnapshot;
  secrets: Map<string, { secrets: SecretEntry[]; persist: boolean }>;
  /** pushes new events the way the background streams them */
  pushEvents(events: TabSnapshot['events']): void;
  pushCookies(upsert: CookieRecord[]): void;
  dispose(): void;
}

export function attachFakeBackground(bg: MemoryBackground, snapshot: TabSnapshot): FakeBackground {
  const secrets = new Map<string, { secrets: SecretEntry[]; persist: boolean }>();
  const post = (type: string, payload: unknown, id?: number) =>
    bg.post(id === undefined ? { v: PROTOCOL_VERSION, type, payload } : { v: PROTOCOL_VERSION, type, id, payload });
  let seq = snapshot.events.at(-1)?.seq ?? 0;

  function setCookie(cookie: Record<string, unknown>, id?: number) {
    const url = new URL(String(cookie.url));
    const record: CookieRecord = {
      name: String(cookie.name), value: String(cookie.value), domain: typeof cookie.domain === 'string' ? cookie.domain : url.hostname,
      hostOnly: typeof cookie.domain !== 'string', path: typeof cookie.path === 'string' ? cookie.path : '/',
      secure: cookie.secure === true, httpOnly: cookie.httpOnly === true,
      sameSite: (cookie.sameSite as CookieRecord['sameSite']) ?? 'unspecified', session: typeof cookie.expirationDate !== 'number',
      ...(typeof cookie.expirationDate === 'number' ? { expirationDate: cookie.expirationDate } : {}),
      storeId: '0', size: String(cookie.name).length + String(cookie.value).length,
    };
    api.pushCookies([record]);
    api.pushEvents([{ kind: 'change', seq: ++seq, time: Date.now(), tabId: snapshot.tabId, cookie: record, removed: false, cause: 'explicit', source: 'extension' }]);
    post('result', { ok: true }, id);
  }

  const stop = bg.onReceive((raw) => {
    const m = raw as Msg;
    const p = m.payload ?? {};
    switch (m.type) {
      case 'subscribe': {
        const since = typeof p.since === 'number' ? p.since : 0;
        post('snapshot', { ...snapshot, events: snapshot.events.filter((e) => e.seq > since) });
        break;
      }
      case 'getSecrets': {
        const entry = secrets.get(String(p.site)) ?? { secrets: [], persist: false };
        post('secrets', { site: p.site, ...entry }, m.id);
        break;
      }
      case 'setSecrets':
        secrets.set(String(p.site), { secrets: p.secrets as SecretEntry[], persist: p.persist === true });
        post('result', { ok: true }, m.id);
        break;
      case 'setSettings':
        // as the background: merge, then broadcast the whole settings object to every panel
        snapshot.settings = { ...snapshot.settings, ...(p.patch as Partial<TabSnapshot['settings']>) };
        post('settings', { settings: snapshot.settings });
        if (m.id !== undefined) post('settings', { settings: snapshot.settings }, m.id);
        break;
      case 'setCookie':
        setCookie(p.cookie as Record<string, unknown>, m.id);
        break;
      default:
        if (m.id !== undefined) post('result', { ok: true }, m.id);
    }
  });

  const api: FakeBackground = {
    snapshot,
    secrets,
    pushEvents(events) {
      snapshot.events = snapshot.events.concat(events);
      post('events', { tabId: snapshot.tabId, events, dropped: snapshot.dropped });
    },
    pushCookies(upsert) {
      const ids = new Set(upsert.map((c) => `${c.name}|${c.domain}|${c.path}`));
      snapshot.cookies = snapshot.cookies.filter((c) => !ids.has(`${c.name}|${c.domain}|${c.path}`)).concat(upsert);
      post('cookies', { tabId: snapshot.tabId, upsert, remove: [] });
    },
    dispose: stop,
  };
  return api;
}
