/**
 * @module Display colours of water-quality classes (project decision 5, a setting): Ⅰ–Ⅱ blue, Ⅲ green, Ⅳ yellow,
 * Ⅴ orange, 劣Ⅴ red. Only 劣Ⅴ = red is attested in the sources (reference §2); the rest follow common practice.
 */
import type { WaterClass } from "../standards/gb3838";

/** One class colour. */
export interface ClassColour {
  /** Colour word used in reports. */
  nameZh: string;
  /** CSS hex colour. */
  hex: string;
}

/** Colour per class; pass your own palette to `classColour` to override. */
export type ClassPalette = Readonly<Record<WaterClass, ClassColour>>;

/** The default palette. */
export const DEFAULT_PALETTE: ClassPalette = {
  1: { nameZh: "蓝", hex: "#1e88e5" },
  2: { nameZh: "蓝", hex: "#1e88e5" },
  3: { nameZh: "绿", hex: "#43a047" },
  4: { nameZh: "黄", hex: "#fdd835" },
  5: { nameZh: "橙", hex: "#fb8c00" },
  6: { nameZh: "红", hex: "#e53935" },
};

/**
 * The colour of a class.
 * @example classColour(6).nameZh // "红"
 */
export function classColour(c: WaterClass, palette: ClassPalette = DEFAULT_PALETTE): ClassColour {
  return palette[c];
}
