/**
 * @module Compliance of the registered drinking-water sources from monitoring (reference §9): the monitoring area's
 * computation over the points of kind drinking_intake (server/monitoring/drinkingWater.ts — GB 3838 Table 1 items
 * against class Ⅲ, Table 2 and 3 items against their limits, monthly means, intake volumes from w00000) grouped by
 * the source each intake belongs to: a source-month complies when every evaluated intake does; 水源达标率 =
 * compliant source-months ÷ evaluated ones; 取水水质达标率 = intake volume of compliant source-months ÷ all evaluated
 * volume.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema";
import { drinkingWaterCompliance } from "../../../monitoring/drinkingWater";
import { monthsBetween } from "../../../monitoring/window";
import { intakesOf } from "../../../repositories/drinkingSource.repository";
import { intakeComplianceRate, sourceComplianceRate, type SourceFailure } from "../../../../domain/assessment/drinkingSource";
import { sourceMonths, type SourceMonth } from "../../../../domain/registries/drinkingSource";
import { toIsoDate } from "../../../../domain/supervision/days";

/** One source over the period. */
export interface SourceComplianceReport {
  sourceId: string;
  months: (SourceMonth & { failures: (SourceFailure & { intake: string })[] })[];
  evaluated: number;
  compliant: number;
  volume: number;
  compliantVolume: number;
  /** 水源达标率 over its months; null when none evaluated. */
  sourceRate: number | null;
  /** 取水水质达标率; null without volume. */
  intakeRate: number | null;
}

/** Every source's compliance and the district's. */
export interface DrinkingComplianceReport {
  from: string;
  to: string;
  sources: SourceComplianceReport[];
  summary: Omit<SourceComplianceReport, "sourceId" | "months">;
}

/** This year from January up to this month (Beijing time). */
export function defaultPeriod(now = Date.now()): { from: string; to: string } {
  const today = toIsoDate(now);
  return { from: `${today.slice(0, 4)}-01`, to: today.slice(0, 7) };
}

/** Most months one report spans. */
export const MAX_MONTHS = 60;

/**
 * Compliance of `sourceIds` over the months [from, to].
 * @example (await sourcesCompliance(db, [id], { from: "2024-01", to: "2024-12" })).summary.intakeRate // 1
 */
export async function sourcesCompliance(db: Kysely<DB>, sourceIds: string[], period: { from: string; to: string }): Promise<DrinkingComplianceReport> {
  if (monthsBetween(period.from, period.to).length > MAX_MONTHS) throw new RangeError(`at most ${MAX_MONTHS} months`);
  const [intakes, report] = await Promise.all([intakesOf(db, sourceIds), drinkingWaterCompliance(db, period)]);
  const byPoint = new Map(report.intakes.map((i) => [i.point.id, i]));
  const sources = sourceIds.map((sourceId): SourceComplianceReport => {
    const mine = intakes.filter((i) => i.source_id === sourceId).map((i) => byPoint.get(i.point_id)).filter((x) => x !== undefined);
    const months = sourceMonths(mine.map((i) => i.months)).map((m) => ({
      ...m,
      failures: mine.flatMap((i) => (i.months.find((x) => x.month === m.month)?.failures ?? []).map((f) => ({ ...f, intake: i.point.code }))),
    }));
    return { sourceId, months, ...rates(months) };
  });
  return { from: period.from, to: period.to, sources, summary: rates(sources.flatMap((s) => s.months)) };
}

function rates(months: readonly SourceMonth[]) {
  const evaluated = months.filter((m) => m.compliant !== null).map((m) => ({ compliant: m.compliant!, volume: m.volume }));
  return {
    evaluated: evaluated.length,
    compliant: evaluated.filter((m) => m.compliant).length,
    volume: evaluated.reduce((s, m) => s + m.volume, 0),
    compliantVolume: evaluated.filter((m) => m.compliant).reduce((s, m) => s + m.volume, 0),
    sourceRate: sourceComplianceRate(evaluated),
    intakeRate: intakeComplianceRate(evaluated),
  };
}
