/**
 * @module GB 3838-2002 class bands and limit lines for a factor's time series: a translucent `markArea` per class
 * in the project's class colours (domain/assessment/colours.ts) and a `markLine` at the target class's limit,
 * both taken from domain/standards/gb3838.ts so the chart shows exactly the limits the assessment uses.
 */
import { DEFAULT_PALETTE } from "../../../../domain/assessment/colours";
import { table1Item, type WaterBody, type WaterClass } from "../../../../domain/standards/gb3838";

/** One horizontal band: values in [from, to) belong to `cls`. */
export interface ClassBand {
  cls: WaterClass;
  /** Lower edge; null = the axis bottom. */
  from: number | null;
  /** Upper edge; null = the axis top. */
  to: number | null;
}

/** ECharts cannot extend an area to "the top of the axis", so open bands end far beyond any plausible value. */
const OPEN_TOP = 1e9;

/**
 * The class bands of a factor for a water body, best class first; empty when GB 3838 Table 1 gives no classes
 * (water temperature, TN in rivers, factors outside Table 1). Classes sharing a limit (COD Ⅰ = Ⅱ = 15) collapse
 * into the better class, as the assessment does. pH has one band (6–9 meets every class) with 劣Ⅴ either side.
 * @example classBands("w21003", "river")[2] // { cls: 3, from: 0.5, to: 1.0 }
 */
export function classBands(code: string, body: WaterBody): ClassBand[] {
  const rule = table1Item(code)?.rule;
  if (!rule || rule.kind === "temperature") return [];
  if (rule.kind === "range") {
    return [
      { cls: 6, from: null, to: rule.min },
      { cls: 1, from: rule.min, to: rule.max },
      { cls: 6, from: rule.max, to: null },
    ];
  }
  const limits = rule.kind === "min" ? rule.limits : rule[body];
  if (!limits) return [];
  const bands: ClassBand[] = [];
  if (rule.kind === "max") {
    let lower = 0;
    limits.forEach((limit, i) => {
      if (limit > lower) bands.push({ cls: (i + 1) as WaterClass, from: lower, to: limit });
      lower = Math.max(lower, limit);
    });
    bands.push({ cls: 6, from: lower, to: null });
  } else {
    // Dissolved oxygen: higher is better, class Ⅰ from 7.5 up.
    let upper: number | null = null;
    limits.forEach((limit, i) => {
      if (upper === null || limit < upper) bands.push({ cls: (i + 1) as WaterClass, from: limit, to: upper });
      upper = limit;
    });
    bands.push({ cls: 6, from: 0, to: upper });
  }
  return bands;
}

/**
 * The limit separating the target class from the next worse one: the Ⅳ limit for a Ⅳ target (upper limit, or the
 * lower bound for DO). Null when the factor has no class limits for this body.
 * @example targetLimit("w21003", "river", 4) // 1.5
 */
export function targetLimit(code: string, body: WaterBody, target: number): number | null {
  const rule = table1Item(code)?.rule;
  if (!rule || target < 1 || target > 5) return null;
  if (rule.kind === "min") return rule.limits[target - 1];
  if (rule.kind === "max") return rule[body]?.[target - 1] ?? null;
  return null;
}

/** Whether the factor's class improves as values go up (dissolved oxygen). */
export function higherIsBetter(code: string): boolean {
  return table1Item(code)?.rule.kind === "min";
}

/** Hex colour of a class with an alpha suffix, for translucent bands. */
export function bandColour(cls: WaterClass, alpha = 0.12): string {
  const a = Math.round(alpha * 255).toString(16).padStart(2, "0");
  return `${DEFAULT_PALETTE[cls].hex}${a}`;
}

/**
 * The `markArea` of a series showing the class bands, each labelled (e.g. "Ⅲ类") at its right edge.
 * @example series.markArea = classMarkArea(classBands("w21003", "river"), (c) => classLabel(c))
 */
export function classMarkArea(bands: ClassBand[], label: (cls: WaterClass) => string) {
  return {
    silent: true,
    data: bands.map((b) => [
      {
        name: label(b.cls),
        yAxis: b.from ?? 0,
        itemStyle: { color: bandColour(b.cls, b.cls === 4 ? 0.2 : 0.12) },
        label: { position: "insideRight", color: "#595959", fontSize: 11 },
      },
      { yAxis: b.to ?? OPEN_TOP },
    ]),
  };
}
