// Direction-named message maps: `XToY` maps a camelCase message name to its payload.
// Panel ⇄ background travel over a runtime port named by portName.panel(tabId); content → background
// over runtime.sendMessage (reply = the handler's return value); background → content over tabs.sendMessage.
import type {
  CookieKey, CookieRecord, Finding, PartitionKey, SameSite, SecretEntry, Settings, TimelineEvent,
} from './model.ts';

/** What the panel needs to draw a tab from scratch (sent on subscribe and after a worker restart). */
export interface TabSnapshot {
  tabId: number;
  /** the tab's top-level URL, when known */
  url: string | null;
  cookies: CookieRecord[];
  /** the buffered timeline, oldest first (or only events after `since` when the panel asked so) */
  events: TimelineEvent[];
  findings: Finding[];
  /** events dropped from this tab's bounded buffer so far */
  dropped: number;
  settings: Settings;
  /** when the current worker instance started: a change tells the panel the worker restarted */
  startedAt: number;
}

/** Fields of cookies.set accepted from the panel (edit-and-re-sign). */
export interface CookieWrite {
  url: string;
  name: string;
  value: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: SameSite;
  expirationDate?: number;
  storeId?: string;
  partitionKey?: PartitionKey;
}

/** Messages the panel sends to the background. Those with `id` get a `result` (or the named reply). */
export interface PanelToBackground {
  /** start (or resume after reconnect) receiving a tab; `since` = last seq the panel holds */
  subscribe: { tabId: number; since?: number };
  /** set a cookie (edit-and-re-sign); refused on non-loopback hosts unless settings.allowRemoteEdit */
  setCookie: { tabId: number; cookie: CookieWrite };
  removeCookie: { tabId: number; url: string; name: string; storeId?: string; partitionKey?: PartitionKey };
  /** reply: `secrets` */
  getSecrets: { site: string };
  /** persist=true stores in storage.local (explicit opt-in); otherwise storage.session only */
  setSecrets: { site: string; secrets: SecretEntry[]; persist: boolean };
  /** reply: `settings` */
  getSettings: Record<string, never>;
  setSettings: { patch: Partial<Settings> };
  clearTimeline: { tabId: number };
}

/** Messages the background sends to the panel. */
export interface BackgroundToPanel {
  welcome: { tabId: number; startedAt: number; protocol: number };
  snapshot: TabSnapshot;
  /** new timeline events for the tab, oldest first; `dropped` is the tab's running total */
  events: { tabId: number; events: TimelineEvent[]; dropped: number };
  /** store changes relevant to the tab */
  cookies: { tabId: number; upsert: CookieRecord[]; remove: CookieKey[] };
  /** the tab's complete current finding list (replaces the previous one) */
  findings: { tabId: number; findings: Finding[] };
  /** reply to a request carrying `id` */
  result: { ok: boolean; error?: string };
  secrets: { site: string; secrets: SecretEntry[]; persist: boolean };
  settings: { settings: Settings };
}

/** One cookie write seen by the page hook (untrusted hint). */
export interface ScriptWrite {
  api: 'document.cookie' | 'cookieStore.set' | 'cookieStore.delete';
  /** the assigned cookie string, or `name=value` for CookieStore */
  text: string;
  /** top script URL of the writer's stack ('' when unknown, e.g. inline or eval) */
  scriptUrl: string;
  time: number;
}

/** Messages the content script sends to the background (reply = return value of sendMessage). */
export interface ContentToBackground {
  /** the content script started on a page; reply: BackgroundToContent['findings'] */
  hello: { url: string };
  scriptWrites: { url: string; writes: ScriptWrite[] };
  /** names of cookies document.cookie exposes on the live page (for script-readable-session) */
  readableCookies: { url: string; names: string[] };
  passwordSubmit: { url: string; action: string };
  /** the user switched the badge off for this site from the badge itself */
  disableBadge: { site: string };
}

/** A finding as the in-page badge shows it (no cookie values: the page could read the DOM). */
export interface BadgeItem { rule: string; severity: Finding['severity']; cookieName: string; message: string }

/** Messages the background sends to the content script. */
export interface BackgroundToContent {
  findings: { enabled: boolean; items: BadgeItem[] };
}

/** Extension-page-only debugging (e2e, bench): full background state, refused from content scripts. */
export interface DebugToBackground {
  debugState: { tabId?: number };
}
