/**
 * @module Authorization matrix rows of one area — Public portal, complaints with rewards, Open311 (issue 6).
 * See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const publicMatrix = defineMatrixArea({
  name: "public",
  table: `
`,
  requests: {},
});
