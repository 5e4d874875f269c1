// Chrome's per-domain cookie limit (CookieMonster::GarbageCollect): over 180 cookies for one eTLD+1, it purges
// down to 150, least recently used first, in priority/secure rounds that protect a quota per priority.
// Round order and quotas were confirmed by the differential test (evict-* cases).
import { registrableDomain } from './hosts.ts';
import type { CookiePriority, StoredCookie } from './types.ts';

export const DOMAIN_MAX_COOKIES = 180;
export const DOMAIN_PURGE_TARGET = 150;
const QUOTA: Record<CookiePriority, number> = { low: 30, medium: 50, high: 70 };
const ROUNDS: [CookiePriority, boolean][] = [
  ['low', true], ['low', false], ['medium', true], ['high', true], ['medium', false], ['high', false],
];

/** The bucket a cookie counts against: its registrable domain (or its domain), per partition. */
export function evictionKey(cookie: StoredCookie): string {
  return `${cookie.partitionKey?.topLevelSite ?? ''} ${registrableDomain(cookie.domain) ?? cookie.domain}`;
}

const lastUsed = (c: StoredCookie): number => c.lastAccess ?? c.creationTime;

function purgeRound(bucket: StoredCookie[], priority: CookiePriority, protectSecure: boolean, goal: number): Set<StoredCookie> {
  const atPriority = bucket.filter((c) => c.priority === priority);
  if (atPriority.length <= QUOTA[priority]) return new Set();
  let possible = atPriority.length - QUOTA[priority];
  const eligible = protectSecure ? atPriority.filter((c) => !c.secure) : atPriority;
  possible = Math.min(possible, eligible.length, goal);
  return new Set(eligible.slice(0, possible));
}

/**
 * Applies the limit to the bucket of `touched` after it was stored. Returns the new jar and the cookies
 * evicted (expired cookies of the bucket are dropped first, as Chrome does, and are not reported).
 */
export function evictCookies(jar: readonly StoredCookie[], touched: StoredCookie, now: number): { jar: StoredCookie[]; evicted: StoredCookie[] } {
  if (jar.length <= DOMAIN_MAX_COOKIES) return { jar: [...jar], evicted: [] };
  const key = evictionKey(touched);
  const inBucket = jar.filter((c) => evictionKey(c) === key);
  if (inBucket.length <= DOMAIN_MAX_COOKIES) return { jar: [...jar], evicted: [] };
  const live = inBucket.filter((c) => c.expiresAt === null || c.expiresAt > now);
  // stable sort keeps jar (insertion) order between cookies used at the same instant
  let bucket = live.map((c, i) => ({ c, i })).sort((a, b) => lastUsed(a.c) - lastUsed(b.c) || a.i - b.i).map((x) => x.c);
  const evicted: StoredCookie[] = [];
  let goal = bucket.length > DOMAIN_MAX_COOKIES ? bucket.length - DOMAIN_PURGE_TARGET : 0;
  for (const [priority, protectSecure] of ROUNDS) {
    if (goal <= 0) break;
    const gone = purgeRound(bucket, priority, protectSecure, goal);
    bucket = bucket.filter((c) => !gone.has(c));
    evicted.push(...gone);
    goal -= gone.size;
  }
  const dropped = new Set([...inBucket.filter((c) => !live.includes(c)), ...evicted]);
  return { jar: jar.filter((c) => !dropped.has(c)), evicted };
}
