/**
 * @module Authorization matrix rows of one area — Monitoring (issues 8, 9): ecological flow, drinking sources, device status and other routes added after the first slice.
 * See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const monitoringMatrix = defineMatrixArea({
  name: "monitoring",
  table: `
`,
  requests: {},
});
