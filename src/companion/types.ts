// Public contract of the companion server (stable: the inspection API, demo app and attach mode build on it).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PyValue } from './py/value.ts';
import type { SessionBase } from './engine/session-base.ts';
import type { CacheStore } from './backends/cache-store.ts';

export type Engine = 'db' | 'cache' | 'cached_db' | 'file' | 'signed_cookies';
export const ENGINES: readonly Engine[] = ['db', 'cache', 'cached_db', 'file', 'signed_cookies'];
export type DjangoVersion = '3.2' | '4.2' | '5.2';

/** Django's SESSION_* settings (Django names and defaults, see settings.ts) plus the few others sessions use. */
export interface SessionSettings {
  SECRET_KEY: string;
  SESSION_ENGINE: Engine;
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_AGE: number;
  SESSION_COOKIE_DOMAIN: string | null;
  SESSION_COOKIE_PATH: string;
  SESSION_COOKIE_SECURE: boolean;
  SESSION_COOKIE_HTTPONLY: boolean;
  /** null = no SameSite attribute */
  SESSION_COOKIE_SAMESITE: string | null;
  SESSION_SAVE_EVERY_REQUEST: boolean;
  SESSION_EXPIRE_AT_BROWSER_CLOSE: boolean;
  SESSION_CACHE_ALIAS: string;
  /** null = the OS temp dir, as Django */
  SESSION_FILE_PATH: string | null;
  SESSION_SERIALIZER: 'json' | 'pickle';
}

export type ChangeType = 'created' | 'modified' | 'cycled' | 'flushed' | 'expired' | 'cleared' | 'deleted';
export interface ChangeEvent {
  type: ChangeType;
  engine: Engine;
  /** the session key (signed_cookies: the new cookie value; null when there is none) */
  key: string | null;
  previousKey?: string | null;
  /** unix seconds (the site's clock, which fault injection may shift) */
  at: number;
}

export interface ChangeEvents {
  on(event: 'change', listener: (e: ChangeEvent) => void): unknown;
  off(event: 'change', listener: (e: ChangeEvent) => void): unknown;
}

/** A shiftable clock: every expiry decision of a site reads it. */
export interface Clock {
  /** unix seconds, fractional */
  now(): number;
  shift(seconds: number): void;
  offset(): number;
}

export interface CompanionRequest {
  method: string;
  /** path without the query string, percent-decoding NOT applied */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Django's parse_cookie result: last duplicate wins */
  cookies: Map<string, string>;
  body: Uint8Array;
  site: Site;
  /** set while a handler runs inside the session middleware (request.session) */
  session?: SessionBase;
  /** the raw Node objects, for streaming handlers (SSE); return HANDLED after writing yourself */
  raw: { req: IncomingMessage; res: ServerResponse };
}

export interface CompanionResponse {
  status: number;
  headers: [string, string][];
  body: string | Uint8Array;
}

export const HANDLED = Symbol('handled');
/** A route handler: a response, null to fall through to the next route, or HANDLED when it wrote `raw.res` itself. */
export type RouteHandler = (req: CompanionRequest) => Promise<CompanionResponse | null | typeof HANDLED>;
/** Runs before routing on every request; return a response to refuse it (security checks), null to go on. */
export type BeforeRouteHook = (req: CompanionRequest) => Promise<CompanionResponse | null> | CompanionResponse | null;

export interface StoreInspection {
  status: number;
  /** exactly the reference app's GET /store/<key> body */
  body: PyValue;
}

export interface Site {
  engine: Engine;
  /** Host name routed to this site (e.g. db.localhost); single-backend mode: 127.0.0.1 */
  host: string;
  url: string;
  django: DjangoVersion;
  settings: SessionSettings;
  clock: Clock;
  events: ChangeEvents;
  /** storage details for display: table/database, cache location, directory */
  store: { kind: Engine; location: string; cacheBackend?: string };
  /** the cache behind cache / cached_db (fault injection: clear = restart, delete = evict) */
  cache?: CacheStore;
  /** Routes under `prefix` handled before the playground routes (e.g. '/__sessionscope/', '/demo/'). */
  mount(prefix: string, handler: RouteHandler): void;
  /** a fresh SessionStore of this site's engine (Django: SessionStore(session_key)) */
  openSession(key: string | null): SessionBase;
  /** runs `handler` with req.session set and applies SessionMiddleware's response logic */
  withSession(req: CompanionRequest, handler: (req: CompanionRequest) => Promise<CompanionResponse>): Promise<CompanionResponse>;
  /** read-only view of what the backend stores for `key` (GET /store/<key>) */
  inspect(key: string): Promise<StoreInspection>;
  /** manage.py clearsessions for this site's engine */
  clearExpired(): Promise<void>;
  /** every stored session key (db rows, session files, cache entries); [] for signed_cookies */
  listKeys(): Promise<string[]>;
}

export interface SiteOptions {
  engine: Engine;
  host?: string;
  django?: DjangoVersion;
  settings?: Partial<SessionSettings>;
  /** redis://… for cache / cached_db (default: in-process LocMem cache) */
  redis?: string;
  /** SQLite file path or postgres:// URL for db / cached_db (default: <dataDir>/db.sqlite3) */
  database?: string;
}

export interface CompanionOptions {
  sites: SiteOptions[];
  /** 0 = a free port */
  port?: number;
  /** bind address; loopback unless explicitly told otherwise */
  bindHost?: string;
  /** SQLite database and session files live here (default: a fresh temp dir, removed on close) */
  dataDir?: string;
  /** request log on stderr unless quiet */
  quiet?: boolean;
  /** where warnings (Session data corrupted, 500/400 causes) and the request log go; default stderr */
  logger?: (line: string) => void;
  beforeRoute?: BeforeRouteHook;
}

export interface CompanionServer {
  url: string;
  port: number;
  sites: Site[];
  /** all sites' store changes */
  events: ChangeEvents;
  /** add a security/logging hook after start */
  addBeforeRoute(hook: BeforeRouteHook): void;
  close(): Promise<void>;
}

export type HttpHandlerResult = CompanionResponse | typeof HANDLED;
