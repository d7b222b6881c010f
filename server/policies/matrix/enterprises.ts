/**
 * @module Authorization matrix rows of the second group of registries (issue 5): drinking-water sources,
 * enterprises and permits, facilities. See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const enterprisesMatrix = defineMatrixArea({
  name: "enterprises",
  table: `
`,
  requests: {},
});
