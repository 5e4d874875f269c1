import type { KeyValueArea } from '../types.ts';

/** storage.session/local stand-in: values are JSON-cloned like the real areas, with an optional quota. */
export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, string>();
  writes = 0;
  /** kept incrementally: recounting every entry on each set would make the fake, not the code, the cost */
  private used = 0;

  constructor(private quotaBytes = Infinity) {}

  async get(keys: string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)] as const);
    let next = this.used;
    for (const [k, v] of entries) next += k.length + v.length - this.sizeOfKey(k);
    if (next > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded'); // all or nothing, like the real area
    for (const [k, v] of entries) this.data.set(k, v);
    this.used = next;
    this.writes++;
  }

  async remove(keys: string[]): Promise<void> {
    for (const k of keys) {
      this.used -= this.sizeOfKey(k);
      this.data.delete(k);
    }
  }

  get bytes(): number { return this.used; }

  private sizeOfKey(k: string): number {
    const v = this.data.get(k);
    return v === undefined ? 0 : k.length + v.length;
  }
}
