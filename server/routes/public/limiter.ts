/**
 * @module A small in-process sliding-window limiter for cheap public reads that have no database footprint
 * (challenge issuance, receipt look-ups). Posts are limited from stored rows instead (complaintFiler), which holds
 * across processes; these only keep one process from being flooded.
 */
import { RateLimited } from "../../errors";

/** Allows `max` hits per key within `windowMs`. */
export class SlidingLimiter {
  private hits = new Map<string, number[]>();
  constructor(private max: number, private windowMs: number) {}

  /** Counts a hit; throws RateLimited past the limit. */
  hit(key: string, now = Date.now()): void {
    const since = now - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.max) {
      this.hits.set(key, list);
      throw RateLimited(Math.ceil((list[0] + this.windowMs - now) / 1000));
    }
    list.push(now);
    this.hits.set(key, list);
    // Keep memory bounded: drop idle keys now and then.
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (!v.some((t) => t > since)) this.hits.delete(k);
  }
}
