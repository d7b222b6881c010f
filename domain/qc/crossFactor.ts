/**
 * @module Detector: cross-factor consistency at one point and time. Ammonia nitrogen is part of total nitrogen, so
 * NH3-N > TN is impossible; dichromate COD oxidises more than permanganate (CODMn) and COD/TOC cannot exceed 32/12 ×
 * 2 ≈ 5.33 (methane), so ratios outside the bands point at a number that was not measured. Bands are settings (the
 * defaults are wide: [1, 8] for COD/CODMn, [1, 5.33] for COD/TOC). Values are paired by data time (exact, as HJ 212
 * uploads align), consecutive inconsistent times form one finding.
 */
import { hours, num, factorZh, type Finding } from "./finding";
import { isNormalMeasurement, withValues, type QcSample } from "./sample";

/** Settings. */
export interface CrossFactorOptions {
  /** NH3-N may exceed TN by this share (method noise) before it counts. */
  nh3TnSlack: number;
  /** And by this absolute amount (mg/L). */
  nh3TnAbsolute: number;
  codCodmn: [number, number];
  codToc: [number, number];
  /** Inconsistent times farther apart than this are separate findings. */
  maxGapMs: number;
}

/** Defaults. */
export const DEFAULT_CROSS_FACTOR: CrossFactorOptions = {
  nh3TnSlack: 0.05, nh3TnAbsolute: 0.05, codCodmn: [1, 8], codToc: [1, 5.33], maxGapMs: 2 * 3_600_000,
};

type Pair = { t: number; a: number; b: number };

function pairs(a: readonly QcSample[] | undefined, b: readonly QcSample[] | undefined): Pair[] {
  if (!a || !b) return [];
  const bs = new Map(withValues(b).filter(isNormalMeasurement).map((s) => [s.t, s.value]));
  return withValues(a).filter(isNormalMeasurement).flatMap((s) => (bs.has(s.t) ? [{ t: s.t, a: s.value, b: bs.get(s.t)! }] : []));
}

function runs(bad: Pair[], maxGapMs: number): Pair[][] {
  const out: Pair[][] = [];
  for (const p of bad) {
    const last = out[out.length - 1];
    if (last && p.t - last[last.length - 1].t <= maxGapMs) last.push(p);
    else out.push([p]);
  }
  return out;
}

/**
 * Findings of the three checks, from series keyed by factor code (w21003 NH3-N, w21001 TN, w01018 COD, w01019
 * CODMn, w01020 TOC).
 * @example detectCrossFactor({ w21003: nh3, w21001: tn }, DEFAULT_CROSS_FACTOR)
 */
export function detectCrossFactor(byFactor: Readonly<Record<string, readonly QcSample[]>>, o: CrossFactorOptions = DEFAULT_CROSS_FACTOR): Finding[] {
  const out: Finding[] = [];
  const nh3tn = pairs(byFactor.w21003, byFactor.w21001);
  const overTn = nh3tn.filter((p) => p.a > p.b * (1 + o.nh3TnSlack) + o.nh3TnAbsolute);
  for (const run of runs(overTn, o.maxGapMs)) {
    const worst = run.reduce((w, p) => (p.a - p.b > w.a - w.b ? p : w));
    out.push({
      rule: "cross_factor",
      factors: ["w21003", "w21001"],
      from: run[0].t,
      to: run[run.length - 1].t,
      severity: "serious",
      numbers: { check: "nh3_le_tn", times: run.length, paired: nh3tn.length, nh3: worst.a, tn: worst.b, worstTime: worst.t, hours: hours(run[0].t, run[run.length - 1].t) },
      summary: `${run.length} 个时刻氨氮大于总氮（如 氨氮 ${num(worst.a)} > 总氮 ${num(worst.b)} mg/L），氨氮是总氮的一部分，不可能大于总氮`,
    });
  }
  const ratio = (b: string, band: [number, number], check: string) => {
    const ps = pairs(byFactor.w01018, byFactor[b]).filter((p) => p.b > 0);
    const bad = ps.filter((p) => p.a / p.b < band[0] - 1e-9 || p.a / p.b > band[1] + 1e-9);
    for (const run of runs(bad, o.maxGapMs)) {
      const rs = run.map((p) => p.a / p.b);
      const worst = run[rs.indexOf(rs.reduce((w, r) => (Math.abs(Math.log(r)) > Math.abs(Math.log(w)) ? r : w)))];
      out.push({
        rule: "cross_factor",
        factors: ["w01018", b],
        from: run[0].t,
        to: run[run.length - 1].t,
        severity: "warning",
        numbers: { check, times: run.length, paired: ps.length, cod: worst.a, other: worst.b, ratio: worst.a / worst.b, bandMin: band[0], bandMax: band[1], worstTime: worst.t },
        summary: `${run.length} 个时刻化学需氧量与${factorZh(b)}之比超出 ${num(band[0])}–${num(band[1])}（如 ${num(worst.a)} / ${num(worst.b)} = ${num(worst.a / worst.b)}）`,
      });
    }
  };
  ratio("w01019", o.codCodmn, "cod_codmn");
  ratio("w01020", o.codToc, "cod_toc");
  return out;
}
