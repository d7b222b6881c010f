import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import exifr from "exifr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUnit, buildUser } from "../../test/factories";
import { issueChallenge, solveChallenge } from "../../crypto/challenge";
import { writeSetting } from "../../repositories/complaintCatalog.repository";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { insertReadings } from "../../repositories/reading.repository";
import { insertGoals, insertPlan } from "../../repositories/plan.repository";
import { buildComplaint, moveComplaint } from "./testFixtures";
import { ComplaintOverdueTask } from "../../jobs/complaintOverdueTask";

const GPS_JPEG = readFileSync(new URL("../../documents/fixtures/photo-gps.jpg", import.meta.url));
const XSS = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;

const solved = (difficulty = 4) => {
  const c = issueChallenge(new Date(), difficulty);
  return { token: c.token, counter: solveChallenge(c) };
};

/**
 * Complaints, rewards, the public portal's reads and the overdue reminders, on one database per engine (each new
 * database runs every migration, so the area's route tests share one).
 */
describe.each(ENGINES)("complaints and the public portal on %s", (engine) => {
  let s: TestServer;
  let eco: { id: string };
  let admin: TestClient;
  beforeAll(async () => {
    s = await createTestServer(engine);
    eco = await buildUnit(s.db, { name: "中站生态环境分局" });
    const other = await buildUnit(s.db, { name: "区水利局" });
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    await buildUser(s.db, { username: "admin2", roles: ["office_admin"] });
    await buildUser(s.db, { username: "eco.head", roles: ["unit_head"], unitIds: [eco.id] });
    await buildUser(s.db, { username: "eco.staff", roles: ["unit_staff"], unitIds: [eco.id] });
    await buildUser(s.db, { username: "water.staff", roles: ["unit_staff"], unitIds: [other.id] });
    await writeSetting(s.db, "portal", { limits: { challengeDifficulty: 4, perAddressPerHour: 3 } });
    admin = await TestClient.signIn(s.app, "admin");
    await portalFixtures();
  });

  /** Sections with a month of samples and a plan with an indicator, for the public portal's reads. */
  async function portalFixtures() {
    const p = await s.db.insertInto("monitoring_points")
      .values({ code: "S9", name: "测试断面", kind: "section", level: "county", water_body_type: "river", target_class: 3, lat: 35.2, lon: 113.2 })
      .returning("id").executeTakeFirstOrThrow();
    // The same water against a class Ⅱ target: not attained, one class short.
    const strict = await s.db.insertInto("monitoring_points")
      .values({ code: "S8", name: "严格断面", kind: "section", level: "county", water_body_type: "river", target_class: 2, lat: 35.21, lon: 113.2 })
      .returning("id").executeTakeFirstOrThrow();
    await insertReadings(s.db, [["w21003", 0.6], ["w01019", 4], ["w01009", 6]].map(([factor, value]) => ({
      point_id: strict.id, factor: factor as string, period: "sample" as const, t: new Date("2024-05-12T02:00:00Z"), value: value as number, flag: null, source: "lab" as const,
    })));
    const at = (d: string) => new Date(`2024-05-${d}T02:00:00Z`);
    const r = (t: Date, factor: string, value: number, qc = 2) => ({ point_id: p.id, factor, period: "sample" as const, t, value, flag: null, source: "lab" as const, qc_flag: qc });
    await insertReadings(s.db, [
      r(at("10"), "w21003", 0.4), r(at("10"), "w01019", 4), r(at("10"), "w01009", 6),
      r(at("20"), "w21003", 0.8, 1), r(at("20"), "w01019", 4, 1), r(at("20"), "w01009", 6, 3),
      // A value that failed QC: left out of the month (it would make the section 劣Ⅴ).
      r(at("15"), "w21003", 5.0, 4),
    ]);
    const plan = await insertPlan(s.db, { title: "测试方案", docNumber: "测〔2024〕1号", issuer: null, issuedOn: null, year: 2024, sourceText: "x", sourceSha256: randomBytes(32).toString("hex"), importedBy: null });
    await insertGoals(s.db, plan.id, [{ text: "城市集中式饮用水水源地取水水质达标率达到100%", targets: [] }]);
    const ind = await sql<{ id: string }>`insert into indicators (plan_id, code, name, unit, comparison, target_value, target_year, formula, method, amber_margin)
      values (${plan.id}, 'dw_rate', '饮用水水源地达标率', '%', 'at_least', 100, 2024, '达标次数 ÷ 监测次数', 'entered', 5) returning id`.execute(s.db);
    await sql`insert into indicator_values (indicator_id, period, value, source, source_document) values (${ind.rows[0].id}, '2024', 97, 'entered', '《2024年水质公报》')`.execute(s.db);
  }
  const anon = () => new TestClient(s.app);
  afterAll(() => s.close());

  /** A public post from one network address (inject's remoteAddress). */
  const post = async (url: string, body: unknown, ip = "198.51.100.7") => {
    const r = await s.app.inject({ method: "POST", url, payload: body as object, remoteAddress: ip });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };
  const file = (extra: object = {}, ip?: string) => post("/api/public/complaints", {
    categoryCode: "sewage", description: "大沙河桥下排口有黑水直排，联系我13912345678", lat: 35.196, lon: 113.171, challenge: solved(), ...extra,
  }, ip);

  it("files with a photo: the public copy has no GPS, the original keeps it for staff, the contact is encrypted", async () => {
    const r = await file({ anonymous: false, contact: { name: "张三", phone: "13912345678" }, wantsReward: true, photos: [{ fileName: "现场.jpg", contentBase64: GPS_JPEG.toString("base64") }] }, "198.51.100.1");
    expect(r.status).toBe(200);
    expect(r.body.data.receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const c = r.body.data.complaint;
    expect(c.number).toMatch(/^\d{4}-\d{6}$/);
    // The public text masks the phone number; the location is rounded to ~100 m.
    expect(c.description).toBe("大沙河桥下排口有黑水直排，联系我[电话已隐去]");
    expect(c).not.toHaveProperty("contact");
    const pub = await s.app.inject({ url: c.photos[0].url });
    expect(pub.headers["content-type"]).toBe("image/jpeg");
    expect((await exifr.gps(pub.rawPayload))?.latitude).toBeUndefined();
    const [row] = await s.db.selectFrom("complaints").selectAll().where("number", "=", c.number).execute();
    expect(row.contact_ciphertext).not.toContain("1391234");
    expect(row.contact_ciphertext?.startsWith("v1.")).toBe(true);
    expect(JSON.stringify(await s.db.selectFrom("audit_events").select("data").where("entity_id", "=", row.id).execute())).not.toContain("1391234");
    const staff = await admin.get(`/api/complaints/${row.id}`);
    const original = await s.app.inject({ url: staff.body.data.photos[0].originalUrl, headers: { cookie: admin.cookie! } });
    expect((await exifr.gps(original.rawPayload))?.latitude).toBeCloseTo(35.1962, 4);
  });

  it("refuses a missing, wrong or replayed challenge", async () => {
    const noChallenge = await post("/api/public/complaints", { categoryCode: "sewage", description: "河里有黑水排出", address: "某地" });
    expect(noChallenge.status).toBe(400);
    const c = issueChallenge(new Date(), 4);
    let wrong = 0;
    // A counter whose hash has fewer than the 4 leading zero bits asked for (first byte ≥ 0x10).
    while (createHash("sha256").update(`${c.token}:${wrong}`).digest()[0] < 0x10) wrong++;
    const bad = await file({ challenge: { token: c.token, counter: String(wrong) } }, "198.51.100.2");
    expect(bad.body.error).toBe("complaint.challenge");
    const answer = solved();
    expect((await file({ challenge: answer }, "198.51.100.2")).status).toBe(200);
    const replay = await file({ challenge: answer }, "198.51.100.2");
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: "complaint.challenge", data: { reason: "used" } });
  });

  it("limits posts per address and refuses photos that are not JPEG/PNG", async () => {
    for (let i = 0; i < 3; i++) expect((await file({ description: `河道第${i}处有人倾倒垃圾` }, "198.51.100.3")).status).toBe(200);
    const fourth = await file({}, "198.51.100.3");
    expect(fourth.status).toBe(429);
    expect(fourth.body.error).toBe("rate_limited");
    expect((await file({}, "198.51.100.4")).status).toBe(200);
    const pdf = await file({ photos: [{ fileName: "x.jpg", contentBase64: Buffer.from("%PDF-1.7 not a photo").toString("base64") }] }, "198.51.100.5");
    expect(pdf.status).toBe(400);
    expect(pdf.body.data.issues[0].path).toBe("photos.0");
  });

  it("runs dispatch → investigate → resolve; the reporter tracks and reopens by receipt code", async () => {
    const filed = await file({ description: "新河边养殖场粪污直排" }, "198.51.100.6");
    const { receipt } = filed.body.data;
    const [row] = await s.db.selectFrom("complaints").select("id").where("number", "=", filed.body.data.complaint.number).execute();
    const staff = await TestClient.signIn(s.app, "eco.staff");
    // Before dispatch the unit cannot see it; a staff member cannot dispatch.
    expect((await staff.get(`/api/complaints/${row.id}`)).status).toBe(403);
    expect((await admin.post(`/api/complaints/${row.id}/transitions`, { transition: "investigate" })).status).toBe(409);
    const d = await admin.post(`/api/complaints/${row.id}/transitions`, { transition: "dispatch", unitId: eco.id, note: "已转中站生态环境分局办理" });
    expect(d.body.data.state).toBe("dispatched");
    expect((await staff.post(`/api/complaints/${row.id}/transitions`, { transition: "dispatch", unitId: eco.id })).status).toBe(403);
    const other = await TestClient.signIn(s.app, "water.staff");
    expect((await other.post(`/api/complaints/${row.id}/transitions`, { transition: "investigate" })).status).toBe(403);
    expect((await staff.post(`/api/complaints/${row.id}/transitions`, { transition: "investigate", note: "已安排现场核查" })).body.data.state).toBe("investigating");
    const noNote = await staff.post(`/api/complaints/${row.id}/transitions`, { transition: "resolve" });
    expect(noNote.body.data.issues[0].path).toBe("note");
    expect((await staff.post(`/api/complaints/${row.id}/transitions`, { transition: "resolve", note: "已责令养殖场停止排放并清理沟渠" })).body.data.state).toBe("resolved");

    const tracked = await post("/api/public/complaints/track", { receipt: receipt.toLowerCase().replace(/(.{4})/g, "$1-") });
    expect(tracked.status).toBe(200);
    expect(tracked.body.data).toMatchObject({ state: "resolved", canReopen: true, unitName: "中站生态环境分局" });
    expect(tracked.body.data.events.map((e: { note: string | null }) => e.note).filter(Boolean).at(-1)).toBe("已责令养殖场停止排放并清理沟渠");
    expect(JSON.stringify(tracked.body.data)).not.toContain("用户");
    expect((await post("/api/public/complaints/track", { receipt: "0000-0000-0000" })).body.error).toBe("complaint.receipt_unknown");
    const reopened = await post("/api/public/complaints/reopen", { receipt, reason: "沟渠里还是有粪水", challenge: solved() });
    expect(reopened.body.data).toMatchObject({ state: "received", reopenCount: 1 });
  });

  it("shows the contact only to who may see it, and audits every view", async () => {
    const open = await file({ anonymous: false, contact: { name: "王五", phone: "13700000000" } }, "198.51.100.8");
    const anon = await file({ anonymous: true, contact: { name: "赵六", phone: "13600000000" } }, "198.51.100.8");
    const ids = await Promise.all([open, anon].map(async (r) => (await s.db.selectFrom("complaints").select("id").where("number", "=", r.body.data.complaint.number).executeTakeFirstOrThrow()).id));
    for (const id of ids) await admin.post(`/api/complaints/${id}/transitions`, { transition: "dispatch", unitId: eco.id });
    const head = await TestClient.signIn(s.app, "eco.head");
    const staff = await TestClient.signIn(s.app, "eco.staff");
    expect((await staff.post(`/api/complaints/${ids[0]}/contact`, { reason: "回访" })).status).toBe(403);
    expect((await head.post(`/api/complaints/${ids[0]}/contact`, { reason: "回访" })).body.data).toEqual({ name: "王五", phone: "13700000000", email: null });
    // An anonymous reporter's contact is for the office only.
    expect((await head.post(`/api/complaints/${ids[1]}/contact`, { reason: "回访" })).status).toBe(403);
    expect((await admin.post(`/api/complaints/${ids[1]}/contact`, { reason: "发放奖励" })).body.data.phone).toBe("13600000000");
    const views = await s.db.selectFrom("audit_events").select(["entity_id", "actor_name", "data"]).where("action", "=", "complaint.contact.view").execute();
    expect(views.filter((v) => ids.includes(v.entity_id!)).map((v) => [v.entity_id, (v.data as { reason: string }).reason])).toEqual([[ids[0], "回访"], [ids[1], "发放奖励"]]);
  });

  it("routes by location to the river and its chief, who then sees the complaint; limits per contact", async () => {
    const ward = await buildUnit(s.db, { name: "府城办事处" });
    const chief = await buildUser(s.db, { username: "chief.fucheng", roles: ["river_chief"], unitIds: [ward.id] });
    await buildUser(s.db, { username: "chief.other", roles: ["river_chief"], unitIds: [ward.id] });
    const river = await s.db.insertInto("rivers").values({ name: "测试河", kind: "river", geometry: JSON.stringify({ type: "LineString", coordinates: [[113.16, 35.3], [113.18, 35.3]] }) } as never).returning("id").executeTakeFirstOrThrow();
    await s.db.insertInto("river_chiefs").values([
      { river_id: river.id, level: "district", name: "区级河长", position: "副区长" },
      { river_id: river.id, level: "subdistrict", name: "街道河长", position: "办事处主任", user_id: chief.id },
    ] as never).execute();
    // 0.001° north of the line ≈ 111 m: on the river; 0.01° ≈ 1.1 km: not.
    const on = await file({ lat: 35.301, lon: 113.17, contact: { phone: "13300000001" } }, "198.51.100.20");
    const off = await file({ lat: 35.31, lon: 113.17 }, "198.51.100.21");
    const rows = await s.db.selectFrom("complaints").select(["number", "river_name", "river_chief_user_id"]).where("number", "in", [on.body.data.complaint.number, off.body.data.complaint.number]).orderBy("number").execute();
    expect(rows.map((r) => [r.river_name, r.river_chief_user_id])).toEqual([["测试河", chief.id], [null, null]]);
    expect(on.body.data.complaint.riverName).toBe("测试河");
    const mine = await TestClient.signIn(s.app, "chief.fucheng");
    expect((await mine.get("/api/complaints")).body.data.map((c: { number: string }) => c.number)).toEqual([on.body.data.complaint.number]);
    const notMine = await TestClient.signIn(s.app, "chief.other");
    expect((await notMine.get("/api/complaints")).body.data).toEqual([]);
    // Per contact: the same phone from other addresses is still limited (5 a day by default).
    await writeSetting(s.db, "portal", { limits: { challengeDifficulty: 4, perAddressPerHour: 100, perContactPerDay: 2 } });
    expect((await file({ contact: { phone: "133-0000-0001" } }, "198.51.100.22")).status).toBe(200);
    expect((await file({ contact: { phone: "+86 13300000001" } }, "198.51.100.23")).status).toBe(429);
    await writeSetting(s.db, "portal", { limits: { challengeDifficulty: 4, perAddressPerHour: 3 } });
  });

  it("suggests similar open complaints nearby, most similar first", async () => {
    const a = await file({ lat: 35.401, lon: 113.3, description: "排洪沟里有人倾倒化工废液，气味刺鼻" }, "198.51.100.30");
    await file({ lat: 35.4012, lon: 113.3005, description: "沟边堆了很多建筑垃圾" }, "198.51.100.31");
    await file({ lat: 35.45, lon: 113.3, description: "排洪沟里有人倾倒化工废液" }, "198.51.100.32");
    const r = await s.app.inject({ url: `/api/public/complaints/similar?lat=35.4011&lon=113.3001&text=${encodeURIComponent("排洪沟有人倾倒化工废液")}` });
    const data = JSON.parse(r.body).data as { number: string; metres: number; similarity: number; description: string }[];
    // The one 5.4 km away is left out; of the two nearby, the similar text comes first.
    expect(data.map((x) => x.number)).toEqual([a.body.data.complaint.number, expect.any(String)]);
    expect(data[0].similarity).toBeGreaterThan(data[1].similarity);
    expect(data[0].metres).toBeLessThan(20);
  });

  it("a public post is the public's, even from a signed-in browser (no session, no CSRF token involved)", async () => {
    const r = await s.app.inject({
      method: "POST", url: "/api/public/complaints", remoteAddress: "198.51.100.40", headers: { cookie: admin.cookie! },
      payload: { categoryCode: "sewage", description: "排口有异味的污水流出", address: "某桥", challenge: solved() },
    });
    expect(r.statusCode).toBe(200);
    const id = (await s.db.selectFrom("complaints").select("id").where("number", "=", JSON.parse(r.body).data.complaint.number).executeTakeFirstOrThrow()).id;
    const entry = await s.db.selectFrom("audit_events").select(["actor_id", "actor_name"]).where("action", "=", "complaint.file").where("entity_id", "=", id).executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_id: null, actor_name: "公众" });
    // Staff routes still require the CSRF token with the same cookie.
    const forged = await s.app.inject({ method: "POST", url: `/api/complaints/${id}/transitions`, headers: { cookie: admin.cookie!, "content-type": "application/json" }, payload: { transition: "markInvalid", note: "x" } });
    expect(JSON.parse(forged.body).error).toBe("auth.csrf");
  });

  it("keeps user text as data: XSS payloads come back verbatim as JSON strings, never as HTML", async () => {
    const r = await file({ description: `${XSS} 河边有人倾倒垃圾`, address: XSS }, "198.51.100.9");
    expect(r.status).toBe(200);
    const pub = await s.app.inject({ url: `/api/public/complaints/${r.body.data.complaint.number}` });
    expect(pub.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(pub.body).data.description).toBe(`${XSS} 河边有人倾倒垃圾`);
    expect(pub.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("rewards: fraud flags send a claim to review; the proposer never approves; payouts are recorded", async () => {
    const filed = await file({ wantsReward: true, contact: { phone: "13500000000" }, description: "白马门河排口夜间偷排废水" }, "198.51.100.10");
    const id = (await s.db.selectFrom("complaints").select("id").where("number", "=", filed.body.data.complaint.number).executeTakeFirstOrThrow()).id;
    const tier = (await admin.post("/api/rewards/tiers", { name: "一般线索", amount: 300 })).body.data;
    expect((await admin.post(`/api/complaints/${id}/reward`, { tierId: tier.id })).body).toMatchObject({ error: "reward.refused", data: { reason: "not_substantiated" } });
    await admin.post(`/api/complaints/${id}/transitions`, { transition: "dispatch", unitId: eco.id });
    await admin.post(`/api/complaints/${id}/transitions`, { transition: "investigate" });
    await admin.post(`/api/complaints/${id}/transitions`, { transition: "resolve", note: "查证属实，已立案查处" });
    // A burst threshold of 1 flags any claim (its own post counts): the flag must then be reviewed before approval.
    await writeSetting(s.db, "portal", { limits: { challengeDifficulty: 4, perAddressPerHour: 3 }, fraud: { burstCount: 1 } });
    const proposed = (await admin.post(`/api/complaints/${id}/reward`, { tierId: tier.id })).body.data;
    expect(proposed).toMatchObject({ state: "proposed", amount: 300, flags: [{ kind: "burst", count: 1 }] });
    expect((await admin.post(`/api/rewards/${proposed.id}/decision`, { approve: true })).body.data).toEqual({ reason: "same_person" });
    const second = await TestClient.signIn(s.app, "admin2");
    expect((await second.post(`/api/rewards/${proposed.id}/decision`, { approve: true })).body.data).toEqual({ reason: "review_needed" });
    await second.post(`/api/rewards/${proposed.id}/review`, { note: "电话核实举报人，非企业员工" });
    expect((await second.post(`/api/rewards/${proposed.id}/decision`, { approve: true })).body.data.state).toBe("approved");
    const paid = await admin.post(`/api/rewards/${proposed.id}/payout`, { method: "bank_transfer", reference: "ZZ-2024-017" });
    expect(paid.body.data).toMatchObject({ state: "paid", payoutMethod: "bank_transfer", payoutReference: "ZZ-2024-017" });
    const tracked = await post("/api/public/complaints/track", { receipt: filed.body.data.receipt });
    expect(tracked.body.data.reward).toMatchObject({ state: "paid", amount: 300 });
  });

  it("classes the month from the means, ranks by CWQI and says which readings it used", async () => {
    const r = await anon().get("/api/public/water-quality?month=2024-05");
    expect(r.status).toBe(200);
    const sec = r.body.data.sections.find((x: { code: string }) => x.code === "S9");
    expect(r.body.data.sections.find((x: { code: string }) => x.code === "S8")).toMatchObject({ class: 3, attainment: false, classesShort: 1 });
    // Means: NH3-N (0.4+0.8)/2 = 0.6 → Ⅲ; COD_Mn 4 → Ⅱ; DO 6 → Ⅱ; the month is Ⅲ, its target met.
    expect(sec).toMatchObject({ code: "S9", class: 3, attainment: true });
    expect(sec.rank).toBeGreaterThan(0);
    // CWQI = 0.6/1.0 + 4/6 + 5/6 = 2.1
    expect(sec.index).toBeCloseTo(2.1, 3);
    // Reviewed basis: the values flagged 3 and 4 wait for review and are left out; the others (not reached by the
    // QC processor in this suite) take part as unchecked.
    expect(sec.provenance).toMatchObject({ basis: "reviewed", period: "sample", samples: 2, readings: 5, excluded: { pending: 2, rejected: 0 }, used: { unchecked: 5 } });
    const one = await anon().get("/api/public/water-quality/S9?month=2024-05");
    const means = one.body.data.section.detail.means;
    expect(Object.keys(means).sort()).toEqual(["w01009", "w01019", "w21003"]);
    expect(means.w21003).toBeCloseTo(0.6, 9);
    expect([means.w01009, means.w01019]).toEqual([6, 4]);
    expect(one.body.data.rules.ranking).toContain("环办监测〔2017〕51号");
    expect((await anon().get("/api/public/water-quality/NOPE?month=2024-05")).status).toBe(404);
  });

  it("shows the plan's goals and each indicator's light with its source", async () => {
    const r = await anon().get("/api/public/overview");
    expect(r.body.data.plan).toMatchObject({ title: "测试方案", docNumber: "测〔2024〕1号" });
    expect(r.body.data.goals.map((g: { text: string }) => g.text)).toEqual(["城市集中式饮用水水源地取水水质达标率达到100%"]);
    // 97 against at least 100 with a 5-point amber band: amber, 3 short.
    expect(r.body.data.indicators).toEqual([expect.objectContaining({ code: "dw_rate", value: 97, light: "amber", shortfall: 3, source: expect.objectContaining({ kind: "entered", document: "《2024年水质公报》" }) })]);
    expect(JSON.stringify(r.body)).not.toMatch(/recorded_by|user/);
  });

  it("reminds the handling unit once a day of a complaint past its deadline, and not of one in time", async () => {
    const unit = await buildUnit(s.db, { name: "区城市管理局" });
    const staff = await buildUser(s.db, { username: "cg.staff", roles: ["unit_staff"], unitIds: [unit.id] });
    const day = 86_400_000;
    // waste_dumping has 10 days: received 11 days ago is overdue, 9 days ago is not.
    const late = await buildComplaint(s.db, { categoryCode: "waste_dumping", at: new Date(Date.now() - 11 * day) });
    const early = await buildComplaint(s.db, { categoryCode: "waste_dumping", at: new Date(Date.now() - 9 * day) });
    for (const c of [late, early]) await moveComplaint(s.db, c.complaint.id, [{ t: "dispatch", unitId: unit.id }]);
    const task = new ComplaintOverdueTask();
    const now = new Date();
    expect(await task.run({ db: s.db, now })).toEqual({ overdue: 1, notified: 1 });
    expect(await task.run({ db: s.db, now })).toEqual({ overdue: 1, notified: 0 });
    const mine = await s.db.selectFrom("notifications").select(["kind", "data"]).where("user_id", "=", staff.id).where("kind", "=", "complaint.overdue").execute();
    expect(mine.map((n) => (n.data as { complaintId: string }).complaintId)).toEqual([late.complaint.id]);
  });

  it("settings: the office changes limits and fraud thresholds (checked, audited) and the code in force uses them", async () => {
    const staff = await TestClient.signIn(s.app, "eco.staff");
    expect((await staff.get("/api/complaints/settings")).status).toBe(403);
    expect((await staff.request("PUT", "/api/complaints/settings", { limits: { perAddressPerHour: 1 } })).status).toBe(403);
    const before = await admin.get("/api/complaints/settings");
    // What the test stored (3 an hour) over the defaults (5 a day per contact, 300 m for near-duplicates).
    expect(before.body.data.limits).toMatchObject({ perAddressPerHour: 3, perContactPerDay: 5 });
    expect(before.body.meta.can.update).toBe(true);
    // Zero posts an hour and a similarity of 2 are refused, field by field; nothing is stored.
    const bad = await admin.request("PUT", "/api/complaints/settings", { limits: { perAddressPerHour: 0, challengeDifficulty: 8 }, fraud: { nearSimilarity: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(["fraud.nearSimilarity", "limits.perAddressPerHour"]);
    expect((await admin.request("PUT", "/api/complaints/settings", { limits: { perHour: 1 } })).status).toBe(400);
    expect((await admin.get("/api/complaints/settings")).body.data.limits.perAddressPerHour).toBe(3);
    const saved = await admin.request("PUT", "/api/complaints/settings", { limits: { perAddressPerHour: 1, challengeDifficulty: 8 }, fraud: { burstCount: 7 } });
    expect(saved.status).toBe(200);
    expect(saved.body.data.fraud).toMatchObject({ burstCount: 7, nearMetres: 300, maxClaimsPerReporter: 3 });
    expect(saved.body.meta.changed).toBe(true);
    // In force at once: one post an hour from an address, challenges of 8 bits.
    expect((await file({}, "198.51.100.50")).status).toBe(200);
    expect((await file({}, "198.51.100.50")).status).toBe(429);
    expect((await anon().get("/api/public/complaints/challenge")).body.data.difficulty).toBe(8);
    const entries = await s.db.selectFrom("audit_events").select(["data", "actor_name"]).where("entity_type", "=", "portal_settings").execute();
    expect(entries).toHaveLength(1);
    const data = entries[0].data as { before: { limits: { perAddressPerHour: number } }; after: { limits: { perAddressPerHour: number }; fraud: { burstCount: number } } };
    expect([data.before.limits.perAddressPerHour, data.after.limits.perAddressPerHour, data.after.fraud.burstCount]).toEqual([3, 1, 7]);
    // Saving the same again changes nothing and writes no entry.
    expect((await admin.request("PUT", "/api/complaints/settings", { limits: { perAddressPerHour: 1 } })).body.meta.changed).toBe(false);
    expect(await s.db.selectFrom("audit_events").select("seq").where("entity_type", "=", "portal_settings").execute()).toHaveLength(1);
    // A category's deadline is read when a complaint is filed: livestock set to 3 days is due 3 days after receipt.
    expect((await admin.request("PATCH", "/api/complaints/categories/livestock", { deadlineDays: 3 })).status).toBe(200);
    expect((await admin.request("PATCH", "/api/complaints/categories/livestock", { deadlineDays: 0 })).status).toBe(400);
    const filed = await file({ categoryCode: "livestock", description: "养殖场粪污直排入沟" }, "198.51.100.51");
    const row = await s.db.selectFrom("complaints").select(["received_at", "due_at"]).where("number", "=", filed.body.data.complaint.number).executeTakeFirstOrThrow();
    expect(row.due_at.getTime() - row.received_at.getTime()).toBe(3 * 86_400_000);
    await writeSetting(s.db, "portal", { limits: { challengeDifficulty: 4, perAddressPerHour: 3 } });
  });
});
