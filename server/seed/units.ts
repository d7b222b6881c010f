/**
 * @module The demo district's unit directory: the units of 焦作市中站区 that the seed plan names, from
 * domain/plan/zhongzhanUnits.ts (the plan parser resolves names against the same list).
 */
import { ZHONGZHAN_UNITS } from "../../domain/plan/zhongzhanUnits";

/** Units of the demo district, with kinds and aliases. */
export const DEMO_UNITS = ZHONGZHAN_UNITS;
