// The decoder contract shared by every format, the CLI (`decode --jsonl`), the audit engine and the panel.
import type { Json } from '../protocol/index.ts';

export type Format = 'django' | 'flask' | 'express-session' | 'cookie-session' | 'rails' | 'jwt' | 'php' | 'unknown';
export type SignatureStatus = 'valid' | 'invalid' | 'unverified' | 'not-applicable';

export interface CompanionCookie { name: string; value: string }

export interface DecodeInput {
  /** cookie text exactly as sent (may still be percent-encoded or quoted) */
  value: string;
  name?: string;
  /** candidate secrets/keys; several means rotation: valid if any verifies */
  secrets?: string[];
  salt?: string;
  keyPrefix?: string;
  purpose?: string;
  /** seconds; overrides the format's default max age */
  maxAge?: number;
  /** unix seconds; defaults to the current time */
  now?: number;
  companion?: CompanionCookie[];
  /** a hint such as `django` or `php-session`; unknown hints are ignored */
  format?: string;
  /**
   * server-side data behind an opaque id (e.g. a PHP `sess_<id>` file): text and/or base64 of the raw bytes.
   * Other fields follow the vectors' `serverRecord` (Django `sessionData`, cache `valueBase64` + `valueEncoding`).
   */
  serverRecord?: { content?: string | null; contentBase64?: string | null; [field: string]: Json | undefined };
}

export interface DecodeResult {
  format: Format;
  /** sub-format, e.g. `signed_cookies-session`, `messages-cookie`, `encrypted-session-cookie` */
  kind?: string;
  payload: Json | null;
  signature: SignatureStatus;
  compressed: boolean | null;
  timestamp: number | null;
  expired: boolean | null;
  expiresAt?: number | null;
  /** JWT: the decoded JOSE header */
  header?: Json;
  /** Rails: the `_rails` metadata of the value, `{exp, pur}`, or null when there is none / it cannot be read */
  envelope?: Json | null;
  /** index into `secrets` of the secret that verified */
  secretIndex?: number | null;
  /** salt / purpose / algorithm that verified, when the decoder had to search for it */
  matched?: Record<string, string>;
  /** why this format was chosen (detection evidence), human readable */
  reasons: string[];
  /** raw parts for display: payload segment, timestamp segment, signature, header … */
  parts?: Record<string, string>;
  error?: string;
}
