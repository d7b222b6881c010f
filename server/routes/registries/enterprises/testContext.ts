/**
 * @module The shared district of the second group's route tests (./secondGroup.test.ts):
 * one server per engine with the small test district, signed-in clients of the office, two units' staff and an
 * auditor, and the monitoring points the registries link to (intakes DW-A/B/C, outlets O1/O2, a section S1).
 * The cases of each registry (`*.cases.ts`) run on it one after the other. For tests only.
 */
import type { TestClient, TestServer } from "../../../test/testServer";
import type { buildDistrict } from "../testHelpers";

/** What the cases get. */
export interface GroupContext {
  s: TestServer;
  d: Awaited<ReturnType<typeof buildDistrict>>;
  admin: TestClient;
  ecoStaff: TestClient;
  fcStaff: TestClient;
  auditor: TestClient;
  /** Point ids by code. */
  points: Record<string, string>;
}

/** The points every case may use, by code and kind. */
export const GROUP_POINTS = [["DW-A", "drinking_intake"], ["DW-B", "drinking_intake"], ["DW-C", "drinking_intake"], ["S1", "section"], ["O1", "outlet"], ["O2", "outlet"]] as const;
