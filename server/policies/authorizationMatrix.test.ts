import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../db/schema";
import { ENGINES } from "../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../test/testServer";
import { buildUnit, buildUser } from "../test/factories";
import { AUTHORIZATION_MATRIX, MATRIX_COLUMNS, parseMatrixTable, type Expectation, type MatrixColumn } from "./authorizationMatrix";
import { MATRIX_AREAS } from "./matrix";
import type { MatrixBase, Sample as AreaSample } from "./matrix/area";
import { insertReadings } from "../repositories/reading.repository";
import { buildSupervisionFixture, PNG_1X1, type SupervisionFixture } from "../routes/supervision/testFixtures";
import { planImporter } from "../commands/planImporter";
import { parseWithDirectory } from "../plans/parseWithDirectory";

/**
 * A request per route that succeeds when authorized: valid bodies, existing ids in the actor's own unit, so a
 * denial can only come from the policy. Each request gets a fresh session (logout and password change end it).
 */
type Ids = { unitId: string; otherUnitId: string; targetUserId: string; otherUserId: string; planId?: string } & Partial<MonitoringIds> & { sup?: SupervisionFixture };
/** Monitoring fixtures: a section with one hourly reading, an outlet, a device. */
type MonitoringIds = { sectionId: string; outletId: string; deviceId: string };
/** `allowStatus`: the status an authorized call gets when it cannot succeed in this harness (no gateway: 503). */
type Sample = AreaSample;
const REQUESTS: Record<string, (ids: Ids, n: number) => Sample> = {
  "POST /api/auth/login": () => ({ url: "/api/auth/login", body: { username: "target", password: "Qingliu-test-2026" } }),
  "POST /api/auth/logout": () => ({ url: "/api/auth/logout", body: {} }),
  "GET /api/auth/me": () => ({ url: "/api/auth/me" }),
  "POST /api/auth/password": () => ({
    url: "/api/auth/password",
    body: { currentPassword: "Qingliu-test-2026", newPassword: "Qingliu-test-2026-b" },
    undo: { url: "/api/auth/password", body: { currentPassword: "Qingliu-test-2026-b", newPassword: "Qingliu-test-2026" } },
  }),
  "GET /api/users": () => ({ url: "/api/users" }),
  "GET /api/users/:id": (ids) => ({ url: `/api/users/${ids.targetUserId}` }),
  "POST /api/users": (ids, n) => ({
    url: "/api/users",
    body: { username: `new${n}`, displayName: "新用户", password: "Start-password-42", roles: ["unit_staff"], unitIds: [ids.unitId] },
  }),
  "PATCH /api/users/:id": (ids, n) => ({ url: `/api/users/${ids.targetUserId}`, body: { displayName: `改名${n}` } }),
  "POST /api/users/:id/password": (ids) => ({ url: `/api/users/${ids.targetUserId}/password`, body: { newPassword: "Qingliu-test-2026" } }),
  "GET /api/units": () => ({ url: "/api/units" }),
  "POST /api/units": (_ids, n) => ({ url: "/api/units", body: { name: `新单位${n}`, kind: "department", aliases: [] } }),
  "PATCH /api/units/:id": (ids) => ({ url: `/api/units/${ids.unitId}`, body: { kind: "department" } }),
  "POST /api/plans/preview": () => ({ url: "/api/plans/preview", body: { text: MINI_PLAN } }),
  "POST /api/plans": (_ids, n) => ({ url: "/api/plans", body: { text: MINI_PLAN.replace("1号", `${n}号`), confirm: true } }),
  "GET /api/plans": () => ({ url: "/api/plans" }),
  "GET /api/plans/:id": (ids) => ({ url: `/api/plans/${ids.planId!}` }),
  "GET /api/plans/:id/ledger.xlsx": (ids) => ({ url: `/api/plans/${ids.planId!}/ledger.xlsx` }),
  "GET /api/audit": () => ({ url: "/api/audit?limit=5" }),
  "GET /api/monitoring/points": () => ({ url: "/api/monitoring/points?kind=section" }),
  "GET /api/monitoring/points/:id": (ids) => ({ url: `/api/monitoring/points/${ids.sectionId}` }),
  "POST /api/monitoring/points": (_ids, n) => ({ url: "/api/monitoring/points", body: { code: `P${n}`, name: `新排口${n}`, kind: "outlet" } }),
  "PATCH /api/monitoring/points/:id": (ids, n) => ({ url: `/api/monitoring/points/${ids.sectionId}`, body: { name: `府城断面${n}` } }),
  "PUT /api/monitoring/points/:id/limits": (ids) => ({
    url: `/api/monitoring/points/${ids.outletId}/limits`,
    body: { limits: [{ factor: "w01018", upperLimit: 50, basis: "排污许可证" }] },
  }),
  "GET /api/monitoring/devices/status": () => ({ url: "/api/monitoring/devices/status?day=2022-06-01" }),
  "GET /api/monitoring/devices": () => ({ url: "/api/monitoring/devices" }),
  "POST /api/monitoring/devices": (ids, n) => ({ url: "/api/monitoring/devices", body: { mn: `MN${n}`, pw: "123456", st: "32", pointId: ids.outletId } }),
  "POST /api/monitoring/devices/:id/commands": (ids) => ({ url: `/api/monitoring/devices/${ids.deviceId}/commands`, body: { kind: "time_sync" }, allowStatus: 503 }),
  "PATCH /api/monitoring/devices/:id": (ids) => ({ url: `/api/monitoring/devices/${ids.deviceId}`, body: { enabled: true } }),
  "GET /api/readings/series": (ids) => ({
    url: `/api/readings/series?pointId=${ids.sectionId}&factor=w21003&period=hour&from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z&bucket=day`,
  }),
  "GET /api/readings/latest": (ids) => ({ url: `/api/readings/latest?pointId=${ids.sectionId}` }),
  "POST /api/readings/corrections": (ids) => ({
    url: "/api/readings/corrections",
    body: { pointId: ids.sectionId, factor: "w21003", period: "hour", t: "2024-05-06T01:00:00Z", value: 0.9, reason: "比对结果修正" },
  }),
  "GET /api/readings/assessment": (ids) => ({ url: `/api/readings/assessment?pointId=${ids.sectionId}&month=2024-05&period=hour` }),
  "GET /api/readings/lab-template": () => ({ url: "/api/readings/lab-template?format=csv" }),
  "POST /api/readings/lab-imports/check": () => ({ url: "/api/readings/lab-imports/check", body: LAB_UPLOAD }),
  "POST /api/readings/lab-imports": () => ({ url: "/api/readings/lab-imports", body: LAB_UPLOAD }),
  "POST /api/rounds": (ids, n) => ({ url: "/api/rounds", body: { planId: ids.sup!.planId, title: `调度${n}`, dueOn: "2099-01-10" } }),
  "GET /api/rounds": () => ({ url: "/api/rounds" }),
  "GET /api/rounds/:id": (ids) => ({ url: `/api/rounds/${ids.sup!.openRoundId}` }),
  "POST /api/rounds/:id/submissions": (ids) => ({
    url: `/api/rounds/${ids.sup!.openRoundId}/submissions`,
    body: { taskId: ids.sup!.task1Id, text: "进展", attachments: [{ fileName: "a.png", contentBase64: PNG_1X1.toString("base64") }] },
  }),
  "GET /api/submissions/:id/attachments/:sha256": (ids) => ({ url: `/api/submissions/${ids.sup!.submissionId}/attachments/${ids.sup!.attachmentSha256}` }),
  "GET /api/tasks": () => ({ url: "/api/tasks?mine=1" }),
  "GET /api/supervision/lateness": () => ({ url: "/api/supervision/lateness" }),
  "GET /api/supervision/ladders": () => ({ url: "/api/supervision/ladders" }),
  "POST /api/supervision/proposals/:id/confirm": (ids) => ({ url: `/api/supervision/proposals/${ids.sup!.proposalId}/confirm`, body: {} }),
  "GET /api/supervision/interviews": () => ({ url: "/api/supervision/interviews" }),
  "POST /api/supervision/interviews/:id/minutes": (ids) => ({
    url: `/api/supervision/interviews/${ids.sup!.interviewId}/minutes`,
    body: { heldOn: new Date().toISOString().slice(0, 10), minutes: "单位主要负责同志作出整改承诺", ref: "约谈纪要〔1〕号" },
  }),
  "GET /api/supervision/ranking": () => ({ url: "/api/supervision/ranking" }),
  "GET /api/supervision/documents": () => ({ url: "/api/supervision/documents" }),
  "GET /api/supervision/documents/:id/docx": (ids) => ({ url: `/api/supervision/documents/${ids.sup!.documentId}/docx` }),
  "GET /api/public/exposures": () => ({ url: "/api/public/exposures" }),
  "GET /api/inbox": () => ({ url: "/api/inbox" }),
  "POST /api/inbox/read": () => ({ url: "/api/inbox/read", body: {} }),
};

