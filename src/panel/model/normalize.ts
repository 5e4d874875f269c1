// Untrusted input (ports, companion JSON) is narrowed here; anything unusable is reported, never
// half-stored. Accepts both the panel shape and the browser's cookies-API shape
// (expirationDate, sameSite "no_restriction", partitionKey object) so snapshots can pass straight through.
import type { PanelCookie, PanelFinding, SameSite, Severity, TimelineEvent, TimelineKind } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const SAME_SITE: Record<string, SameSite> = {
  strict: 'strict', lax: 'lax', none: 'none', no_restriction: 'none', unspecified: 'unspecified',
};
const SEVERITIES = new Set<Severity>(['error', 'high', 'medium', 'low', 'info']);
const KINDS = new Set<TimelineKind>(['set-http', 'set-script', 'set-other', 'overwritten', 'key-rotated', 'deleted', 'expired']);

function toPartitionKey(v: unknown): string | null {
  if (typeof v === 'string') return v || null;
  if (isObj(v) && typeof v.topLevelSite === 'string') return v.topLevelSite;
  return null;
}

export function normalizeCookie(v: unknown): PanelCookie | null {
  if (!isObj(v) || typeof v.name !== 'string' || typeof v.domain !== 'string') return null;
  const expires = num(v.expires) ?? num(v.expirationDate);
  const priority = v.priority === 'Low' || v.priority === 'Medium' || v.priority === 'High' ? v.priority : null;
  return {
    name: v.name,
    value: str(v.value),
    domain: v.domain,
    path: str(v.path, '/'),
    expires: v.session === true ? null : expires,
    httpOnly: v.httpOnly === true,
    secure: v.secure === true,
    sameSite: SAME_SITE[str(v.sameSite).toLowerCase()] ?? 'unspecified',
    partitionKey: toPartitionKey(v.partitionKey),
    priority,
    hostOnly: v.hostOnly === true || (v.hostOnly === undefined && !v.domain.startsWith('.')),
    storeId: str(v.storeId, '0'),
    thirdParty: v.thirdParty === true,
    format: typeof v.format === 'string' ? v.format : null,
  };
}

export function normalizeFinding(v: unknown): PanelFinding | null {
  if (!isObj(v) || typeof v.rule !== 'string' || !isObj(v.cookie)) return null;
  const severity = SEVERITIES.has(v.severity as Severity) ? (v.severity as Severity) : 'info';
  const c = v.cookie;
  const session = isObj(v.session)
    ? str(v.session.reason, 'session cookie')
    : typeof v.session === 'string' ? v.session : null;
  return {
    rule: v.rule,
    severity,
    cookie: { name: str(c.name), domain: str(c.domain), path: str(c.path, '/') },
    message: str(v.message, v.rule),
    evidence: typeof v.evidence === 'string' ? v.evidence : undefined,
    fix: typeof v.fix === 'string' ? v.fix : undefined,
    session,
  };
}

/** Turns one protocol timeline event into a panel row; request events are too noisy to list. */
export function normalizeEvent(v: unknown): TimelineEvent | null {
  if (!isObj(v) || typeof v.kind !== 'string') return null;
  const at = num(v.time) ?? num(v.at);
  if (at === null) return null;
  const id = String(num(v.seq) ?? v.id ?? at);
  if (v.kind === 'change') return changeRow(v, id, at);
  const name = str(v.name);
  const base = { id, at, name, domain: '', path: '/', value: null };
  switch (v.kind) {
    case 'set-cookie': return { ...base, kind: 'set-cookie-header', source: str(v.url), detail: str(v.header) };
    case 'script-write': return { ...base, kind: 'script-write', source: str(v.scriptUrl), detail: str(v.text) };
    case 'blocked': return { ...base, kind: 'blocked', source: str(v.url), detail: `${str(v.reason)} — ${str(v.header)}` };
    case 'login': return { ...base, kind: 'login', source: str(v.pageUrl), detail: `password form → ${str(v.action)}` };
    case 'navigation': return { ...base, kind: 'navigation', source: str(v.url), detail: null };
    default: return KINDS.has(v.kind as TimelineKind) ? { ...base, kind: v.kind as TimelineKind, domain: str(v.domain), value: typeof v.value === 'string' ? v.value : null } : null;
  }
}

function changeRow(v: Obj, id: string, at: number): TimelineEvent | null {
  // hot path (tens of thousands of events per snapshot): read the four fields, not a full cookie
  const c = v.cookie;
  if (!isObj(c) || typeof c.name !== 'string' || typeof c.domain !== 'string') return null;
  const cookie = { name: c.name, domain: c.domain, path: str(c.path, '/'), value: str(c.value) };
  const cause = str(v.cause);
  let kind: TimelineKind;
  if (v.removed === true) {
    // expired_overwrite is a server deleting the cookie (a past Expires / Max-Age=0): a deletion, not ageing out
    kind = cause === 'expired' ? 'expired' : cause === 'overwrite' ? 'replaced' : 'deleted';
  } else {
    kind = v.source === 'http' ? 'set-http' : v.source === 'script' ? 'set-script' : 'set-other';
  }
  return {
    id, at, kind, name: cookie.name, domain: cookie.domain, path: cookie.path,
    value: v.removed === true ? null : cookie.value,
    previousValue: v.removed === true ? cookie.value : null,
    source: typeof v.origin === 'string' ? v.origin : null,
    detail: cause || null,
  };
}

const LISTED_OTHER = new Set(['set-cookie', 'script-write', 'blocked', 'login', 'navigation']);

/**
 * Whether a raw event becomes a timeline row of its own, decided without building it (the tab label counts
 * tens of thousands): request events are not listed, and an overwrite's removal merges into the set after it.
 */
export function isTimelineRow(v: unknown): boolean {
  if (!isObj(v) || typeof v.kind !== 'string') return false;
  if (v.kind === 'change') return !(v.removed === true && v.cause === 'overwrite');
  return LISTED_OTHER.has(v.kind) || KINDS.has(v.kind as TimelineKind);
}

/** Maps a list through a normaliser, counting what had to be rejected. */
export function normalizeList<T>(v: unknown, fn: (item: unknown) => T | null): { items: T[]; rejected: number } {
  if (!Array.isArray(v)) return { items: [], rejected: v === undefined ? 0 : 1 };
  const items: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const item = fn(v[i]);
    if (item) items.push(item);
  }
  return { items, rejected: v.length - items.length };
}
