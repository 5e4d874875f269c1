// Shapes that cross every boundary (ports, runtime messages, storage.session). JSON-only on purpose:
// they must survive structured cloning in Chrome and Firefox and a JSON round trip through storage.

/** Chrome's partition key: the top-level site of a CHIPS cookie (Firefox reports the same field). */
export interface PartitionKey { topLevelSite?: string; hasCrossSiteAncestor?: boolean }

export type SameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

/** One cookie as the browser's store holds it (cookies.getAll / onChanged), plus derived fields. */
export interface CookieRecord {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
  /** true when the cookie has no expiry (a browser-session cookie) */
  session: boolean;
  /** unix seconds, absent for session cookies */
  expirationDate?: number;
  storeId: string;
  partitionKey?: PartitionKey;
  /** name.length + value.length in bytes, as DevTools shows it */
  size: number;
}

/** The identity of a cookie in the store: two records with equal keys are versions of one cookie. */
export interface CookieKey { name: string; domain: string; path: string; storeId: string; partitionSite?: string }

/** Who wrote a cookie, as far as the background could tell. */
export type Provenance = 'http' | 'script' | 'extension' | 'unknown';

export type ChangeCause = 'explicit' | 'overwrite' | 'expired' | 'expired_overwrite' | 'evicted';

export type Severity = 'error' | 'high' | 'medium' | 'low' | 'info';

/** A finding, in the same JSON shape the CLI prints (`sessionscope audit --format json`). */
export interface Finding {
  rule: string;
  severity: Severity;
  cookie: { name: string; domain: string; path: string };
  url?: string;
  message: string;
  evidence?: string;
  fix?: string;
  session?: { is: boolean; reason?: string };
  /** the framework the cookie was attributed to (django, flask, express, rails, php, …) */
  framework?: string;
}

interface EventBase {
  /** per-tab, strictly increasing, survives worker restarts: panels resume with `since` */
  seq: number;
  /** ms since epoch */
  time: number;
  tabId: number;
}

/** A request carried a Cookie header. */
export interface RequestEvent extends EventBase {
  kind: 'request';
  url: string; method: string; frameId: number; type?: string;
  cookieNames: string[];
  headerBytes: number;
}

/** A response carried Set-Cookie headers (one event per header line). */
export interface SetCookieHeaderEvent extends EventBase {
  kind: 'set-cookie';
  url: string; method: string; status: number; frameId: number;
  header: string;
  name: string;
}

/** The browser's store changed. */
export interface CookieChangeEvent extends EventBase {
  kind: 'change';
  cookie: CookieRecord;
  removed: boolean;
  cause: ChangeCause;
  source: Provenance;
  /** the response URL (http) or the top script URL (script) that caused it, when known */
  origin?: string;
}

/** The page wrote document.cookie or called CookieStore (reported by the content script: a hint). */
export interface ScriptWriteEvent extends EventBase {
  kind: 'script-write';
  api: 'document.cookie' | 'cookieStore.set' | 'cookieStore.delete';
  name: string;
  text: string;
  scriptUrl: string;
  pageUrl: string;
}

/** A Set-Cookie header the browser did not store. */
export interface BlockedEvent extends EventBase {
  kind: 'blocked';
  url: string;
  header: string;
  name: string;
  reason: string;
}

/** A password form was submitted in the page (login attempt). */
export interface LoginEvent extends EventBase {
  kind: 'login';
  pageUrl: string;
  action: string;
}

/** The tab navigated its top frame. */
export interface NavigationEvent extends EventBase {
  kind: 'navigation';
  url: string;
}

export type TimelineEvent =
  | RequestEvent | SetCookieHeaderEvent | CookieChangeEvent | ScriptWriteEvent | BlockedEvent | LoginEvent | NavigationEvent;

export type TimelineEventKind = TimelineEvent['kind'];

/** A timeline event before the buffer gives it a sequence number. */
export type NewTimelineEvent = TimelineEvent extends infer E ? (E extends TimelineEvent ? Omit<E, 'seq'> : never) : never;

export type SecretKind = 'django' | 'flask' | 'rails' | 'express' | 'jwt' | 'generic';

/** A developer's dev secret for one site. Never synced, never sent off the machine. */
export interface SecretEntry { kind: SecretKind; value: string; label?: string }

export interface Settings {
  /** events kept per tab before the oldest are dropped */
  timelineLimit: number;
  /** in-page badge on/off everywhere */
  badgeEnabled: boolean;
  /** hosts where the in-page badge is off */
  badgeDisabledSites: string[];
  /** base URL of the companion server (loopback only) */
  companionUrl: string;
  /** edit-and-re-sign may set cookies on non-loopback hosts (off by default) */
  allowRemoteEdit: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  timelineLimit: 5000,
  badgeEnabled: true,
  badgeDisabledSites: [],
  companionUrl: 'http://localhost:8765',
  allowRemoteEdit: false,
};

/** Limits the guards enforce on untrusted input (content script hints, panel requests). */
export const LIMITS = {
  timelineLimitMin: 100,
  timelineLimitMax: 100_000,
  textBytes: 8192,
  urlBytes: 4096,
  namesPerReport: 500,
  writesPerBatch: 100,
  secretsPerSite: 20,
  secretBytes: 4096,
} as const;