/** A one-row lab file for the section S01 (a repeated import stores nothing new and still succeeds). */
const LAB_UPLOAD = {
  fileName: "化验.csv",
  contentBase64: Buffer.from("站点,采样时间,因子,数值,单位\nS01,2024-05-06 09:30,氨氮,0.8,mg/L\n").toString("base64"),
};

/** A one-task plan in the test directory's units. */
const MINI_PLAN = `中环攻坚办〔2022〕1号

中站区2022年测试实施方案

一、工作目标

城市集中式饮用水水源地取水水质达标率达到100%。

二、主要任务

（一）测试任务

1.开展排污口排查。2022年5月底前完成排查。（中站生态环境分局牵头，区农业农村局参与）
`;

/** Routes after which the caller's session is gone. */
const ENDS_SESSION = new Set(["POST /api/auth/logout"]);

describe.each(ENGINES)("authorization matrix on %s", (engine) => {
  let s: TestServer;
  let ids: Ids;
  let base: MatrixBase;
  const areaFixtures = new Map<string, unknown>();
  const users = new Map<MatrixColumn, string>();
  beforeAll(async () => {
    s = await createTestServer(engine, {
      // Many sign-ins from one address in a short time: throttling is tested elsewhere.
      loginPolicy: { maxFailures: 5, lockMinutes: 15, maxIpFailures: 10_000, ipWindowMinutes: 15, sessionHours: 8 },
    });
    const unit = await buildUnit(s.db, { name: "中站生态环境分局" });
    const other = await buildUnit(s.db, { name: "区农业农村局" });
    const target = await buildUser(s.db, { username: "target", roles: ["unit_staff"], unitIds: [unit.id] });
    const outsider = await buildUser(s.db, { username: "outsider", roles: ["unit_staff"], unitIds: [other.id] });
    ids = { unitId: unit.id, otherUnitId: other.id, targetUserId: target.id, otherUserId: outsider.id };
    const section = await s.db.insertInto("monitoring_points")
      .values({ code: "S01", name: "府城断面", kind: "section", level: "county", water_body_type: "river", target_class: 3 })
      .returning("id").executeTakeFirstOrThrow();
    const outlet = await s.db.insertInto("monitoring_points").values({ code: "O01", name: "某厂排口", kind: "outlet" }).returning("id").executeTakeFirstOrThrow();
    const device = await s.db.insertInto("devices").values({ mn: "MN0001", pw: "123456", st: "32", point_id: outlet.id }).returning("id").executeTakeFirstOrThrow();
    await insertReadings(s.db, [{ point_id: section.id, factor: "w21003", period: "hour", t: new Date("2024-05-06T01:00:00Z"), value: 0.8, flag: "N", source: "gateway" }]);
    Object.assign(ids, { sectionId: section.id, outletId: outlet.id, deviceId: device.id });
    ids.planId = (await s.db.transaction().execute(async (trx) =>
      planImporter({ trx, actor: null, ip: null, correlationId: "test" }, {
        plan: { ...(await parseWithDirectory(trx, MINI_PLAN.replace("1号", "0号"))), year: 2022, title: "测试方案" },
        sourceText: MINI_PLAN.replace("1号", "0号"),
        importedBy: null,
      }),
    )).planId;
    ids.sup = await buildSupervisionFixture(s.db, { unitId: unit.id, otherUnitId: other.id });
    base = {
      db: s.db, unitId: ids.unitId, otherUnitId: ids.otherUnitId, targetUserId: ids.targetUserId, otherUserId: ids.otherUserId,
      sectionId: ids.sectionId!, outletId: ids.outletId!, deviceId: ids.deviceId!, planId: ids.planId!,
    };
    for (const area of MATRIX_AREAS) areaFixtures.set(area.name, area.fixture ? await area.fixture(base) : undefined);
    for (const col of MATRIX_COLUMNS) {
      if (col === "anonymous") continue;
      await buildUser(s.db, { username: `as.${col}`, roles: [col as Role], unitIds: [unit.id] });
      users.set(col, `as.${col}`);
    }
  });
  afterAll(() => s.close());

  /** Core rows plus every area's; a route in two places is a mistake. */
  const MATRIX: Record<string, Record<MatrixColumn, Expectation>> = { ...AUTHORIZATION_MATRIX };
  const SAMPLES: Record<string, (n: number) => Sample> = Object.fromEntries(
    Object.entries(REQUESTS).map(([route, f]) => [route, (n: number) => f(ids, n)]),
  );
  for (const area of MATRIX_AREAS) {
    for (const [route, row] of Object.entries(parseMatrixTable(area.table))) {
      if (route in MATRIX) throw new Error(`authorization matrix: ${route} listed twice (${area.name})`);
      MATRIX[route] = row;
    }
    for (const [route, f] of Object.entries(area.requests)) {
      if (route in SAMPLES) throw new Error(`authorization matrix: request for ${route} given twice (${area.name})`);
      SAMPLES[route] = (n) => f(areaFixtures.get(area.name), base, n);
    }
  }

  it("has exactly one row per registered API route", () => {
    const registered = s.app.routesList.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(registered);
    expect(Object.keys(SAMPLES).sort()).toEqual(registered);
  });

  it("answers every role on every route as the table says", async () => {
    const differences: string[] = [];
    let n = 0;
    // One session per role, signed in again only after a request that ended it (argon2 sign-ins are the slow part).
    const sessions = new Map<MatrixColumn, TestClient>();
    for (const [route, row] of Object.entries(MATRIX)) {
      const [method] = route.split(" ");
      for (const col of MATRIX_COLUMNS) {
        n++;
        let client = col === "anonymous" ? new TestClient(s.app) : sessions.get(col);
        if (!client) sessions.set(col, (client = await TestClient.signIn(s.app, users.get(col)!)));
        const req = SAMPLES[route](n);
        const r = req.raw
          ? await client.request(method, req.url, req.raw.payload, { "content-type": req.raw.contentType })
          : await client.request(method, req.url, req.body);
        if (ENDS_SESSION.has(route)) sessions.delete(col);
        if (req.undo && r.status === 200) expect((await client.request(method, req.undo.url, req.undo.body)).status).toBe(200);
        const expected = row[col];
        const denied = r.status === 401 || r.status === 403;
        const ok = expected === "D" ? (col === "anonymous" ? r.status === 401 : r.status === 403) : !denied && (req.allowStatus ? r.status === req.allowStatus : r.status < 400);
        if (!ok) differences.push(`${route} as ${col}: expected ${expected}, got ${r.status} ${r.body?.error ?? ""}`);
      }
    }
    expect(differences).toEqual([]);
    // Some 2,000 requests (every route × every role); on a loaded 2-core machine that takes a while.
  }, 240_000);

  it("scopes S cells to the actor's own units", async () => {
    const head = await TestClient.signIn(s.app, users.get("unit_head")!);
    const list = await head.get("/api/users");
    expect(list.body.data.some((u: { id: string }) => u.id === ids.otherUserId)).toBe(false);
    expect(list.body.data.some((u: { id: string }) => u.id === ids.targetUserId)).toBe(true);
    expect((await head.get(`/api/users/${ids.otherUserId}`)).status).toBe(403);
  });
});
