// cookies.onChanged events held until a Set-Cookie or script report explains them, indexed for that lookup.
import type { CookieChange } from '../platform/types.ts';
import { MatchIndex } from './match-index.ts';

export interface Held { change: CookieChange; done: boolean }

/** Held changes by the provenance match key a hint must carry to explain them (see MatchIndex). */
export class HeldIndex {
  private index = new MatchIndex<Held>();

  add(h: Held): void {
    const { name, value } = h.change.cookie;
    this.index.list(name, value, h.change.removed, true)!.push(h);
  }

  get(name: string, value: string, deletion: boolean): Held[] | undefined {
    return this.index.list(name, value, deletion, false);
  }

  remove(h: Held): void {
    const { name, value } = h.change.cookie;
    const list = this.get(name, value, h.change.removed)!;
    list.splice(list.indexOf(h), 1);
    if (list.length === 0) this.index.drop(name, value, h.change.removed);
  }
}
