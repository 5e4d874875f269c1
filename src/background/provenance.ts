// Tells HTTP-set cookies from script-set ones: a store change is matched to the most recent Set-Cookie
// header or page-script write that names the same cookie (same value, unless it is a deletion) on a host
// the cookie's domain covers. Both browsers' change events carry no tab or cause beyond "explicit".
import type { CookieRecord, Provenance } from '../core/protocol/index.ts';
import { domainMatch } from '../core/cookies/index.ts';
import { MatchIndex } from './match-index.ts';

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

export class ProvenanceTracker {
  /** a change only ever looks at hints that name its cookie and value (hot path) */
  private hints = new MatchIndex<Hint>();
  private count = 0;
  /** called after every new hint (held changes of that name may now be explained) */
  onNote: ((hint: Hint) => void) | null = null;

  constructor(private windowMs: number, private maxHints = 5000) {}

  note(hint: Hint): void {
    const list = this.hints.list(hint.name, hint.value, hint.deletion, true)!;
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
    if (found.list.length === 0) this.hints.drop(cookie.name, cookie.value, removed);
    return { source: hint.via, tabId: hint.tabId >= 0 ? hint.tabId : null, origin: hint.origin };
  }

  private find(cookie: CookieRecord, removed: boolean, time: number): { list: Hint[]; index: number } | null {
    const list = this.hints.list(cookie.name, cookie.value, removed, false);
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
    this.hints.forEachList((list) => { for (const h of list) times.push(h.time); });
    times.sort((a, b) => a - b);
    this.keepFrom(times[times.length - Math.floor(this.maxHints / 2)]);
  }

  private keepFrom(cutoff: number): void {
    this.count = this.hints.retain((h) => h.time >= cutoff);
  }

  get size(): number { return this.count; }
}
