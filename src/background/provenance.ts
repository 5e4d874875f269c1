// Tells HTTP-set cookies from script-set ones: a store change is matched to the most recent Set-Cookie
// header or page-script write that names the same cookie (same value, unless it is a deletion) on a host
// the cookie's domain covers. Both browsers' change events carry no tab or cause beyond "explicit".
import type { CookieRecord, Provenance } from '../core/protocol/index.ts';
import { domainMatch } from '../core/cookies/index.ts';

export interface Hint {
  via: 'http' | 'script' | 'extension';
  time: number;
  /** -1 for the extension's own writes */
  tabId: number;
  host: string;
  name: string;
  value: string;
  deletion: boolean;
  /** response URL or writer script URL */
  origin: string;
}

export interface Attribution { source: Provenance; tabId: number | null; origin?: string }

/** cookie names with (possibly emptied) hint maps before the empty ones are swept */
const MAX_NAMES = 1000;

export class ProvenanceTracker {
  /**
   * hints by name, then by value (sets) or by name alone (deletions): a change only ever looks at hints that
   * name its cookie and value (hot path). Two levels, not one name+value key: a concatenated key of a long
   * session value was built, flattened and hashed for every header and every change.
   */
  private sets = new Map<string, Map<string, Hint[]>>();
  private deletions = new Map<string, Hint[]>();
  private sweepAt = MAX_NAMES;
  private count = 0;
  /** called after every new hint (held changes of that name may now be explained) */
  onNote: ((hint: Hint) => void) | null = null;

  constructor(private windowMs: number, private maxHints = 5000) {}

  note(hint: Hint): void {
    const list = this.listFor(hint.name, hint.value, hint.deletion, true)!;
    list.push(hint);
    if (++this.count > this.maxHints) this.prune(hint.time, true);
    this.onNote?.(hint);
  }

  /** Whether some hint explains the change (without consuming it). */
  explains(cookie: CookieRecord, removed: boolean, time: number): boolean {
    return this.find(cookie, removed, time) !== null;
  }

  /** Finds (and consumes) the hint that best explains a change at `time`. */
  attribute(cookie: CookieRecord, removed: boolean, time: number): Attribution {
    return this.claim(cookie, removed, time) ?? { source: 'unknown', tabId: null };
  }

  /** explains() and attribute() in one lookup: the explaining hint's attribution (consumed), or null. */
  claim(cookie: CookieRecord, removed: boolean, time: number): Attribution | null {
    const found = this.find(cookie, removed, time);
    if (!found) return null;
    const [hint] = found.list.splice(found.index, 1);
    this.count--;
    if (found.list.length === 0) this.dropList(cookie.name, cookie.value, removed);
    return { source: hint.via, tabId: hint.tabId >= 0 ? hint.tabId : null, origin: hint.origin };
  }

  /** The hints of one match key (name + value, or name for deletions); created when `create`. */
  private listFor(name: string, value: string, deletion: boolean, create: boolean): Hint[] | undefined {
    if (deletion) {
      let list = this.deletions.get(name);
      if (!list && create) this.deletions.set(name, list = []);
      return list;
    }
    let byValue = this.sets.get(name);
    if (!byValue) {
      if (!create) return undefined;
      if (this.sets.size >= this.sweepAt) this.sweepEmptyNames();
      this.sets.set(name, byValue = new Map());
    }
    let list = byValue.get(value);
    if (!list && create) byValue.set(value, list = []);
    return list;
  }

  private dropList(name: string, value: string, deletion: boolean): void {
    if (deletion) { this.deletions.delete(name); return; }
    // the name keeps its emptied map: the next header of that name would only build it again (one Map per
    // header); empty ones are swept once there are many names
    this.sets.get(name)?.delete(value);
  }

  private sweepEmptyNames(): void {
    for (const [name, byValue] of this.sets) if (byValue.size === 0) this.sets.delete(name);
    this.sweepAt = Math.max(MAX_NAMES, 2 * this.sets.size); // many live names: no sweep per new name
  }

  private find(cookie: CookieRecord, removed: boolean, time: number): { list: Hint[]; index: number } | null {
    const list = this.listFor(cookie.name, cookie.value, removed, false);
    if (!list) return null;
    let best = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      const h = list[i];
      if (Math.abs(h.time - time) > this.windowMs) continue;
      if (h.host !== cookie.domain && !domainMatch(h.host, cookie.domain)) continue;
      if (best < 0 || Math.abs(h.time - time) < Math.abs(list[best].time - time)) best = i;
    }
    return best < 0 ? null : { list, index: best };
  }

  /** Drops hints too old to explain anything still to come; when full (`hard`), keeps the newest half. */
  prune(now: number, hard = false): void {
    this.keepFrom(now - this.windowMs);
    if (!hard || this.count <= this.maxHints / 2) return;
    const times: number[] = [];
    this.forEachList((list) => { for (const h of list) times.push(h.time); });
    times.sort((a, b) => a - b);
    this.keepFrom(times[times.length - Math.floor(this.maxHints / 2)]);
  }

  private forEachList(fn: (list: Hint[]) => void): void {
    for (const list of this.deletions.values()) fn(list);
    for (const byValue of this.sets.values()) for (const list of byValue.values()) fn(list);
  }

  private keepFrom(cutoff: number): void {
    this.count = 0;
    const keep = <K>(map: Map<K, Hint[]>) => {
      for (const [key, list] of map) {
        const kept = list.filter((h) => h.time >= cutoff);
        if (kept.length) { map.set(key, kept); this.count += kept.length; } else map.delete(key);
      }
    };
    keep(this.deletions);
    for (const [name, byValue] of this.sets) {
      keep(byValue);
      if (byValue.size === 0) this.sets.delete(name);
    }
  }

  get size(): number { return this.count; }
}
