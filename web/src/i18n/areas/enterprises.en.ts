/**
 * @module English UI strings of the second group of registries; must translate every key of ./enterprises.zh.ts.
 */
import type { enterprisesZh } from "./enterprises.zh";

/** English dictionary of the area. */
export const enterprisesEn: Record<keyof typeof enterprisesZh, string> = {
};
