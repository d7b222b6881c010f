import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { insertRule, insertAlarm } from "../../repositories/alarm.repository";

describe.each(ENGINES)("emergency plan routes on %s", (engine) => {
  let s: TestServer;
  let admin: TestClient;
  let chief: TestClient;
  let staff: TestClient;
  let riverId: string;
  let sectionId: string;
  let alarmId: string;
  let chiefUserId: string;

  beforeAll(async () => {
    s = await createTestServer(engine);
    const unit = await buildUnit(s.db, { name: "中站生态环境分局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    chiefUserId = (await buildUser(s.db, { username: "chief", roles: ["river_chief"], displayName: "府城河长" })).id;
    await buildUser(s.db, { username: "staff", roles: ["unit_staff"], unitIds: [unit.id] });
    [admin, chief, staff] = await Promise.all(["admin", "chief", "staff"].map((u) => TestClient.signIn(s.app, u)));
    // A river running east along 35.2°N; the section in the middle, an outfall and an enterprise west (upstream), a
    // drinking-water source east (downstream).
    riverId = (await s.db.insertInto("rivers").values({
      name: "大沙河", kind: "river", unit_id: unit.id, geometry: JSON.stringify({ type: "LineString", coordinates: [[113.1, 35.2], [113.2, 35.2], [113.3, 35.2]] }),
    }).returning("id").executeTakeFirstOrThrow()).id;
    await s.db.insertInto("river_chiefs").values([
      { river_id: riverId, level: "district", name: "区级河长", position: "副区长", user_id: null, unit_id: unit.id },
      { river_id: riverId, level: "subdistrict", name: "府城河长", position: "办事处主任", user_id: chiefUserId, unit_id: unit.id, phone: "0391-0000000" },
    ]).execute();
    await s.db.insertInto("outfalls").values({
      code: "PK-01", name: "某厂入河排污口", type_code: "industrial", river_id: riverId, unit_id: unit.id, lon: 113.15, lat: 35.201, found_on: "2022-03-01", stage_since: "2022-03-01",
    }).execute();
    const ent = await s.db.insertInto("enterprises").values({ code: "QY-01", name: "某化工企业", river_id: riverId, unit_id: unit.id, lon: 113.12, lat: 35.199 }).returning("id").executeTakeFirstOrThrow();
    await s.db.insertInto("drinking_sources").values({
      code: "SY-01", name: "下游水源地", source_kind: "river", level: "county", river_id: riverId, unit_id: unit.id, lon: 113.28, lat: 35.2, population_wan: 3,
    }).execute();
    sectionId = (await s.db.insertInto("monitoring_points").values({
      code: "S01", name: "府城断面", kind: "section", water_body: "大沙河", water_body_type: "river", target_class: 3, lon: 113.2, lat: 35.2,
    }).returning("id").executeTakeFirstOrThrow()).id;
    await s.db.insertInto("monitoring_points").values({ code: "O01", name: "化工企业排口", kind: "outlet", river_id: riverId, enterprise_id: ent.id, lon: 113.121, lat: 35.199 }).execute();
    const rule = await insertRule(s.db, {
      name: "断面氨氮超 2 倍", enabled: true, severity: "severe", pointId: sectionId, pointKind: null, period: "hour", combinator: "or",
      conditions: [{ kind: "threshold", factor: "w21003", basis: "target_class", multiple: 2, above: null, below: null }], persistenceMinutes: 0, repeatMinutes: 30, escalation: [],
    }, null);
    const details = JSON.stringify({ summary: "氨氮 2.6 > 2（目标类别限值 × 2）" });
    alarmId = (await insertAlarm(s.db, { rule_id: rule.id, point_id: sectionId, severity: "severe", title: "断面氨氮超 2 倍", raised_at: new Date(), details, last_details: details })).id;
  });
  afterAll(() => s.close());

  it("the plan template: chiefs, records up- and downstream of the section, the template steps", async () => {
    const r = await staff.get(`/api/emergency/plans/${riverId}?pointId=${sectionId}`);
    expect(r.status).toBe(200);
    const v = r.body.data;
    expect(v.plan).toMatchObject({ stored: false, title: "大沙河突发水污染事件应急处置方案" });
    expect(v.plan.steps.map((x: { title: string }) => x.title)[0]).toBe("核实报警");
    expect(v.chiefs.map((c: { name: string; hasAccount: boolean }) => [c.name, c.hasAccount])).toEqual([["区级河长", false], ["府城河长", true]]);
    expect(v.outfalls.map((o: { code: string; side: string }) => [o.code, o.side])).toEqual([["PK-01", "upstream"]]);
    expect(v.enterprises.map((o: { code: string; side: string }) => [o.code, o.side])).toEqual([["QY-01", "upstream"]]);
    expect(v.sources.map((o: { code: string; side: string }) => [o.code, o.side])).toEqual([["SY-01", "downstream"]]);
    // 0.08° of longitude at 35.2°N ≈ 7.27 km
    expect(v.sources[0].distanceKm).toBeCloseTo(6371 * (Math.PI / 180) * 0.08 * Math.cos((35.2 * Math.PI) / 180), 1);
    // The section is linked by its water-body name, the outlet by river_id.
    expect(v.points.map((p: { code: string }) => p.code)).toEqual(["O01", "S01"]);
    expect(r.body.canEdit).toBe(false);
    const list = await staff.get("/api/emergency/plans");
    expect(list.body.data).toEqual([expect.objectContaining({ riverName: "大沙河", planId: null, openIncidents: 0 })]);
  });

  it("the office saves the plan (reversed course flips the sides); others may not", async () => {
    const plan = {
      title: "大沙河应急方案", courseReversed: true,
      contacts: [{ name: "水厂值班室", role: "取水口监测", phone: "0391-1234567", userId: null }],
      steps: [{ title: "核实报警", detail: "现场采样", owner: "分局" }, { title: "预警下游水厂", detail: "加密监测", owner: "水利局" }],
    };
    expect((await staff.request("PUT", `/api/emergency/plans/${riverId}`, plan)).status).toBe(403);
    const bad = await admin.request("PUT", `/api/emergency/plans/${riverId}`, { ...plan, steps: [] });
    expect(bad.body.data.issues[0]).toMatchObject({ path: "steps", message: "至少一个处置步骤" });
    expect((await admin.request("PUT", `/api/emergency/plans/${riverId}`, plan)).status).toBe(200);
    const v = (await staff.get(`/api/emergency/plans/${riverId}?pointId=${sectionId}`)).body.data;
    expect(v.plan).toMatchObject({ stored: true, courseReversed: true, contacts: plan.contacts });
    expect(v.outfalls[0].side).toBe("downstream");
    await admin.request("PUT", `/api/emergency/plans/${riverId}`, { ...plan, courseReversed: false });
  });

  it("a severe alarm offers the plan; activating notifies the chain and opens one incident with its log", async () => {
    const detail = await chief.get(`/api/alarms/${alarmId}`);
    expect(detail.body.data.plan).toMatchObject({ riverId, riverName: "大沙河", incidentId: null });
    expect(detail.body.canActivatePlan).toBe(true);
    expect((await staff.post(`/api/emergency/plans/${riverId}/activate`, { alarmId })).status).toBe(403);
    const act = await chief.post(`/api/emergency/plans/${riverId}/activate`, { alarmId, note: "已赶赴现场" });
    expect(act.status).toBe(200);
    expect(act.body.data).toMatchObject({ created: true, status: "open", alarmId, pointId: sectionId, title: "大沙河 府城断面 应急处置", notified: 2 });
    const again = await chief.post(`/api/emergency/plans/${riverId}/activate`, { alarmId });
    expect(again.body.data).toMatchObject({ id: act.body.data.id, created: false });
    const inbox = await s.db.selectFrom("notifications as n").innerJoin("users as u", "u.id", "n.user_id").select(["u.username", "n.kind"])
      .where("n.kind", "=", "emergency.activated").orderBy("u.username").execute();
    expect(inbox).toEqual([{ username: "admin", kind: "emergency.activated" }, { username: "chief", kind: "emergency.activated" }]);
    const events = (await chief.get(`/api/alarms/${alarmId}`)).body.data;
    expect(events.plan.incidentId).toBe(act.body.data.id);
    expect(events.events.map((e: { kind: string }) => e.kind)).toEqual(["plan_activated"]);
    const id = act.body.data.id;
    const noStep = await chief.post(`/api/emergency/incidents/${id}/log`, { kind: "step", text: "已采样" });
    expect(noStep.body.data.issues[0]).toMatchObject({ path: "stepIndex" });
    expect((await chief.post(`/api/emergency/incidents/${id}/log`, { kind: "step", stepIndex: 9, text: "已采样" })).status).toBe(400);
    expect((await chief.post(`/api/emergency/incidents/${id}/log`, { kind: "step", stepIndex: 0, text: "现场采样 3 个，送实验室" })).status).toBe(200);
    expect((await staff.post(`/api/emergency/incidents/${id}/log`, { kind: "note", text: "旁观" })).status).toBe(403);
    expect((await chief.post(`/api/emergency/incidents/${id}/close`, { summary: "上游企业偷排，已责令停产，断面连续 6 小时达标" })).status).toBe(200);
    expect((await chief.post(`/api/emergency/incidents/${id}/log`, { kind: "note", text: "补记" })).status).toBe(409);
    const inc = await staff.get(`/api/emergency/incidents/${id}`);
    expect(inc.body.data.log.map((l: { kind: string; text: string }) => [l.kind, l.text])).toEqual([
      ["opened", "启动《大沙河应急方案》；氨氮 2.6 > 2（目标类别限值 × 2）；已赶赴现场"],
      ["notified", "已通知 2 人"],
      ["step", "第 1 步“核实报警”：现场采样 3 个，送实验室"],
      ["closed", "应急状态解除：上游企业偷排，已责令停产，断面连续 6 小时达标"],
    ]);
    expect(inc.body.data.view.sources[0].side).toBe("downstream");
    expect(inc.body.policies[id]).toEqual({ read: true, log: false, close: false });
    const audits = await s.db.selectFrom("audit_events").select("action").where("entity_id", "=", id).orderBy("seq").execute();
    expect(audits.map((a) => a.action)).toEqual(["emergency_plan.activate", "incident.step", "incident.close"]);
  });
});
