// Panel-side view of what the background and the companion report. Kept JSON-only so the same
// shapes travel over ports, storage.session and the memory transport used by tests.
import type { DecodeResult } from '../../core/decode/types.ts';
import type { Json, SecretEntry } from '../../core/protocol/index.ts';

export type { SecretEntry };

export type SameSite = 'strict' | 'lax' | 'none' | 'unspecified';
export type Severity = 'error' | 'high' | 'medium' | 'low' | 'info';

export interface PanelCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** unix seconds; null for a browser-session cookie */
  expires: number | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: SameSite;
  partitionKey: string | null;
  priority: 'Low' | 'Medium' | 'High' | null;
  hostOnly: boolean;
  storeId: string;
  /** cookie's site differs from the inspected page's site */
  thirdParty: boolean;
  /** detected session format (cheap detection by the background or the panel) */
  format?: string | null;
}

/** Store changes first; the rest are context rows (headers, blocked sets, logins, navigations). */
export type TimelineKind =
  | 'set-http' | 'set-script' | 'set-other' | 'overwritten' | 'key-rotated' | 'deleted' | 'expired'
  | 'replaced' | 'set-cookie-header' | 'script-write' | 'blocked' | 'login' | 'navigation';

export interface TimelineEvent {
  id: string;
  /** epoch milliseconds */
  at: number;
  kind: TimelineKind;
  name: string;
  domain: string;
  path: string;
  value: string | null;
  previousValue?: string | null;
  /** response URL or script URL that made the change */
  source?: string | null;
  /** header text, block reason, page URL … */
  detail?: string | null;
}

export interface PanelFinding {
  rule: string;
  severity: Severity;
  cookie: { name: string; domain: string; path: string };
  message: string;
  evidence?: string;
  fix?: string;
  /** why the cookie counts as a session cookie, when it does */
  session?: string | null;
}

export interface SiteSecrets {
  /** Django SECRET_KEY, Rails secret_key_base, express secret, JWT key … (several = rotation) */
  secrets: SecretEntry[];
  persist: boolean;
}

export interface ServerRecord {
  host: string;
  key: string;
  found: boolean;
  engine: string | null;
  data: Json | null;
  /** the stored record as the backend holds it (row, file, cache entry …) */
  record: Json | null;
  location: string | null;
  /** unix seconds */
  expiresAt: number | null;
  expired: boolean;
  fetchedAt: number;
  error?: string;
}

export interface DecodedEntry {
  value: string;
  secretsKey: string;
  result: DecodeResult;
}

export function cookieId(c: { name: string; domain: string; path: string; partitionKey?: string | null; storeId?: string }): string {
  return `${c.storeId ?? ''}\u0000${c.partitionKey ?? ''}\u0000${c.domain}\u0000${c.path}\u0000${c.name}`;
}
