// Keeps the per-tab state in storage.session so a stopped MV3 worker comes back with its timelines.
// Timelines are written in fixed segments of SEGMENT_EVENTS (keyed by seq), so a save rewrites only the
// tab's meta record and its newest segment(s), never the whole 5,000-event buffer.
// Persistence window: saves run at most PERSIST_DELAY_MS after a change; see docs/extension.md.
import type { Finding, TimelineEvent } from '../core/protocol/index.ts';
import { Timeline } from '../core/timeline/index.ts';
import type { KeyValueArea } from '../platform/types.ts';
import { TabState, type TabRegistry } from './tab-state.ts';

export const PERSIST_DELAY_MS = 250;
// each save rewrites the partial newest segment (on average half of it): 20 events keep that waste small,
// while the meta record's segment list (up to limit / 20 numbers) stays far smaller than the events written
export const SEGMENT_EVENTS = 20;
const PREFIX = 'ss:v1:';
const INDEX_KEY = `${PREFIX}index`;

/** `findings` inline only in records saved before findings got their own key */
interface TabMeta { url: string | null; hosts: string[]; findings?: Finding[]; nextSeq: number; dropped: number; size: number; segments: number[] }
interface Saved { through: number; segments: Set<number>; findingsVersion: number }

const metaKey = (tabId: number) => `${PREFIX}tab:${tabId}`;
const segKey = (tabId: number, seg: number) => `${PREFIX}tab:${tabId}:${seg}`;
// findings change rarely once a site is known, while the meta record changes with every save
const findingsKey = (tabId: number) => `${PREFIX}findings:${tabId}`;
const segOf = (seq: number) => Math.floor((seq - 1) / SEGMENT_EVENTS);

export class Persistence {
  private saved = new Map<number, Saved>();
  private dirty = new Set<number>();
  private gone = new Set<number>();
  private cleared = new Set<number>();
  private timer: unknown = null;
  private writing: Promise<void> = Promise.resolve();
  /** cap on segments written per tab; halved when the area's quota is hit */
  segmentCap = Math.ceil(100_000 / SEGMENT_EVENTS);
  saves = 0;

  constructor(
    private area: KeyValueArea,
    private tabs: TabRegistry,
    private clock: { setTimeout(fn: () => void, ms: number): unknown },
  ) {}

  markDirty(tabId: number): void {
    this.dirty.add(tabId);
    this.schedule();
  }

  /** The tab's timeline was cleared: its old segments must go too. */
  markCleared(tabId: number): void {
    this.cleared.add(tabId);
    this.markDirty(tabId);
  }

  markClosed(tabId: number): void {
    this.dirty.delete(tabId);
    this.gone.add(tabId);
    this.schedule();
  }

  /** Resolves once everything marked so far is written. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.save());
    return this.writing;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, PERSIST_DELAY_MS);
  }

  private async save(): Promise<void> {
    const dirty = [...this.dirty];
    const gone = [...this.gone];
    const cleared = [...this.cleared];
    this.dirty.clear();
    this.gone.clear();
    this.cleared.clear();
    if (dirty.length === 0 && gone.length === 0) return;
    const items: Record<string, unknown> = {};
    const removals: string[] = [];
    for (const tabId of gone) this.collectRemoval(tabId, removals, true);
    for (const tabId of cleared) this.collectRemoval(tabId, removals, false);
    // what each tab will have saved once the write lands: a failed write leaves the old records valid
    const written = new Map<number, Saved>();
    for (const tabId of dirty) this.collectTab(tabId, items, removals, written);
    items[INDEX_KEY] = { tabIds: [...this.tabs.tabs.keys()] };
    try {
      if (removals.length) await this.area.remove(removals);
      await this.area.set(items);
      for (const [tabId, saved] of written) this.saved.set(tabId, saved);
      this.saves++;
    } catch (error) {
      // quota: keep fewer segments per tab; what earlier saves wrote stays valid, so only the new tail is
      // written again (with the smaller cap, which also drops every tab's oldest segments)
      console.warn('sessionscope: could not persist state, keeping less history', error);
      // halve what a tab actually holds, not the cap: halving a cap far above it would only fail again
      this.segmentCap = Math.max(1, Math.floor(Math.min(this.segmentCap, this.heldSegments()) / 2));
      for (const id of this.tabs.tabs.keys()) this.dirty.add(id);
      this.schedule();
    }
  }

  /** the most segments any tab's timeline spans now */
  private heldSegments(): number {
    let most = 1;
    for (const tab of this.tabs.tabs.values()) {
      const t = tab.timeline;
      if (t.size) most = Math.max(most, segOf(t.lastSeq) - segOf(t.firstSeq) + 1);
    }
    return most;
  }

