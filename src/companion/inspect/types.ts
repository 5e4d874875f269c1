// What the /__sessionscope/ routes need from a store (docs/companion-api.md). Live engines and attached
// (read-only) Django stores both implement InspectTarget, so the routes never care which one they talk to.
import type { Json } from '../../core/protocol/index.ts';

export interface SessionView {
  engine: string;
  found: boolean;
  key: string;
  record: Json | null;
  decoded: Json | null;
  expiresAt: number | null;
  expired: boolean | null;
  location: string | null;
  error?: string;
}

export interface SessionSummary { key: string; expiresAt: number | null; expired: boolean | null; location: string | null }

export interface SessionListing {
  engine: string;
  count: number;
  truncated: boolean;
  sessions: SessionSummary[];
  serverSide?: boolean;
}

export type AcceptReason =
  | 'stored session is live' | 'no stored session with this key' | 'stored session has expired' | 'invalid key'
  | 'signature valid and not expired' | 'bad signature' | 'signature expired';

export interface Acceptance { engine: string; key: string; accepted: boolean; reason: AcceptReason }

/** `evicted` (cache entries dropped by fault injection, key null = all) and `clock-shifted` (every expiry moved, key null)
 * come from fault injection, so that watchers refetch what they show. */
export type StoreChangeType = 'created' | 'modified' | 'cycled' | 'flushed' | 'expired' | 'cleared' | 'deleted' | 'evicted' | 'clock-shifted';
export interface StoreChange { type: StoreChangeType; engine: string; key: string | null; previousKey?: string | null; at: number }

export type Fault =
  | { action: 'restart-cache' }
  | { action: 'evict'; key: string }
  | { action: 'shift-clock'; seconds: number };

export interface SiteInfo { engine: string; host: string; url: string; djangoVersion: string; cookieName: string; readOnly: boolean }

export interface InspectTarget {
  readonly site: SiteInfo;
  inspect(key: string): Promise<SessionView>;
  list(limit: number): Promise<SessionListing>;
  accepted(key: string): Promise<Acceptance>;
  /** absent on read-only (attached) stores */
  clearSessions?(): Promise<{ removed: number | null }>;
  fault?(fault: Fault): Promise<{ [key: string]: Json }>;
  /** returns an unsubscribe function */
  subscribe?(listener: (change: StoreChange) => void): () => void;
  close?(): Promise<void>;
}

/** A store failure the routes turn into 503 with a clear message (e.g. Redis down). */
export class StoreUnavailableError extends Error {}
/** A request the store cannot honour (e.g. evict on an engine without a cache): 400. */
export class BadRequestError extends Error {}
