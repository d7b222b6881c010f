/**
 * @module Authorization matrix rows of one area — Data QC, anti-fabrication findings, review, alarms and river emergency plans (issue 4).
 * See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const qualityMatrix = defineMatrixArea({
  name: "quality",
  table: `
`,
  requests: {},
});
