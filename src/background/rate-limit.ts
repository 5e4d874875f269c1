/** Token bucket per key: a flood from one page cannot starve the pipeline or the others. */
export class RateLimiter {
  private buckets = new Map<number, { tokens: number; at: number }>();
  rejected = 0;

  constructor(private capacity: number, private perSecond: number, private now: () => number) {}

  take(key: number): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: t };
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens < 1) {
      this.rejected++;
      return false;
    }
    b.tokens -= 1;
    return true;
  }

  forget(key: number): void { this.buckets.delete(key); }
}
