/**
 * @module English UI strings of the reports area; must translate every key of ./reports.zh.ts (a type error otherwise).
 */
import type { reportsZh } from "./reports.zh";

/** English dictionary of the area. */
export const reportsEn: Record<keyof typeof reportsZh, string> = {
};
