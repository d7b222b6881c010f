/**
 * @module 集中式饮用水水源地 as a registry (seed plan 三(二)4–5, reference §9): kinds and levels of sources, the three
 * protection zones of HJ 338-2018 (一级保护区 inside 二级保护区 inside 准保护区) as polygons with the nesting checked,
 * their areas; the environmental problems of a source found by 回头看 and rectified — 待整改 → 整改中 → 已整改待核查 →
 * 已销号 (the office verifies and closes; not passed → back to 整改中) — "发现一处整治一处，实施动态清零": a source is
 * 清零 when none of its problems is open; and a source's monthly compliance from its intakes' results (a
 * source-month complies when every evaluated intake complies, volumes add up).
 */
import { defineLifecycle, type Label } from "./lifecycle";
import type { Geometry, Position } from "./geo";
import { dayNumber } from "../supervision/days";

/** Kinds of source. */
export const SOURCE_KINDS = ["river", "lake", "reservoir", "groundwater"] as const;
/** One kind. */
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Names of the kinds. */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, Label>> = {
  river: { zh: "河流型", en: "river" },
  lake: { zh: "湖泊型", en: "lake" },
  reservoir: { zh: "水库型", en: "reservoir" },
  groundwater: { zh: "地下水型", en: "groundwater" },
};

/** Levels of source (who it serves). */
export const SOURCE_LEVELS = ["city", "county", "township"] as const;
/** One level. */
export type SourceLevel = (typeof SOURCE_LEVELS)[number];
/** Names of the levels. */
export const SOURCE_LEVEL_LABELS: Readonly<Record<SourceLevel, Label>> = {
  city: { zh: "城市级", en: "city" },
  county: { zh: "县级", en: "county" },
  township: { zh: "乡镇级（千吨万人）", en: "township" },
};

/** The protection zones, innermost first. */
export const ZONES = ["zone1", "zone2", "zone3"] as const;
/** One zone. */
export type Zone = (typeof ZONES)[number];
/** Names of the zones. */
export const ZONE_LABELS: Readonly<Record<Zone, Label>> = {
  zone1: { zh: "一级保护区", en: "first-grade zone" },
  zone2: { zh: "二级保护区", en: "second-grade zone" },
  zone3: { zh: "准保护区", en: "quasi-protection zone" },
};
/** Where a problem lies: a zone, or outside the zones (e.g. upstream of 准保护区). */
export const PROBLEM_PLACES = [...ZONES, "outside"] as const;
/** One place. */
export type ProblemPlace = (typeof PROBLEM_PLACES)[number];
/** Names of the places. */
export const PROBLEM_PLACE_LABELS: Readonly<Record<ProblemPlace, Label>> = { ...ZONE_LABELS, outside: { zh: "保护区外", en: "outside the zones" } };

/** Kinds of problem found in a protection zone (the 水源地环境问题 categories of the 专项行动). */
export const PROBLEM_CATEGORIES = ["outfall", "industry", "construction", "traffic", "tourism", "agriculture", "waste", "other"] as const;
/** One category. */
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
/** Names of the categories. */
export const PROBLEM_CATEGORY_LABELS: Readonly<Record<ProblemCategory, Label>> = {
  outfall: { zh: "排污口", en: "outfall" },
  industry: { zh: "工业企业", en: "industry" },
  construction: { zh: "违法建设项目", en: "illegal construction" },
  traffic: { zh: "交通穿越", en: "traffic crossing" },
  tourism: { zh: "旅游餐饮", en: "tourism and catering" },
  agriculture: { zh: "农业种植养殖", en: "farming and husbandry" },
  waste: { zh: "垃圾及固体废物", en: "waste" },
  other: { zh: "其他", en: "other" },
};

/** How a problem was found. */
export const PROBLEM_ORIGINS = ["review", "inspection", "patrol", "complaint"] as const;
/** One origin. */
export type ProblemOrigin = (typeof PROBLEM_ORIGINS)[number];
/** Names of the origins. */
export const PROBLEM_ORIGIN_LABELS: Readonly<Record<ProblemOrigin, Label>> = {
  review: { zh: "整治“回头看”", en: "follow-up review" },
  inspection: { zh: "专项检查", en: "inspection" },
  patrol: { zh: "日常巡查", en: "patrol" },
  complaint: { zh: "群众举报", en: "complaint" },
};

/** Problem statuses in order. */
export const PROBLEM_STATUSES = ["open", "rectifying", "rectified", "closed"] as const;
/** One status. */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
/** Actions. */
export type ProblemAction = "startRectification" | "submitRectification" | "rejectRectification" | "close";

