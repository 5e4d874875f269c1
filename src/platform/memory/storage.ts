import type { KeyValueArea } from '../types.ts';

/** storage.session/local stand-in: values are JSON-cloned like the real areas, with an optional quota. */
export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, string>();
  writes = 0;

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
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) next.set(k, JSON.stringify(v));
    if (sizeOf(next) > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    this.writes++;
  }

  async remove(keys: string[]): Promise<void> {
    for (const k of keys) this.data.delete(k);
  }

  get bytes(): number { return sizeOf(this.data); }
}

function sizeOf(map: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of map) n += k.length + v.length;
  return n;
}
