/**
 * @module Authorization matrix rows of one area — Data QC, anti-fabrication findings, review, alarms and river
 * emergency plans (issue 4). See ./area.ts for the format. Fixture: a flagged reading of the outlet for review, a pool
 * of open findings and of open alarms (each authorized decision or acknowledgement takes a fresh one: they can be
 * decided once), a rule to change, a river with a plan and a pool of open incidents (each authorized closing takes one).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import { defineMatrixArea } from "./area";
import { insertReadings } from "../../repositories/reading.repository";
import { upsertQcFlags } from "../../repositories/readingQc.repository";
import { insertAlarm, insertRule, type RuleInput } from "../../repositories/alarm.repository";
import { insertFinding } from "../../repositories/finding.repository";
import { insertIncident, upsertPlan } from "../../repositories/emergency.repository";

/** Ids of the fixture. */
interface Fixture {
  ruleId: string;
  /** Open alarms, one per authorized acknowledgement. */
  freeAlarms: string[];
  /** A closed alarm anyone may read. */
  alarmId: string;
  /** Open findings, one per authorized decision. */
  freeFindings: string[];
  findingId: string;
  riverId: string;
  /** Open incidents, one per authorized closing. */
  freeIncidents: string[];
  incidentId: string;
}

/** The flagged outlet reading the review request decides on. */
const REVIEW_T = "2024-05-07T03:00:00.000Z";

const rule = (name: string, pointId: string): RuleInput => ({
  name, enabled: false, severity: "warning", pointId, pointKind: null, period: "hour", combinator: "or",
  conditions: [{ kind: "threshold", factor: "w01018", basis: "permit", multiple: 1, above: null, below: null }],
  persistenceMinutes: 0, repeatMinutes: 30, escalation: [],
});

async function openAlarm(db: Kysely<DB>, pointId: string, name: string): Promise<string> {
  const r = await insertRule(db, rule(name, pointId), null);
  const details = JSON.stringify({ summary: "化学需氧量 120 > 100（许可限值）" });
  return (await insertAlarm(db, { rule_id: r.id, point_id: pointId, severity: "warning", title: name, raised_at: new Date(), details, last_details: details })).id;
}

