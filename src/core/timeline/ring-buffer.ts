/** Fixed-capacity FIFO: push is O(1); when full, the oldest item is evicted and returned. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(private capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    this.items = new Array(capacity);
  }

  get size(): number { return this.count; }
  get limit(): number { return this.capacity; }

  push(item: T): T | undefined {
    const tail = (this.head + this.count) % this.capacity;
    if (this.count < this.capacity) {
      this.items[tail] = item;
      this.count++;
      return undefined;
    }
    const evicted = this.items[this.head];
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    return evicted;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.head + i) % this.capacity] as T;
    return out;
  }

  /** Items from position `from` (0 = oldest) to the newest, oldest first. */
  sliceFrom(from: number): T[] {
    const start = Math.max(0, Math.min(this.count, from));
    const out = new Array<T>(this.count - start);
    for (let i = start; i < this.count; i++) out[i - start] = this.items[(this.head + i) % this.capacity] as T;
    return out;
  }

  /** The item at position `i` (0 = oldest), if any. */
  at(i: number): T | undefined {
    return i >= 0 && i < this.count ? this.items[(this.head + i) % this.capacity] : undefined;
  }

  /** The newest `n` items, oldest first. */
  last(n: number): T[] {
    return this.sliceFrom(this.count - n);
  }

  /** Returns a buffer with a new capacity keeping the newest items, and how many did not fit. */
  resized(capacity: number): { buffer: RingBuffer<T>; evicted: number } {
    const next = new RingBuffer<T>(capacity);
    const kept = this.last(capacity);
    for (const item of kept) next.push(item);
    return { buffer: next, evicted: this.count - kept.length };
  }

  clear(): void {
    this.items = new Array(this.capacity);
    this.head = 0;
    this.count = 0;
  }
}
