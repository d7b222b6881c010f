/**
 * @module Monthly ranking of sections for the public site, by 《城市地表水环境质量排名技术规定（试行）》
 * (环办监测〔2017〕51号) §4: the water-quality index CWQI = Σ CWQI_i over the assessed items, with
 * CWQI_i = C_i / C_s (C_s the class Ⅲ limit of GB 3838-2002), dissolved oxygen C_s / C_i, and pH
 * (7.0 − pH)/(7.0 − 6) below 7 or (pH − 7.0)/(9 − 7.0) above; total nitrogen and fecal coliform are left out.
 * Lower is better; ties keep the better class first.
 */
import { classIIILimit, type WaterBody } from "../standards/gb3838";

const EXCLUDED = new Set(["w21001", "w02003"]);
/** Dissolved-oxygen class Ⅲ limit (mg/L, GB 3838-2002 表1). */
const DO_III = 5;

/** The index of one month's means (null when no item could be indexed). */
export function cwqi(means: Record<string, number>, body: WaterBody): { index: number; items: Record<string, number> } | null {
  const items: Record<string, number> = {};
  for (const [code, c] of Object.entries(means)) {
    if (EXCLUDED.has(code) || !Number.isFinite(c)) continue;
    if (code === "w01001") items[code] = c <= 7 ? (7 - c) / 1 : (c - 7) / 2;
    else if (code === "w01009") { if (c > 0) items[code] = DO_III / c; }
    else {
      const s = classIIILimit(code, body);
      if (s !== null && s > 0) items[code] = c / s;
    }
  }
  const values = Object.values(items);
  if (!values.length) return null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { index: round(values.reduce((a, b) => a + b, 0)), items: Object.fromEntries(Object.entries(items).map(([k, v]) => [k, round(v)])) };
}

/** Ranks sections by index (lower first), then class; sections without an index come last, unranked. */
export function rankSections<T extends { index: number | null; class: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const ranked = rows.filter((r) => r.index !== null).sort((a, b) => a.index! - b.index! || (a.class ?? 9) - (b.class ?? 9));
  const rest = rows.filter((r) => r.index === null);
  return [...ranked.map((r, i) => ({ ...r, rank: i + 1 })), ...rest.map((r) => ({ ...r, rank: null }))];
}