  private collectRemoval(tabId: number, removals: string[], withMeta: boolean): void {
    const s = this.saved.get(tabId);
    if (withMeta) removals.push(metaKey(tabId), findingsKey(tabId));
    if (!s) return;
    for (const seg of s.segments) removals.push(segKey(tabId, seg));
    this.saved.delete(tabId);
  }

  private collectTab(tabId: number, items: Record<string, unknown>, removals: string[], written: Map<number, Saved>): void {
    const tab = this.tabs.tabs.get(tabId);
    if (!tab) return;
    const t = tab.timeline;
    const prev = this.saved.get(tabId);
    const saved: Saved = { through: prev?.through ?? 0, segments: new Set(prev?.segments), findingsVersion: prev?.findingsVersion ?? -1 };
    const lastSeg = segOf(t.lastSeq);
    const firstSeg = Math.max(t.size ? segOf(t.firstSeq) : lastSeg + 1, lastSeg - this.segmentCap + 1);
    for (const seg of saved.segments) {
      if (seg < firstSeg) { removals.push(segKey(tabId, seg)); saved.segments.delete(seg); }
    }
    const fromSeg = Math.max(firstSeg, saved.through ? segOf(saved.through + 1) : firstSeg);
    const bySeg = new Map<number, TimelineEvent[]>();
    for (const e of t.since((fromSeg * SEGMENT_EVENTS))) {
      const seg = segOf(e.seq);
      if (!bySeg.has(seg)) bySeg.set(seg, []);
      bySeg.get(seg)!.push(e);
    }
    for (const [seg, list] of bySeg) { items[segKey(tabId, seg)] = list; saved.segments.add(seg); }
    saved.through = t.lastSeq;
    written.set(tabId, saved);
    if (saved.findingsVersion !== tab.findingsVersion) {
      items[findingsKey(tabId)] = [...tab.findings.values()];
      saved.findingsVersion = tab.findingsVersion;
    }
    const meta: TabMeta = { url: tab.url, hosts: [...tab.hosts], nextSeq: t.lastSeq + 1,
      dropped: t.dropped, size: t.size, segments: [...saved.segments] };
    items[metaKey(tabId)] = meta;
  }

  /** Reads back every persisted tab into the registry (before any new event is processed). */
  async restore(): Promise<number> {
    const index = (await this.area.get([INDEX_KEY]))[INDEX_KEY] as { tabIds?: number[] } | undefined;
    const ids = Array.isArray(index?.tabIds) ? index.tabIds.filter((n) => Number.isInteger(n)) : [];
    const metas = await this.area.get(ids.map(metaKey));
    for (const tabId of ids) {
      try {
        await this.restoreTab(tabId, metas[metaKey(tabId)] as TabMeta | undefined);
      } catch (error) {
        console.warn(`sessionscope: saved state of tab ${tabId} is unreadable, skipping it`, error);
      }
    }
    return this.tabs.tabs.size;
  }

  private async restoreTab(tabId: number, meta: TabMeta | undefined): Promise<void> {
    if (!meta) return;
    const segs = await this.area.get([...meta.segments.map((s) => segKey(tabId, s)), findingsKey(tabId)]);
    // a segment may still hold events the buffer had already evicted: keep only the saved buffer's tail
    const firstSeq = meta.nextSeq - meta.size;
    const events = meta.segments.slice().sort((a, b) => a - b)
      .flatMap((s) => (segs[segKey(tabId, s)] as TimelineEvent[] | undefined) ?? [])
      .filter((e) => e.seq >= firstSeq);
    const timeline = Timeline.fromData(
      { nextSeq: meta.nextSeq, dropped: meta.dropped + Math.max(0, meta.size - events.length), events }, this.tabs.limit);
    const tab = new TabState(tabId, timeline);
    tab.url = meta.url;
    meta.hosts.forEach((h) => tab.hosts.add(h));
    const findings = segs[findingsKey(tabId)];
    tab.addFindings(Array.isArray(findings) ? findings as Finding[] : meta.findings ?? []);
    tab.findingsChanged = false;
    this.tabs.tabs.set(tabId, tab);
    // an old record with inline findings gets its findings key on the next save
    this.saved.set(tabId, { through: timeline.lastSeq, segments: new Set(meta.segments), findingsVersion: meta.findings ? -1 : tab.findingsVersion });
  }
}
