// cookies.onChanged events held until a Set-Cookie or script report explains them, indexed for that lookup.
import type { CookieChange } from '../platform/types.ts';

export interface Held { change: CookieChange; done: boolean }

/**
 * Held changes by the provenance match key a hint must carry to explain them: name, then value (sets) or
 * name alone (deletions). Two levels, not a name+value string: that key of a long session value was built,
 * flattened and hashed for every header while anything was held.
 */
export class HeldIndex {
  private sets = new Map<string, Map<string, Held[]>>();
  private deletions = new Map<string, Held[]>();

  add(h: Held): void {
    const { name, value } = h.change.cookie;
    let list: Held[] | undefined;
    if (h.change.removed) {
      list = this.deletions.get(name);
      if (!list) this.deletions.set(name, list = []);
    } else {
      let byValue = this.sets.get(name);
      if (!byValue) this.sets.set(name, byValue = new Map());
      list = byValue.get(value);
      if (!list) byValue.set(value, list = []);
    }
    list.push(h);
  }

  get(name: string, value: string, deletion: boolean): Held[] | undefined {
    return deletion ? this.deletions.get(name) : this.sets.get(name)?.get(value);
  }

  remove(h: Held): void {
    const { name, value } = h.change.cookie;
    const deletion = h.change.removed;
    const list = this.get(name, value, deletion)!;
    list.splice(list.indexOf(h), 1);
    if (list.length > 0) return;
    if (deletion) { this.deletions.delete(name); return; }
    const byValue = this.sets.get(name)!;
    byValue.delete(value);
    if (byValue.size === 0) this.sets.delete(name);
  }
}