/** The workflow of a problem. */
export const PROBLEM_LIFECYCLE = defineLifecycle<ProblemStatus, ProblemAction>(
  PROBLEM_STATUSES,
  {
    open: { zh: "待整改", en: "open" },
    rectifying: { zh: "整改中", en: "rectifying" },
    rectified: { zh: "已整改待核查", en: "rectified, to verify" },
    closed: { zh: "已销号", en: "closed" },
  },
  [
    { action: "startRectification", from: ["open"], to: "rectifying", by: "unit", label: { zh: "开始整改", en: "Start rectification" } },
    { action: "submitRectification", from: ["open", "rectifying"], to: "rectified", by: "unit", label: { zh: "提交整改结果", en: "Submit rectification" } },
    { action: "rejectRectification", from: ["rectified"], to: "rectifying", by: "office", label: { zh: "核查未通过", en: "Reject" } },
    { action: "close", from: ["rectified"], to: "closed", by: "office", label: { zh: "核查通过并销号", en: "Verify and close" } },
  ],
);

/**
 * Unmet conditions of a problem's step (empty: it may proceed): submitting needs what was done written down;
 * a rejection needs its reason.
 * @example problemStepProblems("submitRectification", { rectification: " ", note: null }) // ["须填写整改情况"]
 */
export function problemStepProblems(action: ProblemAction, f: { rectification: string | null; note: string | null }): string[] {
  const out: string[] = [];
  if (action === "submitRectification" && !f.rectification?.trim()) out.push("须填写整改情况");
  if (action === "rejectRectification" && !f.note?.trim()) out.push("须说明核查未通过的原因");
  return out;
}

/** A problem as the dynamic-zero board counts it. */
export interface BoardProblem {
  sourceId: string;
  status: ProblemStatus;
  deadline: string | null;
}

/** One source on the board. */
export interface SourceBoard {
  /** Not closed. */
  open: number;
  /** Open and past their deadline. */
  overdue: number;
  closed: number;
  /** 动态清零: nothing open. */
  zero: boolean;
}

/**
 * Counts each source's problems for the 动态清零 board; sources without problems are 清零.
 * @example problemBoard(["s"], [{ sourceId: "s", status: "open", deadline: "2022-06-30" }], "2022-07-01").get("s") // { open: 1, overdue: 1, closed: 0, zero: false }
 */
export function problemBoard(sourceIds: readonly string[], problems: readonly BoardProblem[], today: string): Map<string, SourceBoard> {
  const out = new Map<string, SourceBoard>(sourceIds.map((id) => [id, { open: 0, overdue: 0, closed: 0, zero: true }]));
  const t = dayNumber(today);
  for (const p of problems) {
    const b = out.get(p.sourceId) ?? { open: 0, overdue: 0, closed: 0, zero: true };
    if (p.status === "closed") b.closed++;
    else {
      b.open++;
      if (p.deadline && dayNumber(p.deadline) < t) b.overdue++;
    }
    b.zero = b.open === 0;
    out.set(p.sourceId, b);
  }
  return out;
}

// ── Zones ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The outer rings of a polygon geometry (holes are ignored for nesting). */
function outerRings(g: Geometry): Position[][] {
  return g.type === "Polygon" ? [g.coordinates[0]] : g.type === "MultiPolygon" ? g.coordinates.map((p) => p[0]) : [];
}

/** Whether p lies inside the ring (ray casting; a point on an edge counts as inside). */
function inRing(p: Position, ring: readonly Position[]): boolean {
  // About 1 m at this latitude: shared boundaries of nested zones are drawn from the same vertices, but rounding
  // of typed coordinates must not make a shared vertex "outside".
  const EPS = 1e-5;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    const dx = xj - xi;
    const dy = yj - yi;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - xi) * dx + (p[1] - yi) * dy) / len2));
    if (Math.hypot(p[0] - (xi + t * dx), p[1] - (yi + t * dy)) <= EPS) return true;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Where along a→b (0…1) the segment meets c→d: a proper crossing, an end of c→d lying on a→b, or the ends of an
 * overlap when they are collinear. Empty when they do not meet.
 */
function meetings(a: Position, b: Position, c: Position, d: Position): number[] {
  const rx = b[0] - a[0], ry = b[1] - a[1], sx = d[0] - c[0], sy = d[1] - c[1];
  const len2 = rx * rx + ry * ry;
  if (len2 === 0) return [];
  const cross = rx * sy - ry * sx;
  const qx = c[0] - a[0], qy = c[1] - a[1];
  const out: number[] = [];
  if (cross !== 0) {
    const t = (qx * sy - qy * sx) / cross;
    const u = (qx * ry - qy * rx) / cross;
    if (t >= 0 && t <= 1 && u >= 0 && u <= 1) out.push(t);
  }
  // Ends of c→d on a→b (touching or collinear overlap).
  for (const p of [c, d]) {
    const t = ((p[0] - a[0]) * rx + (p[1] - a[1]) * ry) / len2;
    if (t < 0 || t > 1) continue;
    const off = Math.abs((p[0] - a[0]) * ry - (p[1] - a[1]) * rx) / Math.sqrt(len2);
    if (off <= 1e-12) out.push(t);
  }
  return out;
}

