/**
 * @module Flags readings with the QARTOD tests (domain/qc/runQc.ts) as they arrive. For each series touched, the
 * current values around the new ones are loaded (back as far as the tests look, forward as far as a spike's
 * neighbour may be), the tests run, and the flags of the new values and of their neighbours — whose spike, rate or
 * gap verdict the new value can change — are upserted. A correction (a version written by a person) keeps the
 * operator's flag; a version already superseded is recorded as not evaluated.
 */
import type { Kysely } from "kysely";
import type { DB, ReadingPeriod } from "../db/schema";
import { effectiveQcConfig, lookbackMs } from "../../domain/qc/config";
import { runQc } from "../../domain/qc/runQc";
import { isQcFlag } from "../../domain/qc/flags";
import { hasNumber } from "../../domain/qc/sample";
import { rawSeries } from "../repositories/reading.repository";
import { qcSettingsFor } from "../repositories/qcSettings.repository";
import { upsertQcFlags, type NewReadingRow, type QcFlagInput } from "../repositories/readingQc.repository";

/** What one evaluation did. */
export interface QcEvaluation {
  series: number;
  flagged: number;
}

/** Flags `rows` (and their neighbours) in the caller's transaction. */
export async function evaluateQc(db: Kysely<DB>, rows: readonly NewReadingRow[]): Promise<QcEvaluation> {
  const bySeries = new Map<string, NewReadingRow[]>();
  for (const r of rows) {
    const k = `${r.point_id}|${r.factor}|${r.period}`;
    let xs = bySeries.get(k);
    if (!xs) bySeries.set(k, (xs = []));
    xs.push(r);
  }
  const stored = await qcSettingsFor(db, [...bySeries.values()].map((xs) => ({ pointId: xs[0].point_id, factor: xs[0].factor })));
  const out: QcFlagInput[] = [];
  for (const xs of bySeries.values()) {
    const { point_id: pointId, factor } = xs[0];
    const period = xs[0].period as ReadingPeriod;
    const config = effectiveQcConfig(factor, period, stored.get(`${pointId}|${factor}`));
    const times = xs.map((x) => new Date(x.t).getTime());
    const from = new Date(Math.min(...times) - lookbackMs(config));
    const ahead = Math.max(config.spike?.maxNeighbourSeconds ?? 0, config.gap?.maxGapSeconds ?? 0, 3600) * 1000;
    const to = new Date(Math.max(...times) + ahead + 1);
    const context = await rawSeries(db, { pointId, factor, period, from, to });
    const samples = context.map((c) => ({ t: new Date(c.t).getTime(), value: c.value, flag: c.flag, receivedAt: new Date(c.received_at).getTime() }));
    const results = runQc(samples, config);
    const index = new Map(context.map((c, i) => [`${new Date(c.t).getTime()}|${c.version}`, i]));
    const targets = new Set<number>();
    for (const x of xs) {
      const i = index.get(`${new Date(x.t).getTime()}|${x.version}`);
      const key = { pointId, factor, period, t: new Date(x.t), version: x.version };
      if (i === undefined) {
        // A newer version exists already: this one takes no part in the series.
        out.push({ ...key, flag: 2, tests: {} });
      } else if (x.author_id !== null && x.version > 1) {
        out.push({ ...key, flag: isQcFlag(x.qc_flag) ? x.qc_flag : 2, tests: {} });
      } else {
        targets.add(i);
        // The neighbours whose gap (adjacent values) or spike and rate (nearest values with numbers) it can change.
        if (i > 0) targets.add(i - 1);
        if (i + 1 < context.length) targets.add(i + 1);
        let j = i - 1;
        while (j >= 0 && !hasNumber(samples[j])) j--;
        if (j >= 0) targets.add(j);
        j = i + 1;
        while (j < samples.length && !hasNumber(samples[j])) j++;
        if (j < samples.length) targets.add(j);
      }
    }
    for (const i of targets) {
      const c = context[i];
      // Neighbours that are corrections keep the operator's flag.
      if (c.author_id !== null && c.version > 1) continue;
      out.push({ pointId, factor, period, t: new Date(c.t), version: c.version, flag: results[i].flag, tests: results[i].tests });
    }
  }
  await upsertQcFlags(db, out);
  return { series: bySeries.size, flagged: out.length };
}
