// The cookie model's public types. Field names follow chrome.cookies.Cookie where one exists, so the
// extension can compare a prediction with what the browser reports without a mapping table.

/** SameSite as written in the header, normalised. 'invalid' = present with an unknown value (treated as unspecified). */
export type ParsedSameSite = 'strict' | 'lax' | 'none' | 'unspecified' | 'invalid';

/** chrome.cookies.SameSiteStatus vocabulary: 'no_restriction' is SameSite=None. */
export type SameSiteStatus = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

export type CookiePriority = 'low' | 'medium' | 'high';

export interface RawAttribute {
  /** The attribute name exactly as written (trimmed). */
  name: string;
  value: string;
}

export interface ParsedSetCookie {
  /** The header line after an optional `Set-Cookie:` prefix was removed. */
  header: string;
  name: string;
  value: string;
  /** True when the name-value pair had no `=`: the browser stores it with an empty name. */
  nameless: boolean;
  attributes: RawAttribute[];
  /** Effective attribute values keyed by lower-case name (last one wins, oversize ones skipped). */
  effective: Record<string, string>;
  /** Raw Expires text, if an effective Expires attribute was present. */
  expiresRaw?: string;
  /** Parsed Expires as unix ms; null when present but unparseable; undefined when absent. */
  expires?: number | null;
  /** Max-Age in seconds when present and numeric (saturated to safe integers). */
  maxAge?: number;
  /** Domain attribute with one leading dot stripped and lower-cased; undefined when absent or empty. */
  domain?: string;
  path?: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: ParsedSameSite;
  sameSiteRaw?: string;
  partitioned: boolean;
  priority: CookiePriority;
  /** Human-readable problem codes, e.g. 'control-character', 'nameless', 'attribute-oversize:path'. */
  problems: string[];
}

export interface CookiePartitionKey {
  /** Scheme + registrable domain of the top-level page, e.g. "https://example.com". */
  topLevelSite: string;
  hasCrossSiteAncestor: boolean;
}

export interface StoredCookie {
  name: string;
  value: string;
  /** Host for host-only cookies, otherwise the Domain attribute without a leading dot. */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSiteStatus;
  partitioned: boolean;
  partitionKey?: CookiePartitionKey;
  /** Unix ms; null for a session cookie (deleted when the browser closes). */
  expiresAt: number | null;
  creationTime: number;
  lastAccess?: number;
  priority: CookiePriority;
}

/**
 * Why a Set-Cookie was rejected. Names match Chrome's CDP Network.SetCookieBlockedReason. Chrome rejects a
 * few more without any CDP name (CDP then reports nothing): InvalidPartitioned (Partitioned without Secure
 * or from an insecure origin), NamelessValueWithEquals (`=a=b`), and, for script writes, HttpOnly and
 * OverwriteHttpOnly.
 */
export type ExclusionReason =
  | 'SecureOnly' | 'SameSiteNoneInsecure' | 'InvalidDomain' | 'InvalidPrefix' | 'OverwriteSecure'
  | 'NameValuePairExceedsMaxSize' | 'DisallowedCharacter' | 'NoCookieContent' | 'SyntaxError'
  | 'SchemeNotSupported' | 'UserPreferences' | 'SameSiteStrict' | 'SameSiteLax' | 'SameSiteUnspecifiedTreatedAsLax'
  | 'SchemefulSameSiteStrict' | 'SchemefulSameSiteLax' | 'SchemefulSameSiteUnspecifiedTreatedAsLax'
  | 'InvalidPartitioned' | 'NamelessValueWithEquals' | 'HttpOnly' | 'OverwriteHttpOnly';

export type CookieAction = 'stored' | 'updated' | 'deleted' | 'rejected';

export interface CookieDecision {
  /** 'deleted' also covers an already-expired cookie that had nothing to delete (previous is then undefined). */
  action: CookieAction;
  cookie?: StoredCookie;
  previous?: StoredCookie;
  /** Cookies the browser dropped to stay within 180 per site (least recently used first). */
  evicted?: StoredCookie[];
  reasons: ExclusionReason[];
  /** Non-fatal notes: 'expiry-capped-400-days', 'attribute-oversize:…', 'samesite-invalid', … */
  warnings: string[];
  header: string;
  parsed: ParsedSetCookie;
}
