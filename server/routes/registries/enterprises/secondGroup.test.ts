import { afterAll, beforeAll, describe } from "vitest";
import { ENGINES } from "../../../test/testDatabase";
import { createTestServer, TestClient } from "../../../test/testServer";
import { buildDistrict } from "../testHelpers";
import { drinkingSourceCases } from "../drinkingSources/drinkingSources.cases";
import { facilityCases } from "../facilities/facilities.cases";
import { enterpriseCases } from "./enterprises.cases";
import { GROUP_POINTS, type GroupContext } from "./testContext";

/**
 * The second group of registries on both engines — drinking-water sources and their problems, enterprises and
 * their years, facilities — on one migrated database per engine (the cases of each registry live beside it in
 * `*.cases.ts` and use distinct codes, so they run one after the other on the same district).
 */
describe.each(ENGINES)("second group of registries on %s", (engine) => {
  let ctx: GroupContext;
  beforeAll(async () => {
    const s = await createTestServer(engine);
    const d = await buildDistrict(s.db);
    const [admin, ecoStaff, fcStaff, auditor] = await Promise.all(["admin", "eco.staff", "fc.staff", "auditor"].map((u) => TestClient.signIn(s.app, u)));
    const points: Record<string, string> = {};
    for (const [code, kind] of GROUP_POINTS) {
      points[code] = (await s.db.insertInto("monitoring_points").values({
        code, name: `${code}（测试）`, kind,
        ...(kind === "drinking_intake" ? { water_body: "甲渠", water_body_type: "river" as const, target_class: 3 } : {}),
        ...(kind === "section" ? { level: "county" as const, water_body_type: "river" as const, target_class: 3 } : {}),
      }).returning("id").executeTakeFirstOrThrow()).id;
    }
    ctx = { s, d, admin, ecoStaff, fcStaff, auditor, points };
  }, 60_000);
  afterAll(() => ctx?.s.close());

  drinkingSourceCases(() => ctx);
  enterpriseCases(() => ctx);
  facilityCases(() => ctx);
});
