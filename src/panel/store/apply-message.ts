// One pure reducer for everything the background pushes (the Preact devtools' applyEvent pattern):
// the store stays testable without any transport.
import { siteOf } from '../lib/cookie-facts.ts';
import { normalizeCookie, normalizeEvent, normalizeFinding, normalizeList } from '../model/normalize.ts';
import { cookieId, type PanelCookie, type TimelineEvent } from '../model/types.ts';
import type { PanelState } from './initial-state.ts';

/** Hard cap on events held in the panel; the background already bounds its buffer per tab. */
export const MAX_PANEL_EVENTS = 100_000;

export type MessageOutcome = { patch: Partial<PanelState> } | { error: string } | { ignored: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function hostOfUrl(url: string | null): string | null {
  if (!url) return null;
  try { return new URL(url).hostname; } catch { return null; }
}

function markThirdParty(cookies: PanelCookie[], pageUrl: string | null): PanelCookie[] {
  const host = hostOfUrl(pageUrl);
  if (!host) return cookies;
  const site = siteOf(host);
  return cookies.map((c) => ({ ...c, thirdParty: siteOf(c.domain) !== site }));
}

function mergeEvents(state: PanelState, incoming: TimelineEvent[], dropped: unknown): PanelState['timeline'] {
  const last = state.timeline.events.at(-1);
  const lastSeq = last ? Number(last.id) : -Infinity;
  // a resumed subscription may repeat what we hold: sequence numbers survive worker restarts
  const fresh = incoming.filter((e) => !(Number(e.id) <= lastSeq));
  const merged = fresh.length ? state.timeline.events.concat(fresh) : state.timeline.events;
  const overflow = Math.max(0, merged.length - MAX_PANEL_EVENTS);
  const reported = typeof dropped === 'number' ? dropped : state.timeline.dropped;
  return { events: overflow ? merged.slice(overflow) : merged, dropped: reported + overflow };
}

function applySnapshot(state: PanelState, p: Obj, resumed: boolean): Partial<PanelState> {
  const pageUrl = typeof p.url === 'string' ? p.url : null;
  const events = normalizeList(p.events, normalizeEvent).items;
  const settings = isObj(p.settings) ? p.settings : {};
  return {
    page: { url: pageUrl, startedAt: typeof p.startedAt === 'number' ? p.startedAt : null },
    cookies: { list: markThirdParty(normalizeList(p.cookies, normalizeCookie).items, pageUrl) },
    timeline: resumed ? mergeEvents(state, events, p.dropped)
      : { events: events.slice(-MAX_PANEL_EVENTS), dropped: typeof p.dropped === 'number' ? p.dropped : 0 },
    findings: { list: normalizeList(p.findings, normalizeFinding).items },
    settings: {
      companionUrl: typeof settings.companionUrl === 'string' ? settings.companionUrl : state.settings.companionUrl,
      allowEditAnyHost: settings.allowRemoteEdit === true,
    },
    connection: { ...state.connection, status: 'connected', attempts: 0, lastError: null },
  };
}

function applyCookieChanges(state: PanelState, p: Obj): Partial<PanelState> {
  const upsert = markThirdParty(normalizeList(p.upsert, normalizeCookie).items, state.page.url);
  const removed = new Set(normalizeList(p.remove, (k) => (isObj(k) ? cookieId({
    name: String(k.name), domain: String(k.domain), path: String(k.path),
    storeId: String(k.storeId ?? '0'), partitionKey: typeof k.partitionSite === 'string' ? k.partitionSite : null,
  }) : null)).items);
  const byId = new Map(state.cookies.list.map((c) => [cookieId(c), c]));
  for (const id of removed) byId.delete(id);
  for (const c of upsert) byId.set(cookieId(c), c);
  return { cookies: { list: [...byId.values()] } };
}

export function applyMessage(state: PanelState, message: unknown, resumed = false): MessageOutcome {
  if (!isObj(message) || typeof message.type !== 'string') return { error: 'malformed message from background' };
  const p = message.payload;
  if (!isObj(p)) return { error: `message ${message.type} has no payload object` };
  switch (message.type) {
    case 'welcome':
      return { patch: { connection: { ...state.connection, status: 'connected', attempts: 0, lastError: null } } };
    case 'snapshot':
      return { patch: applySnapshot(state, p, resumed) };
    case 'cookies':
      return { patch: applyCookieChanges(state, p) };
    case 'events': {
      const events = normalizeList(p.events, normalizeEvent).items;
      const nav = events.filter((e) => e.kind === 'navigation' && e.source).at(-1);
      const timeline = mergeEvents(state, events, p.dropped);
      return { patch: nav ? { timeline, page: { ...state.page, url: nav.source! } } : { timeline } };
    }
    case 'findings':
      return { patch: { findings: { list: normalizeList(p.findings, normalizeFinding).items } } };
    case 'settings': {
      const s = isObj(p.settings) ? p.settings : {};
      return { patch: { settings: {
        companionUrl: typeof s.companionUrl === 'string' ? s.companionUrl : state.settings.companionUrl,
        allowEditAnyHost: s.allowRemoteEdit === true,
      } } };
    }
    default:
      return { ignored: message.type };
  }
}
