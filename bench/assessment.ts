/**
 * Benchmark: surface-water assessment throughput over a year of hourly automatic-station data for 100 sections
 * (876 000 samples, 7 factors each, deterministic synthetic data with some below-DL and abnormal values).
 * Measures per-sample single-factor classing and monthly aggregation + classing, each as a ratio against an
 * in-run baseline: a plain loop summing the same values. Run alone with `npx tsx bench/assessment.ts`.
 */
import { classifyPeriod, classifySample, type Sample } from "../domain/assessment/sectionClass";
import { groupByPeriod, type ReadingSample } from "../domain/assessment/aggregate";
import type { WaterBody } from "../domain/standards/gb3838";

const SECTIONS = 100;
const HOURS = 365 * 24;
const CODES = ["w01001", "w01009", "w01019", "w21003", "w21011", "w21001", "w01010"] as const;

/** mulberry32: a small seeded PRNG so every run sees the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Local ISO hour stamps of 2023 (not a leap year). */
function hours(): string[] {
  const out: string[] = [];
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const p2 = (n: number) => String(n).padStart(2, "0");
  days.forEach((n, m) => {
    for (let d = 1; d <= n; d++) for (let h = 0; h < 24; h++) out.push(`2023-${p2(m + 1)}-${p2(d)}T${p2(h)}:00`);
  });
  return out;
}

interface Section {
  body: WaterBody;
  times: string[];
  samples: ReadingSample[];
}

/** One section's year: levels drift by section, a daily cycle in DO, 1% abnormal NH3-N, TP below DL 0.01 at times. */
function section(i: number, times: string[]): Section {
  const rnd = prng(1000 + i);
  const level = 0.3 + (i % 10) * 0.25; // NH3-N baseline 0.3–2.55 mg/L: spans Ⅱ to 劣Ⅴ
  const samples = times.map((_, h): ReadingSample => {
    const tp = 0.05 + rnd() * 0.3 * (level / 1.5);
    return {
      w01001: 7 + (rnd() - 0.5),
      w01009: 6 + 2 * Math.sin((h % 24) / 24 * 2 * Math.PI) - level + rnd(),
      w01019: 2 + level * 3 * rnd(),
      w21003: rnd() < 0.01 ? { value: level * (0.5 + rnd()), abnormal: true } : level * (0.5 + rnd()),
      w21011: tp < 0.06 ? { value: 0.01, belowDetectionLimit: true } : tp,
      w21001: level + 1 + rnd(),
      w01010: 10 + 15 * Math.sin((h / HOURS) * Math.PI) + rnd(),
    };
  });
  return { body: i % 5 === 0 ? "lake" : "river", times, samples };
}

const plain = (s: ReadingSample): Sample =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === "number" ? v : v.value]));

function time(fn: () => number): { ms: number; check: number } {
  const t0 = performance.now();
  const check = fn();
  return { ms: performance.now() - t0, check };
}

/** Runs the benchmark and prints samples/s and ratios to the baseline. */
export async function benchAssessment(): Promise<void> {
  const times = hours();
  const sections = Array.from({ length: SECTIONS }, (_, i) => section(i, times));
  const plainSamples = sections.map((s) => s.samples.map(plain));
  const total = SECTIONS * HOURS;

  const baseline = () =>
    time(() => {
      let sum = 0;
      for (const list of plainSamples) for (const s of list) for (const c of CODES) sum += s[c];
      return sum;
    });
  const perSample = () =>
    time(() => {
      let worst = 0;
      sections.forEach((sec, i) => {
        for (const s of plainSamples[i]) worst += classifySample(s, { body: sec.body }).class ?? 0;
      });
      return worst;
    });
  const monthly = () =>
    time(() => {
      let n = 0;
      for (const sec of sections) {
        const byMonth = groupByPeriod(sec.samples.map((s, h) => ({ time: sec.times[h], s })), "month");
        for (const group of byMonth.values()) n += classifyPeriod(group.map((g) => g.s), { body: sec.body }).class ?? 0;
      }
      return n;
    });

  // Warm up the JIT once, then take the best of three runs of each.
  baseline(); perSample(); monthly();
  const best = (f: () => { ms: number }) => Math.min(...[0, 1, 2].map(() => f().ms));
  const base = best(baseline);
  const per = best(perSample);
  const mon = best(monthly);
  const rate = (ms: number) => Math.round(total / (ms / 1000)).toLocaleString("en-US");
  console.log(`assessment: ${SECTIONS} sections × ${HOURS} hourly samples = ${total.toLocaleString("en-US")} samples, ${CODES.length} factors`);
  console.log(`  baseline (sum the same values)      ${base.toFixed(1).padStart(8)} ms  ${rate(base).padStart(14)} samples/s`);
  console.log(`  per-sample single-factor classing   ${per.toFixed(1).padStart(8)} ms  ${rate(per).padStart(14)} samples/s  ×${(per / base).toFixed(1)} baseline`);
  console.log(`  monthly aggregation + classing      ${mon.toFixed(1).padStart(8)} ms  ${rate(mon).padStart(14)} samples/s  ×${(mon / base).toFixed(1)} baseline`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await benchAssessment();