/** Whether all of the edge a→b lies in one of `rings` (closed): each piece between its meetings with their edges. */
function edgeWithin(a: Position, b: Position, rings: readonly (readonly Position[])[]): boolean {
  const ts = [0, 1];
  for (const r of rings) for (let i = 0; i + 1 < r.length; i++) ts.push(...meetings(a, b, r[i], r[i + 1]));
  ts.sort((x, y) => x - y);
  for (let i = 0; i + 1 < ts.length; i++) {
    if (ts[i + 1] - ts[i] < 1e-12) continue;
    const m = (ts[i] + ts[i + 1]) / 2;
    const p: Position = [a[0] + m * (b[0] - a[0]), a[1] + m * (b[1] - a[1])];
    if (!rings.some((o) => inRing(p, o))) return false;
  }
  return true;
}

/**
 * Whether `inner` lies within `outer` (on its boundary counts): every vertex inside, and every edge inside along
 * its whole length — cut at each point where it meets an edge of `outer`, the middle of each piece must lie inside,
 * so an edge that leaves a concave outer zone and comes back (all vertices inside) is caught. Holes are ignored.
 * @example zoneWithin(square(0.4, 0, 0.2), uShape) // false when the square bridges the U's notch
 */
export function zoneWithin(inner: Geometry, outer: Geometry): boolean {
  const rings = outerRings(outer);
  return outerRings(inner).every((r) => r.every((p) => rings.some((o) => inRing(p, o))) && r.every((p, i) => i + 1 >= r.length || edgeWithin(p, r[i + 1], rings)));
}

/**
 * What is wrong with the nesting of a source's zones, by zone (一级 inside 二级 inside 准保护区; a missing zone is
 * skipped, so 一级 is checked against 准保护区 when there is no 二级).
 * @example zoneNestingProblems({ zone1: big, zone2: small }) // [{ zone: "zone1", message: "一级保护区须位于二级保护区内" }]
 */
export function zoneNestingProblems(zones: Partial<Record<Zone, Geometry | null>>): { zone: Zone; message: string }[] {
  const out: { zone: Zone; message: string }[] = [];
  for (const [i, z] of ZONES.entries()) {
    const g = zones[z];
    if (!g) continue;
    const outer = ZONES.slice(i + 1).find((o) => zones[o]);
    if (outer && !zoneWithin(g, zones[outer]!)) out.push({ zone: z, message: `${ZONE_LABELS[z].zh}须位于${ZONE_LABELS[outer].zh}内` });
  }
  return out;
}

/**
 * Area of a polygon geometry, km² (outer rings minus holes), on a local equirectangular projection — good to
 * well under 1% for zones of a few km.
 * @example Math.round(areaKm2({ type: "Polygon", coordinates: [[[113, 35], [113.01, 35], [113.01, 35.01], [113, 35.01], [113, 35]]] }) * 100) / 100 // 1.01
 */
export function areaKm2(g: Geometry): number {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const ringArea = (ring: readonly Position[]) => {
    const lat0 = (ring.reduce((s, p) => s + p[1], 0) / ring.length) * rad;
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    }
    return Math.abs(a / 2) * (R * rad) ** 2 * Math.cos(lat0);
  };
  return polys.reduce((s, rings) => s + ringArea(rings[0]) - rings.slice(1).reduce((h, r) => h + ringArea(r), 0), 0);
}

// ── Compliance of a source from its intakes ───────────────────────────────────────────────────────────────────

/** One intake's result in one month (as server/monitoring/drinkingWater.ts reports it). */
export interface IntakeMonthResult {
  month: string;
  /** Null: not evaluated that month. */
  compliant: boolean | null;
  /** m³; null when unknown. */
  volume: number | null;
}

/** A source in one month. */
export interface SourceMonth {
  month: string;
  /** Null: no intake evaluated. */
  compliant: boolean | null;
  /** Evaluated intakes. */
  intakes: number;
  /** m³ of the evaluated intakes (unknown volumes count 0). */
  volume: number;
}

/**
 * A source's months from its intakes' months: a month complies when every intake evaluated that month complies;
 * its volume is the evaluated intakes' volume.
 * @example sourceMonths([[{ month: "2024-01", compliant: true, volume: 10 }], [{ month: "2024-01", compliant: false, volume: 5 }]])[0] // { month: "2024-01", compliant: false, intakes: 2, volume: 15 }
 */
export function sourceMonths(intakes: readonly (readonly IntakeMonthResult[])[]): SourceMonth[] {
  const byMonth = new Map<string, SourceMonth>();
  for (const months of intakes) {
    for (const m of months) {
      const s = byMonth.get(m.month) ?? { month: m.month, compliant: null, intakes: 0, volume: 0 };
      if (m.compliant !== null) {
        s.intakes++;
        s.volume += m.volume ?? 0;
        s.compliant = (s.compliant ?? true) && m.compliant;
      }
      byMonth.set(m.month, s);
    }
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
