import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { buildSupervisionFixture, type SupervisionFixture } from "./testFixtures";

describe.each(ENGINES)("约谈, exposure and scoped ladders on %s", (engine) => {
  let s: TestServer;
  let fx: SupervisionFixture;
  beforeAll(async () => {
    s = await createTestServer(engine);
    const unit = await buildUnit(s.db, { name: "区城市管理局" });
    const other = await buildUnit(s.db, { name: "区交通运输局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "other.head", roles: ["unit_head"], unitIds: [other.id] });
    fx = await buildSupervisionFixture(s.db, { unitId: unit.id, otherUnitId: other.id });
  });
  afterAll(() => s.close());

  it("lists the exposure publicly with no people in it", async () => {
    const r = await new TestClient(s.app).get("/api/public/exposures");
    expect(r.status).toBe(200);
    expect(r.body.data).toHaveLength(1);
    expect(Object.keys(r.body.data[0]).sort()).toEqual(["id", "resolvedOn", "since", "taskNumber", "taskTitle", "unitName"]);
    expect(r.body.data[0]).toMatchObject({ unitName: "区城市管理局", taskNumber: "2", resolvedOn: null });
  });

  it("minutes an interview once; a unit head sees only their own unit's ladders and interviews", async () => {
    const admin = await TestClient.signIn(s.app, "admin");
    const list = await admin.get("/api/supervision/interviews");
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ id: fx.interviewId, unitName: "区城市管理局", place: "区政府三楼会议室", heldOn: null });
    const body = { heldOn: new Date().toISOString().slice(0, 10), minutes: "承诺月底前完成整改", ref: "约谈纪要1号" };
    const first = await admin.post(`/api/supervision/interviews/${fx.interviewId}/minutes`, body);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ minutesRef: "约谈纪要1号" });
    expect((await admin.post(`/api/supervision/interviews/${fx.interviewId}/minutes`, body)).status).toBe(409);
    const entry = await s.db.selectFrom("audit_events").selectAll().where("action", "=", "interview.minutes").executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(fx.interviewId);

    const head = await TestClient.signIn(s.app, "other.head");
    expect((await head.get("/api/supervision/interviews")).body.data).toEqual([]);
    const ladders = (await head.get("/api/supervision/ladders")).body.data;
    expect(new Set(ladders.map((l: { unitName: string }) => l.unitName))).toEqual(new Set(["区交通运输局"]));
    expect((await head.get(`/api/supervision/documents/${fx.documentId}/docx`)).status).toBe(403);
  });

  it("refuses confirming an unknown proposal with 404 and a 约谈 without its date with 400", async () => {
    const admin = await TestClient.signIn(s.app, "admin");
    expect((await admin.post("/api/supervision/proposals/00000000-0000-4000-8000-000000000000/confirm", {})).status).toBe(404);
    // Put an interview proposal on the other unit's task-1 ladder to check the date rule.
    const ladder = await s.db.selectFrom("ladders").select("id").where("task_id", "=", fx.task1Id).where("closed_at", "is", null).executeTakeFirstOrThrow();
    const p = await s.db.insertInto("ladder_proposals").values({ ladder_id: ladder.id, step: "interview", reasons: "[]", proposed_at: new Date() }).returning("id").executeTakeFirstOrThrow();
    const r = await admin.post(`/api/supervision/proposals/${p.id}/confirm`, {});
    expect(r.status).toBe(400);
    expect(r.body.data.issues[0].path).toBe("scheduledFor");
  });
});
