/**
 * @module Authorization matrix rows of one area — Supervision (issue 3): rounds, ladder, indicators, settings — routes added after the first slice.
 * See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const supervisionMatrix = defineMatrixArea({
  name: "supervision",
  table: `
`,
  requests: {},
});
