/**
 * @module English UI strings of the registries area; must translate every key of ./registries.zh.ts (a type error otherwise).
 */
import type { registriesZh } from "./registries.zh";

/** English dictionary of the area. */
export const registriesEn: Record<keyof typeof registriesZh, string> = {
};
