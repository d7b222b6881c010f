/**
 * @module English UI strings of the devices area; must translate every key of ./devices.zh.ts (a type error otherwise).
 */
import type { devicesZh } from "./devices.zh";

/** English dictionary of the area. */
export const devicesEn: Record<keyof typeof devicesZh, string> = {
};