/** The area's rows, fixtures and requests. */
export const qualityMatrix = defineMatrixArea<Fixture>({
  name: "quality",
  table: `
GET /api/quality/summary                       D A D D A D A
GET /api/quality/settings                      D A D D A D A
PUT /api/quality/settings/:pointId/:factor     D A D D A D D
DELETE /api/quality/settings/:pointId/:factor  D A D D A D D
GET /api/quality/flags                         D A D D A D A
GET /api/quality/findings                      D A D D A D A
GET /api/quality/findings/:id                  D A D D A D A
POST /api/quality/findings/:id/decision        D A D D A D D
GET /api/quality/series                        D A A A A A A
GET /api/quality/assessment                    D A A A A A A
GET /api/review/queue                          D A D D A D A
POST /api/review/decisions                     D D D D A D D
GET /api/alarms                                D A A A A A A
GET /api/alarms/rules                          D A A A A A A
POST /api/alarms/rules                         D A D D A D D
PATCH /api/alarms/rules/:id                    D A D D A D D
GET /api/alarms/:id                            D A A A A A A
POST /api/alarms/:id/acknowledge               D A D D A A D
GET /api/alarms/violations                     D A A A A A A
GET /api/alarms/noncompliance                  D A A A A A A
GET /api/emergency/plans                       D A A A A A A
GET /api/emergency/plans/:riverId              D A A A A A A
PUT /api/emergency/plans/:riverId              D A D D D D D
POST /api/emergency/plans/:riverId/activate    D A D D A A D
GET /api/emergency/incidents                   D A A A A A A
GET /api/emergency/incidents/:id               D A A A A A A
POST /api/emergency/incidents/:id/log          D A D D A A D
POST /api/emergency/incidents/:id/close        D A D D D A D
`,
  async fixture(base) {
    const { db, outletId } = base;
    const t = new Date(REVIEW_T);
    await insertReadings(db, [{ point_id: outletId, factor: "w01018", period: "hour", t, value: 480, flag: "N", source: "gateway" }]);
    await upsertQcFlags(db, [{ pointId: outletId, factor: "w01018", period: "hour", t, version: 1, flag: 3, tests: { spike: 3 } }]);
    const ruleId = (await insertRule(db, rule("矩阵测试规则", outletId), null)).id;
    const freeAlarms = [];
    for (let i = 0; i < 8; i++) freeAlarms.push(await openAlarm(db, outletId, `矩阵报警${i}`));
    const alarmId = await openAlarm(db, outletId, "矩阵已关闭报警");
    await db.updateTable("alarms").set({ active: false, acknowledged: true }).where("id", "=", alarmId).execute();
    const finding = (i: number) => insertFinding(db, {
      rule: "narrow_variation", pointId: outletId, factors: ["w01018"], period: "hour", from: new Date(Date.UTC(2024, 4, 1 + 2 * i)),
      to: new Date(Date.UTC(2024, 4, 2 + 2 * i)), severity: "warning", numbers: { hours: 24 }, summary: `矩阵线索${i}`,
    });
    const freeFindings = [];
    for (let i = 0; i < 8; i++) freeFindings.push((await finding(i)).id);
    const riverId = (await db.insertInto("rivers").values({ name: "矩阵测试河", kind: "river", geometry: JSON.stringify({ type: "LineString", coordinates: [[113.1, 35.2], [113.2, 35.2]] }) })
      .returning("id").executeTakeFirstOrThrow()).id;
    const plan = await upsertPlan(db, { riverId, title: "矩阵测试河应急方案", contacts: [], steps: [{ title: "核实", detail: "", owner: "" }], courseReversed: false, note: null, userId: null });
    const incident = () => insertIncident(db, { planId: plan.id, riverId, alarmId: null, pointId: null, title: "矩阵测试事件", openedBy: null });
    const freeIncidents = [];
    for (let i = 0; i < 8; i++) freeIncidents.push((await incident()).id);
    return { ruleId, freeAlarms, alarmId, freeFindings, findingId: (await finding(9)).id, riverId, freeIncidents, incidentId: (await incident()).id };
  },
  requests: {
    "GET /api/quality/summary": () => ({ url: "/api/quality/summary" }),
    "GET /api/quality/settings": (_f, b) => ({ url: `/api/quality/settings?pointId=${b.outletId}` }),
    "PUT /api/quality/settings/:pointId/:factor": (_f, b) => ({
      url: `/api/quality/settings/${b.outletId}/w01018`,
      body: { config: { spike: { suspect: 20, fail: 60, maxNeighbourSeconds: 7200 }, instrument: { detectionLimit: 4, rangeMin: 0, rangeMax: 500, resolution: 0.1 } } },
    }),
    "DELETE /api/quality/settings/:pointId/:factor": (_f, b) => ({ url: `/api/quality/settings/${b.outletId}/w21003` }),
    "GET /api/quality/flags": (_f, b) => ({ url: `/api/quality/flags?pointId=${b.sectionId}&factor=w21003&period=hour&from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z` }),
    "GET /api/quality/findings": () => ({ url: "/api/quality/findings?status=open" }),
    "GET /api/quality/findings/:id": (f) => ({ url: `/api/quality/findings/${f.findingId}` }),
    "POST /api/quality/findings/:id/decision": (f) => ({
      url: `/api/quality/findings/${f.freeFindings.shift() ?? f.findingId}/decision`, body: { decision: "dismiss", reason: "经核实为停产期间正常现象" },
    }),
    "GET /api/quality/series": (_f, b) => ({ url: `/api/quality/series?pointId=${b.sectionId}&factor=w21003&period=hour&from=2024-05-01T00:00:00Z&to=2024-06-01T00:00:00Z&bucket=day` }),
    "GET /api/quality/assessment": (_f, b) => ({ url: `/api/quality/assessment?pointId=${b.sectionId}&month=2024-05&period=hour` }),
    "GET /api/review/queue": () => ({ url: "/api/review/queue" }),
    "POST /api/review/decisions": (_f, b) => ({
      url: "/api/review/decisions",
      body: { items: [{ pointId: b.outletId, factor: "w01018", period: "hour", t: REVIEW_T, version: 1 }], decision: "accept", reason: "与手工比对一致" },
    }),
    "GET /api/alarms": () => ({ url: "/api/alarms?state=all" }),
    "GET /api/alarms/rules": () => ({ url: "/api/alarms/rules" }),
    "POST /api/alarms/rules": (_f, b, n) => ({
      url: "/api/alarms/rules",
      body: { name: `新规则${n}`, severity: "warning", pointId: b.outletId, enabled: false, conditions: [{ kind: "threshold", factor: "w01018", basis: "permit" }] },
    }),
    "PATCH /api/alarms/rules/:id": (f, b, n) => ({
      url: `/api/alarms/rules/${f.ruleId}`,
      body: { name: `矩阵测试规则${n}`, severity: "warning", pointId: b.outletId, enabled: false, conditions: [{ kind: "no_data", factor: null, minutes: 60 }] },
    }),
    "GET /api/alarms/:id": (f) => ({ url: `/api/alarms/${f.alarmId}` }),
    "POST /api/alarms/:id/acknowledge": (f) => ({ url: `/api/alarms/${f.freeAlarms.shift() ?? f.alarmId}/acknowledge`, body: { note: "已安排现场核查" } }),
    "GET /api/alarms/violations": () => ({ url: "/api/alarms/violations" }),
    "GET /api/alarms/noncompliance": () => ({ url: "/api/alarms/noncompliance" }),
    "GET /api/emergency/plans": () => ({ url: "/api/emergency/plans" }),
    "GET /api/emergency/plans/:riverId": (f) => ({ url: `/api/emergency/plans/${f.riverId}` }),
    "PUT /api/emergency/plans/:riverId": (f) => ({
      url: `/api/emergency/plans/${f.riverId}`, body: { title: "矩阵测试河应急方案", steps: [{ title: "核实报警", detail: "现场采样", owner: "分局" }] },
    }),
    "POST /api/emergency/plans/:riverId/activate": (f) => ({ url: `/api/emergency/plans/${f.riverId}/activate`, body: { note: "演练" } }),
    "GET /api/emergency/incidents": () => ({ url: "/api/emergency/incidents" }),
    "GET /api/emergency/incidents/:id": (f) => ({ url: `/api/emergency/incidents/${f.incidentId}` }),
    "POST /api/emergency/incidents/:id/log": (f) => ({ url: `/api/emergency/incidents/${f.incidentId}/log`, body: { kind: "note", text: "已到达现场" } }),
    "POST /api/emergency/incidents/:id/close": (f) => ({ url: `/api/emergency/incidents/${f.freeIncidents.shift() ?? f.incidentId}/close`, body: { summary: "演练结束" } }),
  },
});
