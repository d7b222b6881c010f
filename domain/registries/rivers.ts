/**
 * @module Rivers and river chiefs (河湖长制): kinds of water in the register and the levels of the 河湖长 directory
 * of a district — 区级, 乡镇（街道）级, 村级 — as the 河湖长制 organises them (one chief per level per river or reach).
 */
import type { Label } from "./lifecycle";

/** Kinds of water in the register. */
export const RIVER_KINDS = ["river", "lake", "reservoir", "canal"] as const;
/** One kind. */
export type RiverKind = (typeof RIVER_KINDS)[number];
/** Names of the kinds. */
export const RIVER_KIND_LABELS: Readonly<Record<RiverKind, Label>> = {
  river: { zh: "河流", en: "river" },
  lake: { zh: "湖泊", en: "lake" },
  reservoir: { zh: "水库", en: "reservoir" },
  canal: { zh: "渠道", en: "canal" },
};

/** Levels of river chiefs, highest first. */
export const CHIEF_LEVELS = ["district", "subdistrict", "village"] as const;
/** One level. */
export type ChiefLevel = (typeof CHIEF_LEVELS)[number];
/** Names of the levels. */
export const CHIEF_LEVEL_LABELS: Readonly<Record<ChiefLevel, Label>> = {
  district: { zh: "区级河湖长", en: "district chief" },
  subdistrict: { zh: "街道级河湖长", en: "sub-district chief" },
  village: { zh: "村级河湖长", en: "village chief" },
};

/** Enum options (value + Chinese label) for sheets and forms. */
export const optionsOf = <K extends string>(labels: Readonly<Record<K, Label>>, keys: readonly K[]) =>
  keys.map((k) => ({ value: k, label: labels[k].zh }));
