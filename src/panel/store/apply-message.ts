// One pure reducer for everything the background pushes (the Preact devtools' applyEvent pattern):
// the store stays testable without any transport.
import { siteOf } from '../lib/cookie-facts.ts';
import { normalizeCookie, normalizeFinding, normalizeList } from '../model/normalize.ts';
import { cookieId, type PanelCookie } from '../model/types.ts';
import type { PanelSettings, PanelState, RawEvent } from './initial-state.ts';

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

/** Cheap shape check only; the full narrowing happens lazily in normalizeEvent. */
export function rawEvents(v: unknown): RawEvent[] {
  if (!Array.isArray(v)) return [];
  return v.filter((e): e is RawEvent => isObj(e) && Number.isSafeInteger(e.seq) && typeof e.kind === 'string');
}

function mergeEvents(state: PanelState, incoming: RawEvent[], dropped: unknown): PanelState['timeline'] {
  const held = state.timeline.raw;
  const lastSeq = held.length ? held[held.length - 1].seq : -Infinity;
  // a resumed subscription may repeat what we hold: sequence numbers survive worker restarts
  const fresh = incoming.filter((e) => e.seq > lastSeq);
  const merged = fresh.length ? held.concat(fresh) : held;
  const overflow = Math.max(0, merged.length - MAX_PANEL_EVENTS);
  const reported = typeof dropped === 'number' ? dropped : state.timeline.dropped;
  return { raw: overflow ? merged.slice(overflow) : merged, dropped: reported + overflow };
}

/** The background's Settings as the panel holds them; a missing or malformed field keeps what the panel had. */
function readSettings(raw: unknown, prev: PanelSettings): PanelSettings {
  const s = isObj(raw) ? raw : {};
  return {
    companionUrl: typeof s.companionUrl === 'string' ? s.companionUrl : prev.companionUrl,
    allowEditAnyHost: s.allowRemoteEdit === true,
    timelineLimit: typeof s.timelineLimit === 'number' ? s.timelineLimit : prev.timelineLimit,
    badgeEnabled: typeof s.badgeEnabled === 'boolean' ? s.badgeEnabled : prev.badgeEnabled,
    badgeDisabledSites: Array.isArray(s.badgeDisabledSites) ? s.badgeDisabledSites.filter((x): x is string => typeof x === 'string') : prev.badgeDisabledSites,
  };
}

function applySnapshot(state: PanelState, p: Obj, resumed: boolean): Partial<PanelState> {
  const pageUrl = typeof p.url === 'string' ? p.url : null;
  const events = rawEvents(p.events);
  return {
    page: { url: pageUrl, startedAt: typeof p.startedAt === 'number' ? p.startedAt : null },
    cookies: { list: markThirdParty(normalizeList(p.cookies, normalizeCookie).items, pageUrl) },
    timeline: resumed ? mergeEvents(state, events, p.dropped)
      : { raw: events.slice(-MAX_PANEL_EVENTS), dropped: typeof p.dropped === 'number' ? p.dropped : 0 },
    findings: { list: normalizeList(p.findings, normalizeFinding).items },
    settings: readSettings(p.settings, state.settings),
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
      const events = rawEvents(p.events);
      const nav = events.filter((e) => e.kind === 'navigation' && typeof e.url === 'string').at(-1);
      const timeline = mergeEvents(state, events, p.dropped);
      return { patch: nav ? { timeline, page: { ...state.page, url: nav.url as string } } : { timeline } };
    }
    case 'findings':
      return { patch: { findings: { list: normalizeList(p.findings, normalizeFinding).items } } };
    case 'settings':
      return { patch: { settings: readSettings(p.settings, state.settings) } };
    default:
      return { ignored: message.type };
  }
}
