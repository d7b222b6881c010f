/**
 * @module Token buckets for per-connection and per-MN rate limits.
 */

/** A token bucket: `rate` tokens per second, holding at most `burst`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private rate: number,
    private burst: number,
  ) {
    this.tokens = burst;
  }
  /** Takes one token; false when empty. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Buckets keyed by a string (MN), with the idle ones forgotten. */
export class KeyedBuckets {
  private buckets = new Map<string, { bucket: TokenBucket; used: number }>();
  constructor(
    private rate: number,
    private burst: number,
    private maxKeys = 100_000,
  ) {}
  take(key: string, now = Date.now()): boolean {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.sweep(now);
      b = { bucket: new TokenBucket(this.rate, this.burst), used: now };
      this.buckets.set(key, b);
    }
    b.used = now;
    return b.bucket.take(now);
  }
  private sweep(now: number) {
    for (const [k, v] of this.buckets) if (now - v.used > 60_000) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
