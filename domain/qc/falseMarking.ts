/**
 * @module Detectors of false marking (HJ 212-2017 table 8 marks used to hide data):
 * - `false_marking`: a stop (F) mark while the outlet's flow (w00000) shows discharge, or while other analysers of
 *   the point report normal, changing values; a long maintenance (M) or fault (D) mark while flow shows discharge
 *   (the discharge went unmonitored).
 * - `mark_exceedance`: a mark (F, M, D, C) on values that themselves exceed the limit, or right after a normal value
 *   over the limit — the mark may be there to keep an exceedance out of the record.
 * A mark run is a stretch of consecutive marked values (a gap longer than `maxGapMs` ends it).
 */
import { hours, num, pct, factorZh, type Finding } from "./finding";
import { hasNumber, isNormalMeasurement, type QcSample } from "./sample";

/** Settings. */
export interface MarkingOptions {
  /** Flow above this (L/s) counts as discharging. */
  minFlow: number;
  /** Share of flow values above `minFlow` that shows operation. */
  operatingShare: number;
  /** Shortest F run that is judged (minutes). */
  minStopMinutes: number;
  /** Shortest M/D run that is judged against the flow (minutes). */
  minMaintenanceMinutes: number;
  /** A normal value this close before a mark run counts as "right before" it. */
  nearMinutes: number;
  maxGapMs: number;
}

/** Defaults. */
export const DEFAULT_MARKING: MarkingOptions = {
  minFlow: 0.5, operatingShare: 0.5, minStopMinutes: 30, minMaintenanceMinutes: 120, nearMinutes: 60, maxGapMs: 2 * 3_600_000,
};

/** The series of one point the detectors read. */
export interface MarkingInput {
  factor: string;
  /** The factor's values with their marks, time-sorted. */
  series: readonly QcSample[];
  /** The point's flow (w00000), if it has one. */
  flow?: readonly QcSample[];
  /** The point's other factors (not flow), by code. */
  others?: Readonly<Record<string, readonly QcSample[]>>;
  /** The factor's limit (permit or target class). */
  limit?: { upper: number | null; lower: number | null } | null;
}

interface Run {
  from: number;
  to: number;
  samples: QcSample[];
  flags: string[];
}

const MARKS = new Set(["F", "M", "D", "C"]);

/** Consecutive marked values of a time-sorted series. */
export function markRuns(series: readonly QcSample[], maxGapMs: number): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (const s of series) {
    const marked = Boolean(s.flag && MARKS.has(s.flag));
    if (cur && (!marked || s.t - cur.to > maxGapMs)) {
      runs.push(cur);
      cur = null;
    }
    if (!marked) continue;
    if (!cur) cur = { from: s.t, to: s.t, samples: [], flags: [] };
    cur.to = s.t;
    cur.samples.push(s);
    if (!cur.flags.includes(s.flag!)) cur.flags.push(s.flag!);
  }
  if (cur) runs.push(cur);
  return runs;
}

const inRun = (xs: readonly QcSample[] | undefined, r: Run) =>
  (xs ?? []).filter((x) => x.t >= r.from && x.t <= r.to && hasNumber(x) && isNormalMeasurement(x)) as (QcSample & { value: number })[];

const exceeds = (v: number, limit: MarkingInput["limit"]) =>
  Boolean(limit && ((limit.upper !== null && v > limit.upper) || (limit.lower !== null && v < limit.lower)));

/**
 * Findings of both rules for one factor of a point.
 * @example detectFalseMarking({ factor: "w01018", series, flow, limit: { upper: 100, lower: null } }, DEFAULT_MARKING)
 */
export function detectFalseMarking(input: MarkingInput, o: MarkingOptions = DEFAULT_MARKING): Finding[] {
  const out: Finding[] = [];
  const name = factorZh(input.factor);
  for (const r of markRuns(input.series, o.maxGapMs)) {
    const minutes = (r.to - r.from) / 60_000;
    const stop = r.flags.includes("F");
    const flow = inRun(input.flow, r);
    const flowShare = flow.length >= 2 ? flow.filter((f) => f.value > o.minFlow).length / flow.length : null;
    const flowMean = flow.length ? flow.reduce((a, f) => a + f.value, 0) / flow.length : null;
    const discharging = flowShare !== null && flowShare >= o.operatingShare;
    const operating = Object.entries(input.others ?? {})
      .filter(([code]) => code !== input.factor && code !== "w00000")
      .filter(([, xs]) => {
        const v = inRun(xs, r).map((x) => x.value);
        return v.length >= 2 && Math.max(...v) > Math.min(...v);
      })
      .map(([code]) => code);
    const marks = r.flags.join("/");
    const base = { marks, hours: hours(r.from, r.to), markedValues: r.samples.length, flowMean, flowShare, operatingFactors: operating.join(",") || null };
    if (stop && minutes >= o.minStopMinutes && (discharging || operating.length)) {
      out.push({
        rule: "false_marking",
        factors: [input.factor, ...(discharging ? ["w00000"] : []), ...operating],
        from: r.from,
        to: r.to,
        severity: discharging ? "serious" : "warning",
        numbers: base,
        summary: discharging
          ? `${name} 标记“停运”(${marks}) ${base.hours} 小时，同期流量均值 ${num(flowMean!)} L/s，${pct(flowShare!)} 的流量值大于 ${num(o.minFlow)} L/s`
          : `${name} 标记“停运”(${marks}) ${base.hours} 小时，同期 ${operating.map(factorZh).join("、")} 仍正常变化`,
      });
    } else if (!stop && (r.flags.includes("M") || r.flags.includes("D")) && minutes >= o.minMaintenanceMinutes && discharging) {
      out.push({
        rule: "false_marking",
        factors: [input.factor, "w00000"],
        from: r.from,
        to: r.to,
        severity: "warning",
        numbers: base,
        summary: `${name} 标记维护/故障(${marks}) ${base.hours} 小时，同期流量均值 ${num(flowMean!)} L/s，仍在排放而未监测`,
      });
    }
    if (input.limit) {
      const marked = r.samples.filter(hasNumber);
      const maxMarked = marked.length ? Math.max(...marked.map((s) => s.value)) : null;
      const minMarked = marked.length ? Math.min(...marked.map((s) => s.value)) : null;
      const before = [...input.series].reverse().find((s) => s.t < r.from && hasNumber(s) && isNormalMeasurement(s));
      const beforeNear = before && r.from - before.t <= o.nearMinutes * 60_000 ? (before as QcSample & { value: number }) : null;
      const markedOver = marked.filter((s) => exceeds(s.value, input.limit)).length;
      const beforeOver = beforeNear !== null && exceeds(beforeNear.value, input.limit);
      if (markedOver || beforeOver) {
        const lim = input.limit.upper ?? input.limit.lower;
        out.push({
          rule: "mark_exceedance",
          factors: [input.factor],
          from: beforeOver ? beforeNear!.t : r.from,
          to: r.to,
          severity: markedOver ? "serious" : "warning",
          numbers: { marks, limit: lim, markedValues: marked.length, markedOver, maxMarked, minMarked, before: beforeNear?.value ?? null, beforeTime: beforeNear?.t ?? null },
          summary: markedOver
            ? `${name} ${markedOver} 个标记为 ${marks} 的值超过限值 ${num(lim!)}（最大 ${num(maxMarked!)}）`
            : `${name} 在超过限值 ${num(lim!)} 的正常值 ${num(beforeNear!.value)} 之后随即被标记为 ${marks}`,
        });
      }
    }
  }
  return out;
}
