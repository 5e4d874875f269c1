// The small interfaces the background and content script need from the browser. `webext/` implements
// them over the real APIs, `memory/` fakes them for unit tests; nothing outside src/platform sees
// chrome.* or browser.*.
import type { ChangeCause, CookieRecord, CookieWrite, PartitionKey } from '../core/protocol/index.ts';

/** A request's Cookie header (onBeforeSendHeaders), reduced to what the pipeline needs. */
export interface RequestRecord {
  tabId: number; frameId: number; url: string; method: string; type: string; time: number;
  cookieHeader: string | null;
}

/** A response's Set-Cookie headers (onHeadersReceived): always one string per cookie line. */
export interface ResponseRecord {
  tabId: number; frameId: number; url: string; method: string; type: string; statusCode: number; time: number;
  setCookies: string[];
  /** the response carried Strict-Transport-Security */
  hsts: boolean;
}

export interface CookieChange { removed: boolean; cookie: CookieRecord; cause: ChangeCause; time: number }

export interface CookieFilter { url?: string; domain?: string; name?: string }

export interface CookiesPort {
  /** every store, partitioned cookies included */
  getAll(filter: CookieFilter): Promise<CookieRecord[]>;
  set(write: CookieWrite): Promise<CookieRecord | null>;
  remove(details: { url: string; name: string; storeId?: string; partitionKey?: PartitionKey }): Promise<void>;
  onChanged(listener: (change: CookieChange) => void): void;
}

export interface TrafficPort {
  onRequest(listener: (r: RequestRecord) => void): void;
  onResponse(listener: (r: ResponseRecord) => void): void;
}

export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Who sent a runtime message or opened a port, as the browser reports it (never as the sender claims). */
export interface Sender { id?: string; url?: string; origin?: string; tabId?: number; frameId?: number; tabUrl?: string }

export interface PortLike {
  name: string;
  sender?: Sender;
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
}

export interface MessagingPort {
  /** this extension's id and page origin (chrome-extension://id or moz-extension://uuid) */
  readonly runtimeId: string;
  readonly extensionOrigin: string;
  /** the handler's resolved value is the reply; undefined = not handled */
  onMessage(handler: (message: unknown, sender: Sender) => Promise<unknown> | undefined): void;
  onConnect(listener: (port: PortLike) => void): void;
  sendToTab(tabId: number, message: unknown): Promise<void>;
}

export interface TabsPort {
  onRemoved(listener: (tabId: number) => void): void;
  /** top-frame URL changes */
  onNavigated(listener: (tabId: number, url: string) => void): void;
  getUrl(tabId: number): Promise<string | null>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Everything the background needs, injected. */
export interface BackgroundPlatform {
  cookies: CookiesPort;
  traffic: TrafficPort;
  session: KeyValueArea;
  local: KeyValueArea;
  messaging: MessagingPort;
  tabs: TabsPort;
  clock: Clock;
}

/** What the content script's isolated world needs. */
export interface ContentPlatform {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage(listener: (message: unknown) => void): void;
}
