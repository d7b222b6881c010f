/**
 * @module Authorization matrix rows of one area — Campaign registries (issue 5): black-odorous water bodies, outfalls, 清四乱, drinking sources, enterprises, facilities, river chiefs.
 * See ./area.ts for the format.
 */
import { defineMatrixArea } from "./area";

/** The area's rows, fixtures and requests. */
export const registriesMatrix = defineMatrixArea({
  name: "registries",
  table: `
`,
  requests: {},
});
