/**
 * @module Authorization matrix rows of one area — Production (issue 7): scheduled reports and other operations routes.
 * See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const productionMatrix = defineMatrixArea({
  name: "production",
  table: `
`,
  requests: {},
});
