/**
 * @module English UI strings of the complaints area; must translate every key of ./complaints.zh.ts (a type error otherwise).
 */
import type { complaintsZh } from "./complaints.zh";

/** English dictionary of the area. */
export const complaintsEn: Record<keyof typeof complaintsZh, string> = {
};
