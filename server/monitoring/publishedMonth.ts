/**
 * @module The readings a month of several sections is published on (the public site and the monthly water-quality
 * report): per point the finest period it has that month (lab samples are the official record, then daily, then
 * hourly data), the current versions on the reviewed basis, and how many of each review state there were.
 */
import type { Kysely } from "kysely";
import type { DB, ReadingRow } from "../db/schema";
import { periodCounts } from "../repositories/publicPortal.repository";
import type { ReviewState } from "../repositories/readingQc.repository";
import { publishedReadingsOfPoints, reviewStateCountsOfPoints } from "../repositories/review.repository";

/** Readings' periods a month may be assessed on, preferred first. */
export const PUBLISHED_PERIOD_PREFERENCE = ["sample", "day", "hour"] as const;

/** A month of several points on the published basis. */
export interface PublishedMonth {
  /** The period each point with data is assessed on. */
  periodOf: Map<string, string>;
  /** Published readings by point. */
  rows: Map<string, ReadingRow[]>;
  /** Current readings by review state, by point. */
  states: Map<string, Record<ReviewState, number>>;
}

/** The published readings of the points in [from, to): one query per period for all points. */
export async function publishedMonthOfPoints(db: Kysely<DB>, pointIds: string[], from: Date, to: Date): Promise<PublishedMonth> {
  const counts = await periodCounts(db, pointIds, from, to);
  const periodOf = new Map<string, string>();
  for (const pref of PUBLISHED_PERIOD_PREFERENCE) for (const c of counts) if (c.period === pref && c.n > 0 && !periodOf.has(c.point_id)) periodOf.set(c.point_id, pref);
  const rows = new Map<string, ReadingRow[]>();
  const states = new Map<string, Record<ReviewState, number>>();
  for (const period of PUBLISHED_PERIOD_PREFERENCE) {
    const ids = pointIds.filter((id) => periodOf.get(id) === period);
    if (!ids.length) continue;
    for (const r of await publishedReadingsOfPoints(db, ids, period, from, to)) {
      const list = rows.get(r.point_id);
      if (list) list.push(r);
      else rows.set(r.point_id, [r]);
    }
    for (const [id, c] of await reviewStateCountsOfPoints(db, ids, period, from, to)) states.set(id, c);
  }
  return { periodOf, rows, states };
}
