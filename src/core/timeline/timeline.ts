// A tab's bounded event history. Sequence numbers keep increasing across drops, clears and worker
// restarts so a reconnecting panel can ask for "everything after seq N" and detect what it missed.
import type { NewTimelineEvent, TimelineEvent } from '../protocol/index.ts';
import { RingBuffer } from './ring-buffer.ts';

export const DEFAULT_TIMELINE_LIMIT = 5000;

/** What persistence stores for a tab. */
export interface TimelineData { nextSeq: number; dropped: number; events: TimelineEvent[] }

export class Timeline {
  private buffer: RingBuffer<TimelineEvent>;
  private nextSeq = 1;
  private droppedCount = 0;

  constructor(limit = DEFAULT_TIMELINE_LIMIT) {
    this.buffer = new RingBuffer(limit);
  }

  get dropped(): number { return this.droppedCount; }
  get size(): number { return this.buffer.size; }
  get limit(): number { return this.buffer.limit; }
  /** seq of the newest event ever pushed (0 when none) */
  get lastSeq(): number { return this.nextSeq - 1; }

  push(event: NewTimelineEvent): TimelineEvent {
    return this.adopt({ ...event });
  }

  /** push() for a fresh event the caller hands over: stamped with its seq in place instead of copied (hot path). */
  adopt(event: NewTimelineEvent): TimelineEvent {
    const stored = event as TimelineEvent;
    stored.seq = this.nextSeq++;
    if (this.buffer.push(stored) !== undefined) this.droppedCount++;
    return stored;
  }

  all(): TimelineEvent[] { return this.buffer.toArray(); }

  /** seq of the oldest buffered event (lastSeq + 1 when empty) */
  get firstSeq(): number { return this.buffer.at(0)?.seq ?? this.nextSeq; }

  /** Events with seq > `seq`, oldest first. Buffered seqs are contiguous, so this is an offset, not a search. */
  since(seq: number): TimelineEvent[] {
    if (seq >= this.lastSeq) return [];
    return this.buffer.sliceFrom(seq + 1 - this.firstSeq);
  }

  setLimit(limit: number): void {
    if (limit === this.buffer.limit) return;
    const { buffer, evicted } = this.buffer.resized(limit);
    this.buffer = buffer;
    this.droppedCount += evicted;
  }

  /** A user-requested clear: not counted in `dropped`, which reports loss to the bound. */
  clear(): void { this.buffer.clear(); }

  /** A bounded copy for persistence: the newest `maxEvents`, with the rest counted as dropped. */
  toData(maxEvents = this.buffer.limit): TimelineData {
    const events = this.buffer.last(maxEvents);
    return { nextSeq: this.nextSeq, dropped: this.droppedCount + (this.buffer.size - events.length), events };
  }

  static fromData(data: TimelineData, limit = DEFAULT_TIMELINE_LIMIT): Timeline {
    const t = new Timeline(limit);
    // since() relies on contiguous seqs: keep the tail after the last gap (a lost segment), the rest is dropped
    let start = data.events.length - 1;
    while (start > 0 && data.events[start - 1].seq === data.events[start].seq - 1) start--;
    const events = start > 0 ? data.events.slice(start) : data.events;
    for (const e of events) if (t.buffer.push(e) !== undefined) t.droppedCount++;
    t.droppedCount += data.dropped + (data.events.length - events.length);
    const maxSeq = data.events.length ? data.events[data.events.length - 1].seq : 0;
    t.nextSeq = Math.max(data.nextSeq, maxSeq + 1);
    return t;
  }
}
