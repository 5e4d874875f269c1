// Pure reducers for a receiver of the background's stream (the panel, tests): merge incremental
// events and cookie deltas into held state without duplicates, whatever order reconnects cause.
import { cookieKeyOf, cookieKeyString, type CookieKey, type CookieRecord, type TimelineEvent } from '../protocol/index.ts';

/** Merges `incoming` into `held` (both oldest first) by seq, keeping at most the newest `limit`. */
export function mergeEvents(held: readonly TimelineEvent[], incoming: readonly TimelineEvent[], limit: number): TimelineEvent[] {
  if (incoming.length === 0) return held.length > limit ? held.slice(held.length - limit) : held.slice();
  const lastHeld = held.length ? held[held.length - 1].seq : 0;
  let merged: TimelineEvent[];
  if (incoming[0].seq > lastHeld) {
    merged = held.concat(incoming);
  } else {
    const bySeq = new Map<number, TimelineEvent>();
    for (const e of held) bySeq.set(e.seq, e);
    for (const e of incoming) bySeq.set(e.seq, e);
    merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/** Applies a cookie delta to a keyed jar (returns a new Map; the input is untouched). */
export function applyCookieDelta(
  jar: ReadonlyMap<string, CookieRecord>, upsert: readonly CookieRecord[], remove: readonly CookieKey[],
): Map<string, CookieRecord> {
  const next = new Map(jar);
  for (const key of remove) next.delete(cookieKeyString(key));
  for (const c of upsert) next.set(cookieKeyString(cookieKeyOf(c)), c);
  return next;
}

/** The versions of one cookie in a timeline, oldest first (the panel's per-cookie history). */
export function historyOf(events: readonly TimelineEvent[], key: CookieKey): TimelineEvent[] {
  const wanted = cookieKeyString(key);
  return events.filter((e) => e.kind === 'change' && cookieKeyString(cookieKeyOf(e.cookie)) === wanted);
}
