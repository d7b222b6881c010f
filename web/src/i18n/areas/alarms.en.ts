/**
 * @module English UI strings of the alarms area; must translate every key of ./alarms.zh.ts (a type error otherwise).
 */
import type { alarmsZh } from "./alarms.zh";

/** English dictionary of the area. */
export const alarmsEn: Record<keyof typeof alarmsZh, string> = {
};
