/**
 * @module English UI strings of the supervision area; must translate every key of ./supervision.zh.ts (a type error otherwise).
 */
import type { supervisionZh } from "./supervision.zh";

/** English dictionary of the area. */
export const supervisionEn: Record<keyof typeof supervisionZh, string> = {
};
