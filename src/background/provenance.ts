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

export class ProvenanceTracker {
  /** hints by cookie name: a change only ever looks at hints for its own name (hot path) */
  private byName = new Map<string, Hint[]>();
  private count = 0;
  /** called after every new hint (held changes may now be explained) */
  onNote: (() => void) | null = null;

  constructor(private windowMs: number, private maxHints = 5000) {}

  note(hint: Hint): void {
    const list = this.byName.get(hint.name);
    if (list) list.push(hint); else this.byName.set(hint.name, [hint]);
    if (++this.count > this.maxHints) this.prune(hint.time, true);
    this.onNote?.();
  }

  /** Whether some hint explains the change (without consuming it). */
  explains(cookie: CookieRecord, removed: boolean, time: number): boolean {
    return this.find(cookie, removed, time) >= 0;
  }

  /** Finds (and consumes) the hint that best explains a change at `time`. */
  attribute(cookie: CookieRecord, removed: boolean, time: number): Attribution {
    const best = this.find(cookie, removed, time);
    if (best < 0) return { source: 'unknown', tabId: null };
    const list = this.byName.get(cookie.name)!;
    const [hint] = list.splice(best, 1);
    this.count--;
    if (list.length === 0) this.byName.delete(cookie.name);
    return { source: hint.via, tabId: hint.tabId >= 0 ? hint.tabId : null, origin: hint.origin };
  }

  private find(cookie: CookieRecord, removed: boolean, time: number): number {
    const list = this.byName.get(cookie.name);
    if (!list) return -1;
    let best = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      const h = list[i];
      if (Math.abs(h.time - time) > this.windowMs || h.deletion !== removed) continue;
      if (!removed && h.value !== cookie.value) continue;
      if (!domainMatch(h.host, cookie.domain) && h.host !== cookie.domain) continue;
      if (best < 0 || Math.abs(h.time - time) < Math.abs(list[best].time - time)) best = i;
    }
    return best;
  }

  /** Drops hints too old to explain anything still to come; when full (`hard`), keeps the newest half. */
  prune(now: number, hard = false): void {
    this.keepFrom(now - this.windowMs);
    if (!hard || this.count <= this.maxHints / 2) return;
    const times = [...this.byName.values()].flatMap((l) => l.map((h) => h.time)).sort((a, b) => a - b);
    this.keepFrom(times[times.length - Math.floor(this.maxHints / 2)]);
  }

  private keepFrom(cutoff: number): void {
    this.count = 0;
    for (const [name, list] of this.byName) {
      const kept = list.filter((h) => h.time >= cutoff);
      if (kept.length) { this.byName.set(name, kept); this.count += kept.length; } else this.byName.delete(name);
    }
  }

  get size(): number { return this.count; }
}
