// Items keyed by the provenance match key: a cookie change is explained only by a hint that names its cookie and
// value, or its name alone for a deletion. Shared by the provenance hints and the changes held until a hint comes.

/** cookie names with (possibly emptied) value maps before the empty ones are swept */
const MAX_NAMES = 1000;

/**
 * By name, then by value (sets) or by name alone (deletions). Two levels, not one name+value string: that key of a
 * long session value was built, flattened and hashed for every header and every change (hot path).
 */
export class MatchIndex<T> {
  private sets = new Map<string, Map<string, T[]>>();
  private deletions = new Map<string, T[]>();
  private sweepAt = MAX_NAMES;

  /** The items of one match key; created (empty) when `create`. */
  list(name: string, value: string, deletion: boolean, create: boolean): T[] | undefined {
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

  /** Forgets one match key's (emptied) list. */
  drop(name: string, value: string, deletion: boolean): void {
    if (deletion) { this.deletions.delete(name); return; }
    // the name keeps its emptied map: the next header of that name would only build it again (one Map per
    // header); empty ones are swept once there are many names
    this.sets.get(name)?.delete(value);
  }

  forEachList(fn: (list: T[]) => void): void {
    for (const list of this.deletions.values()) fn(list);
    for (const byValue of this.sets.values()) for (const list of byValue.values()) fn(list);
  }

  /** Keeps only the items `keep` accepts; returns how many are left. */
  retain(keep: (item: T) => boolean): number {
    let count = 0;
    const filter = <K>(map: Map<K, T[]>) => {
      for (const [key, list] of map) {
        const kept = list.filter(keep);
        if (kept.length) { map.set(key, kept); count += kept.length; } else map.delete(key);
      }
    };
    filter(this.deletions);
    for (const [name, byValue] of this.sets) {
      filter(byValue);
      if (byValue.size === 0) this.sets.delete(name);
    }
    return count;
  }

  private sweepEmptyNames(): void {
    for (const [name, byValue] of this.sets) if (byValue.size === 0) this.sets.delete(name);
    this.sweepAt = Math.max(MAX_NAMES, 2 * this.sets.size); // many live names: no sweep per new name
  }
}
