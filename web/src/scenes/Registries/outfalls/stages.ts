/**
 * @module Colours of the outfall stages on maps and tags: 查 grey-blue, 测 blue, 溯 purple, 治 orange, 审核 gold, 销号 green.
 */
import type { OutfallStage } from "../../../../../domain/registries/outfallLifecycle";

/** Colour of each stage. */
export const STAGE_COLOURS: Record<OutfallStage, string> = {
  investigation: "#8c8c8c",
  monitoring: "#1677ff",
  tracing: "#722ed1",
  remediation: "#fa8c16",
  review: "#d4b106",
  closed: "#389e0d",
};
