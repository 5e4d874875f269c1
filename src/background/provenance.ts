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
  private hints: Hint[] = [];
  /** called after every new hint (held changes may now be explained) */
  onNote: (() => void) | null = null;

  constructor(private windowMs: number, private maxHints = 5000) {}

  note(hint: Hint): void {
    this.hints.push(hint);
    if (this.hints.length > this.maxHints) this.hints.splice(0, this.hints.length - this.maxHints);
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
    const [hint] = this.hints.splice(best, 1);
    return { source: hint.via, tabId: hint.tabId >= 0 ? hint.tabId : null, origin: hint.origin };
  }

  private find(cookie: CookieRecord, removed: boolean, time: number): number {
    let best = -1;
    for (let i = this.hints.length - 1; i >= 0; i--) {
      const h = this.hints[i];
      if (Math.abs(h.time - time) > this.windowMs || h.name !== cookie.name || h.deletion !== removed) continue;
      if (!removed && h.value !== cookie.value) continue;
      if (!domainMatch(h.host, cookie.domain) && h.host !== cookie.domain) continue;
      if (best < 0 || Math.abs(h.time - time) < Math.abs(this.hints[best].time - time)) best = i;
    }
    return best;
  }

  /** Drops hints too old to explain anything that is still to come. */
  prune(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.hints.length && this.hints[drop].time < cutoff) drop++;
    if (drop) this.hints.splice(0, drop);
  }

  get size(): number { return this.hints.length; }
}
