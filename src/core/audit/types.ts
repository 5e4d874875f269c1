// The audit contract: the Finding shape is the public JSON of `sessionscope audit --format json` (issue 3 §3),
// the panel's findings list and the SARIF writer's input.
import type { DecodeInput, DecodeResult } from '../decode/types.ts';
import type { AuditConfig } from './config.ts';
import type { ParsedSetCookie } from '../cookies/index.ts';

export type Severity = 'error' | 'high' | 'medium' | 'low' | 'info';
export type Framework = 'django' | 'flask' | 'express' | 'rails' | 'php' | 'laravel' | 'java' | 'aspnet';

export interface SessionVerdict {
  is: boolean;
  /** why the cookie was (or was not) judged a session cookie, human readable */
  reason: string;
  framework?: Framework;
}

export interface Finding {
  rule: string;
  severity: Severity;
  cookie: { name: string; domain: string; path: string };
  url: string;
  message: string;
  evidence: string;
  fix: string;
  session: { is: boolean; reason: string };
  framework?: Framework;
}

/** A cookie as the browser's store (or our simulated jar) holds it; domain without a leading dot. */
export interface JarCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly?: boolean;
  hostOnly?: boolean;
  partitioned?: boolean;
}

/** Headers as the browser/HAR gives them: a list of pairs or a record (values may be arrays). */
export type HeaderInput = Array<{ name: string; value: string }> | Record<string, string | string[] | undefined>;

export interface ResponseObservation {
  url: string;
  status?: number;
  /** raw Set-Cookie lines; a line may hold several joined by "\n" (Firefox) */
  setCookieHeaders: string[];
  responseHeaders?: HeaderInput;
  /** the store before this response; without it the auditor uses the jar it tracked itself */
  jarBefore?: JarCookie[];
  /** the store after this response (browser truth): Set-Cookies missing from it fire blocked-by-browser */
  storedAfter?: JarCookie[];
  /** cookies the browser itself reported as blocked (e.g. CDP blockedCookies), with its reasons */
  blockedByBrowser?: Array<{ name: string; reasons: string[] }>;
  /** unix seconds; defaults to the current time */
  now?: number;
  /**
   * `parseSetCookie` of each entry of `setCookieHeaders`, when the caller parsed them already (the
   * extension's hot path parses each header once); used only when no entry holds several lines
   */
  parsed?: ParsedSetCookie[];
}

export interface RequestObservation {
  url: string;
  method?: string;
  cookieHeader?: string;
  referer?: string;
  /** form field names of the request body, to recognise a password submission */
  formFields?: string[];
}

export interface ScriptWriteObservation {
  url: string;
  /** what the script assigned to document.cookie, or the CookieStore.set() name/value */
  cookie: string;
  api?: 'document.cookie' | 'cookieStore';
}

export interface ScriptReadObservation {
  url: string;
  /** the content of document.cookie as the content script read it on the live page */
  documentCookie: string;
}

export interface LoginObservation {
  url: string;
  /** cookies sent with the request that submitted the password */
  before: Array<{ name: string; value: string }>;
  /** cookies in the jar once the login response was applied */
  after: Array<{ name: string; value: string }>;
  passwordSubmitted: boolean;
  authChanged: boolean;
}

export interface LogoutObservation {
  url: string;
  cookie: { name: string; value: string; domain?: string; path?: string };
  /** true when the companion or a replay showed the server still accepts the old id */
  stillAccepted?: boolean;
  via?: 'companion' | 'replay';
}

export type DecodeFn = (input: DecodeInput) => Promise<DecodeResult>;

export interface AuditOptions {
  /** extra secrets to verify/decode with (the CLI's --secret) */
  secrets?: string[];
  /** how long a session cookie may live, seconds (Django's SESSION_COOKIE_AGE default) */
  sessionMaxAge?: number;
  /** leave values unmasked in evidence (--show-values) */
  showValues?: boolean;
  /** the decoder dispatcher; without it the decoding rules are skipped */
  decode?: DecodeFn;
  /** noise control, applied to every finding */
  config?: AuditConfig;
  /**
   * queue the decoding rules instead of starting them with the observation: the caller runs them with
   * `decodeSome` in budgeted batches off its hot path (`settle` still runs whatever is queued)
   */
  deferDecoding?: boolean;
}
