/**
 * @module Colours of 清四乱 statuses on the map: open red, rectifying orange, rectified gold, verified blue, closed green.
 */
import type { ChaosStatus } from "../../../../../domain/registries/fourChaos";

/** Colour of each status. */
export const CHAOS_COLOURS: Record<ChaosStatus, string> = { open: "#cf1322", rectifying: "#fa8c16", rectified: "#d4b106", verified: "#1677ff", closed: "#389e0d" };
