/**
 * @module Unit-name normalisation against a directory of `{ name, aliases[] }` (canonical names as the district's
 * 区直部门 / 分局 / 办事处 are called). Matching order: exact name or alias; then a loose key that drops the area
 * prefix (e.g. "焦作市", "中站区"), a leading "区" (often dropped after the first item of a list: 「区发展和改革
 * 委员会、农业农村局参与」) and every "和" (住房城乡建设局 = 住房和城乡建设局). Collective designations (「各办事处」,
 * 「南水北调中线工程相关办事处」, 「区直有关部门」, 「各县区政府」) are a kind of their own. Nothing unknown is created.
 */
import { toSimplified } from "./traditional";
import type { PlanUnit } from "./types";

/** What one name resolved to. */
export type UnitResolution =
  | { kind: "unit"; name: string }
  | { kind: "collective"; name: string }
  | { kind: "unknown"; name: string };

/** Options of the resolver. */
export interface ResolverOptions {
  /** Area prefixes that may precede a unit name, e.g. ["焦作市", "中站区"]. */
  areaNames?: readonly string[];
}

/** A resolver plus the loose keys that were ambiguous in the directory (reported as warnings). */
export interface UnitResolver {
  resolve(raw: string): UnitResolution;
  /** Loose keys shared by two units; such keys never match. */
  ambiguous: string[];
}

/**
 * 各…, 全区/区直…, …相关/有关…(办事处|部门|单位|政府…), 其他… — designations of a group, not one unit.
 * @example isCollective("南水北调中线工程相关办事处") // true
 */
export function isCollective(name: string): boolean {
  return (
    /^(各|全区|全体|区直|县直|市直|其他|其它|相关|有关)/.test(name) ||
    /(相关|有关|各)[\u4e00-\u9fa5]*(办事处|街道|乡镇|部门|单位|政府|企业|成员单位)$/.test(name)
  );
}

const clean = (s: string) => toSimplified(s).replace(/\s+/g, "");

/** A province or city prefix (「焦作市」) names another level of government unless a district name follows it. */
const HIGHER = /[省市]$/;

function looseKey(name: string, areaNames: readonly string[]): string {
  let s = clean(name);
  for (let again = true; again; ) {
    again = false;
    for (const a of areaNames)
      if (s.startsWith(a) && s.length > a.length + 1 && (!HIGHER.test(a) || areaNames.some((b) => !HIGHER.test(b) && s.startsWith(b, a.length)))) {
        s = s.slice(a.length);
        again = true;
      }
  }
  if (s.startsWith("区") && s.length > 3) s = s.slice(1);
  return s.replace(/和/g, "");
}

/**
 * Builds a resolver over a directory.
 * @example createUnitResolver([{ name: "区农业农村局", aliases: [] }]).resolve("农业农村局") // { kind: "unit", name: "区农业农村局" }
 */
export function createUnitResolver(units: readonly PlanUnit[], options: ResolverOptions = {}): UnitResolver {
  const areaNames = (options.areaNames ?? []).map(clean);
  const exact = new Map<string, string>();
  const loose = new Map<string, string | null>();
  for (const u of units)
    for (const n of [u.name, ...u.aliases]) {
      exact.set(clean(n), u.name);
      const k = looseKey(n, areaNames);
      const had = loose.get(k);
      loose.set(k, had === undefined || had === u.name ? u.name : null);
    }
  const ambiguous = [...loose].filter(([, v]) => v === null).map(([k]) => k);

  const one = (name: string): string | undefined => exact.get(name) ?? loose.get(looseKey(name, areaNames)) ?? undefined;

  return {
    ambiguous,
    resolve(raw) {
      const name = clean(raw);
      const hit = one(name);
      if (hit) return { kind: "unit", name: hit };
      if (isCollective(name)) return { kind: "collective", name };
      return { kind: "unknown", name };
    },
  };
}

/**
 * Splits a run of names written without separators ("区住建局区城管局", PDF spaces removed) into directory units;
 * null unless the whole run is covered by at least two units.
 */
export function segmentUnits(run: string, resolver: UnitResolver): string[] | null {
  const s = clean(run);
  // best[i] = fewest pieces covering s[0, i)
  const best: (string[] | null)[] = [[], ...Array<null>(s.length).fill(null)];
  for (let i = 0; i < s.length; i++) {
    if (!best[i]) continue;
    for (let j = i + 2; j <= s.length; j++) {
      const r = resolver.resolve(s.slice(i, j));
      if (r.kind !== "unit") continue;
      const next = [...best[i]!, r.name];
      if (!best[j] || best[j]!.length > next.length) best[j] = next;
    }
  }
  const all = best[s.length];
  return all && all.length >= 2 ? all : null;
}

/** A name of its own left between known units: starts like a unit's name and ends in an organisation word. */
const GAP_NAME = /^(?:区|市|县|省|中站|焦作)[\u4e00-\u9fa5]{1,20}(?:局|委|委员会|办|办公室|中心|集团|公司|站|所|院|队|处|厅|会)$/;

/**
 * Splits a run of names written with spaces between them (normalisation drops spaces between Chinese characters,
 * so 「区农业农村局  区水务集团」 arrives as one run) into directory units and, between them, names the directory
 * does not know. A leftover piece counts as a name only when it looks like one (GAP_NAME), so a sub-unit such as
 * 「中站生态环境分局执法大队」 is not cut into a unit and a fragment. Null unless at least one unit and one unknown
 * name cover the whole run (runs of units only are `segmentUnits`' business).
 * @example segmentWithUnknown("区农业农村局区水务集团", resolver) // { units: ["区农业农村局"], unknown: ["区水务集团"] }
 */
export function segmentWithUnknown(run: string, resolver: UnitResolver): { units: string[]; unknown: string[] } | null {
  const s = clean(run);
  type Piece = { unit: boolean; name: string };
  // best[i]: the cover of s[0, i) leaving the fewest characters to unknown names, then with the fewest pieces.
  const best: ({ pieces: Piece[]; unknown: number } | null)[] = [{ pieces: [], unknown: 0 }, ...Array(s.length).fill(null)];
  for (let i = 0; i < s.length; i++) {
    const from = best[i];
    if (!from) continue;
    for (let j = i + 2; j <= s.length; j++) {
      const piece = s.slice(i, j);
      const r = resolver.resolve(piece);
      const p: Piece | null = r.kind === "unit" ? { unit: true, name: r.name } : GAP_NAME.test(piece) ? { unit: false, name: piece } : null;
      if (!p) continue;
      const next = { pieces: [...from.pieces, p], unknown: from.unknown + (p.unit ? 0 : piece.length) };
      const had = best[j];
      if (!had || next.unknown < had.unknown || (next.unknown === had.unknown && next.pieces.length < had.pieces.length)) best[j] = next;
    }
  }
  const all = best[s.length];
  if (!all || !all.pieces.some((p) => p.unit) || !all.pieces.some((p) => !p.unit)) return null;
  return { units: all.pieces.filter((p) => p.unit).map((p) => p.name), unknown: all.pieces.filter((p) => !p.unit).map((p) => p.name) };
}

/** Words ending the name of a part of a unit (a 大队 of a 分局, a 监测站, a 科). */
const SUB_UNIT = /(?:执法大队|大队|中队|支队|监测站|监测中心|站|所|科|股|室|中心)$/;
/** A body of another level: 市…, 省…, or 「焦作市…」 without the district after it. */
const OTHER_LEVEL = /^(?:市|省|县)(?!直)/;

/** Character bigrams of a name. */
const bigrams = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));

/** Dice similarity of two names over their bigrams, 0–1. */
function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** A name without area prefixes, a leading 区/市/省/县 and a trailing sub-unit word: what it is about. */
function core(name: string, areaNames: readonly string[]): string {
  let s = clean(name);
  for (let again = true; again; ) {
    again = false;
    for (const a of areaNames)
      if (s.startsWith(a) && s.length > a.length + 1) {
        s = s.slice(a.length);
        again = true;
      }
  }
  s = s.replace(/^[区市省县](?=.{2})/, "");
  const cut = s.replace(SUB_UNIT, "");
  return (cut.length >= 2 ? cut : s).replace(/和/g, "");
}

/**
 * The directory unit closest to a name it does not know, for the person confirming the import (never applied by
 * itself): a unit whose name or alias starts the unknown name (「中站生态环境分局执法大队」 → 中站生态环境分局,
 * "sub_unit"), else the best bigram match of the names' cores (area prefix, 区/市 and sub-unit words dropped) at
 * a similarity of at least 0.5 — "other_level" for 市…/省…/焦作市… bodies, "sub_unit" for …站/…大队, else
 * "similar". Null when nothing is that close.
 * @example suggestUnit("市生态环境局", ZHONGZHAN_UNITS, ZHONGZHAN_AREA_NAMES) // { unit: "中站生态环境分局", reason: "other_level" }
 */
export function suggestUnit(name: string, units: readonly PlanUnit[], areaNames: readonly string[] = []): { unit: string; reason: "sub_unit" | "other_level" | "similar" } | null {
  const areas = areaNames.map(clean);
  const s = clean(name);
  const higher = OTHER_LEVEL.test(s) || areas.some((a) => HIGHER.test(a) && s.startsWith(a) && !areas.some((b) => !HIGHER.test(b) && s.startsWith(b, a.length)));
  const reason = higher ? "other_level" : SUB_UNIT.test(s) ? "sub_unit" : "similar";
  let prefix: { unit: string; length: number } | null = null;
  for (const u of units)
    for (const n of [u.name, ...u.aliases].map(clean))
      if (s.length > n.length && s.startsWith(n) && (!prefix || n.length > prefix.length)) prefix = { unit: u.name, length: n.length };
  if (prefix && !higher) return { unit: prefix.unit, reason: "sub_unit" };
  const mine = core(s, areas);
  let best: { unit: string; score: number } | null = null;
  for (const u of units)
    for (const n of [u.name, ...u.aliases]) {
      const score = dice(mine, core(n, areas));
      if (!best || score > best.score) best = { unit: u.name, score };
    }
  return best && best.score >= 0.5 ? { unit: best.unit, reason } : null;
}
