/**
 * @module Authorization matrix rows of the second group of registries (issue 5 §4–6): drinking-water sources and
 * their problems, enterprises and their years, the facility kinds, and each one's own routes. See ./area.ts for
 * the format. Every registry gets the same rows for its common routes (as in ./registries.ts); fixtures are
 * records kept by the test unit, so S cells (a unit's own records) are allowed and the office's A cells too.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CommandContext } from "../../context";
import { defineMatrixArea, type MatrixBase, type Sample } from "./area";
import { registryAttacher } from "../../commands/registryAttacher";
import { drinkingSourceSaver } from "../../commands/drinkingSourceSaver";
import { drinkingProblemSaver } from "../../commands/drinkingProblemSaver";
import { enterpriseSaver } from "../../commands/enterpriseSaver";
import { enterpriseYearSaver } from "../../commands/enterpriseYearSaver";
import { facilitySaver } from "../../commands/facilitySaver";
import { wwtpSludgeSaver } from "../../commands/wwtpSludgeSaver";
import { pointSaver } from "../../commands/pointSaver";
import { FACILITY_KINDS, FACILITY_SPECS, type FacilityKind } from "../../../domain/registries/facility";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { xlsxOf } from "../../registries/testSheets";
import { PNG_1X1 } from "../../routes/supervision/testFixtures";
import { commonRows } from "./registries";

/** A record and one of its attachments. */
interface Rec {
  id: string;
  attachmentId: string;
  /** An import sheet (base64) creating one record of the test unit. */
  sheet: string;
}

/** Fixture records. */
interface Fixture {
  source: Rec;
  problem: Rec;
  enterprise: Rec;
  year: Rec;
  sludge: Rec;
  outletId: string;
  enterpriseId: string;
  facilities: Record<FacilityKind, Rec>;
}

const system = <T>(db: Kysely<DB>, fn: (ctx: CommandContext) => Promise<T>) =>
  db.transaction().execute((trx) => fn({ trx, actor: null, ip: null, correlationId: "matrix" }));

/** Requests of the common routes of a registry. */
function commonRequests(key: string, rec: (f: Fixture) => Rec, create: (f: Fixture, b: MatrixBase, n: number) => unknown, patch: (n: number) => unknown, map = true) {
  const b = `/api/registries/${key}`;
  const out: Record<string, (f: Fixture, base: MatrixBase, n: number) => Sample> = {
    [`GET ${b}`]: () => ({ url: b }),
    [`GET ${b}/template.xlsx`]: () => ({ url: `${b}/template.xlsx` }),
    [`GET ${b}/export.xlsx`]: () => ({ url: `${b}/export.xlsx` }),
    [`POST ${b}/import/check`]: (f) => ({ url: `${b}/import/check`, body: { fileName: "台账.xlsx", contentBase64: rec(f).sheet } }),
    [`POST ${b}/import`]: (f) => ({ url: `${b}/import`, body: { fileName: "台账.xlsx", contentBase64: rec(f).sheet } }),
    [`GET ${b}/:id`]: (f) => ({ url: `${b}/${rec(f).id}` }),
    [`POST ${b}`]: (f, base, n) => ({ url: b, body: create(f, base, n) }),
    [`PATCH ${b}/:id`]: (f, _b, n) => ({ url: `${b}/${rec(f).id}`, body: patch(n) }),
    [`GET ${b}/:id/history`]: (f) => ({ url: `${b}/${rec(f).id}/history` }),
    [`POST ${b}/:id/attachments`]: (f) => ({ url: `${b}/${rec(f).id}/attachments`, body: { fileName: "现场.png", contentBase64: PNG_1X1.toString("base64") } }),
    [`GET ${b}/:id/attachments/:attachmentId`]: (f) => ({ url: `${b}/${rec(f).id}/attachments/${rec(f).attachmentId}` }),
  };
  if (map) out[`GET ${b}/map`] = () => ({ url: `${b}/map` });
  return out;
}

const facilityKeys = FACILITY_KINDS.map((k) => FACILITY_SPECS[k].key);

/** The area's rows, fixtures and requests. */
export const enterprisesMatrix = defineMatrixArea<Fixture>({
  name: "enterprises",
  table: `
${commonRows("drinking-sources")}
${commonRows("drinking-problems")}
${commonRows("enterprises")}
${commonRows("enterprise-years", false)}
${facilityKeys.map((k) => commonRows(k)).join("\n")}
${commonRows("wwtp-sludge-years", false)}
GET /api/registries/drinking-sources/compliance      D A A A A A A
GET /api/registries/drinking-sources/intake-points   D A A A A A A
POST /api/registries/drinking-problems/:id/transitions D A S S D D D
GET /api/public/registries/drinking-sources          A A A A A A A
GET /api/registries/enterprises/fluoride-coverage    D A A A A A A
GET /api/registries/enterprises/outlet-points        D A A A A A A
PUT /api/registries/enterprises/:id/outlets/:pointId/limits D A S S D D D
GET /api/registries/enterprise-years/intensity       D A A A A A A
GET /api/public/registries/enterprises               A A A A A A A
GET /api/registries/facilities                       D A A A A A A
`,
  async fixture(base) {
    const files = new FileStore(SHARED_TEMP_FILES_DIR);
    return system(base.db, async (ctx) => {
      const unitId = base.unitId;
      const unitName = (await ctx.trx.selectFrom("units").select("name").where("id", "=", unitId).executeTakeFirstOrThrow()).name;
      const attach = async (registry: string, recordId: string) =>
        (await registryAttacher(ctx, { registry, recordId, unitId, purpose: "photo", fileName: "a.png", bytes: PNG_1X1, caption: null, files })).id;
      const b64 = async (sheet: string, rows: (string | number | null)[][]) => (await xlsxOf(sheet, rows)).toString("base64");

      const source = await drinkingSourceSaver(ctx, undefined, { code: "MX-SY-01", name: "矩阵水源地", sourceKind: "river", level: "county", unitId });
      const problem = await drinkingProblemSaver(ctx, undefined, {
        code: "MX-WT-01", sourceId: source.id, place: "zone2", category: "waste", origin: "review", description: "矩阵问题", foundOn: "2022-06-01", unitId,
        status: "rectifying", statusSince: "2022-06-02",
      });
      const outlet = await pointSaver(ctx, { code: "MX-OUT-01", name: "矩阵排口", kind: "outlet", unitId });
      const enterprise = await enterpriseSaver(ctx, undefined, { code: "MX-QY-01", name: "矩阵企业", unitId, pollutants: ["w21017"], fluoride: true, outletCodes: ["MX-OUT-01"] });
      const year = await enterpriseYearSaver(ctx, undefined, { enterpriseId: enterprise.id, year: 2022, waterM3: 1000, valueAddedWan: 100 });
      const facilities = {} as Record<FacilityKind, Rec>;
      const required: Record<FacilityKind, Record<string, unknown>> = {
        medical: { level: "2", category: "general" }, wwtp: { capacityWanM3d: 2, grade: "1A" }, tailings: { grade: "4", safety: "normal" },
        serviceArea: { siteKind: "serviceArea", expressway: "矩阵高速" }, eco: { ecoKind: "buffer" },
      };
      const requiredCells: Record<FacilityKind, [string, string][]> = {
        medical: [["医院等级", "二级"], ["机构类别", "综合医院"]], wwtp: [["设计规模(万m³/d)", "2"], ["排放标准", "一级A"]], tailings: [["等别", "四等"], ["安全度", "正常库"]],
        serviceArea: [["类型", "服务区"], ["所在高速", "矩阵高速"]], eco: [["工程类型", "生态缓冲带"]],
      };
      for (const k of FACILITY_KINDS) {
        const spec = FACILITY_SPECS[k];
        const row = await facilitySaver(ctx, spec, undefined, { code: `MX-${k}-01`, name: `矩阵${spec.title.zh}`, unitId, ...required[k] });
        const cells = requiredCells[k];
        facilities[k] = {
          id: row.id,
          attachmentId: await attach(spec.entityType, row.id),
          sheet: await b64(spec.title.zh.replace(/[、，]/g, "和"), [["编号", "名称", "责任单位", "状态", ...cells.map((c) => c[0])], [`MX-${k}-02`, "矩阵导入", unitName, spec.statuses[0].label.zh, ...cells.map((c) => c[1])]]),
        };
      }
      const sludge = await wwtpSludgeSaver(ctx, undefined, { facilityId: facilities.wwtp.id, year: 2022, producedT: 1000, landfillT: 200 });
      return {
        sludge: { id: sludge.id, attachmentId: await attach("wwtp_sludge_year", sludge.id), sheet: await b64("污水处理厂污泥处置", [["污水处理厂", "年度", "污泥产生量(t)"], ["MX-wwtp-01", 2021, 900]]) },
        source: { id: source.id, attachmentId: await attach("drinking_source", source.id), sheet: await b64("饮用水水源地", [["编号", "名称", "类型", "级别", "负责单位"], ["MX-SY-02", "矩阵导入水源地", "河流型", "县级", unitName]]) },
        problem: {
          id: problem.id, attachmentId: await attach("drinking_problem", problem.id),
          sheet: await b64("水源地环境问题", [["编号", "水源地", "所在区域", "问题类型", "发现途径", "问题描述", "发现日期", "责任单位"], ["MX-WT-02", "MX-SY-01", "一级保护区", "其他", "日常巡查", "导入问题", "2022-06-05", unitName]]),
        },
        enterprise: { id: enterprise.id, attachmentId: await attach("enterprise", enterprise.id), sheet: await b64("企业与排污许可", [["编号", "企业名称", "监管单位"], ["MX-QY-02", "矩阵导入企业", unitName]]) },
        year: { id: year.id, attachmentId: await attach("enterprise_year", year.id), sheet: await b64("企业用水与工业增加值", [["企业", "年度", "工业用水量(m³)"], ["MX-QY-01", 2021, 900]]) },
        outletId: outlet.point.id,
        enterpriseId: enterprise.id,
        facilities,
      };
    });
  },
  requests: {
    ...commonRequests("drinking-sources", (f) => f.source, (_f, b, n) => ({ code: `MX-SN${n}`, name: `新水源地${n}`, sourceKind: "reservoir", level: "township", unitId: b.unitId }), (n) => ({ note: `备注${n}` })),
    ...commonRequests("drinking-problems", (f) => f.problem,
      (f, b, n) => ({ code: `MX-WN${n}`, sourceId: f.source.id, place: "zone1", category: "other", origin: "patrol", description: `新问题${n}`, foundOn: "2022-06-01", unitId: b.unitId }),
      (n) => ({ description: `问题描述${n}` })),
    ...commonRequests("enterprises", (f) => f.enterprise, (_f, b, n) => ({ code: `MX-QN${n}`, name: `新企业${n}`, unitId: b.unitId }), (n) => ({ note: `备注${n}` })),
    ...commonRequests("enterprise-years", (f) => f.year, (f, _b, n) => ({ enterpriseId: f.enterpriseId, year: 2030 + (n % 7), waterM3: n }), (n) => ({ note: `备注${n}` }), false),
    ...commonRequests("wwtp-sludge-years", (f) => f.sludge, (f, _b, n) => ({ facilityId: f.facilities.wwtp.id, year: 2030 + (n % 7), producedT: 100 + n }), (n) => ({ note: `备注${n}` }), false),
    ...Object.fromEntries(FACILITY_KINDS.flatMap((k) => Object.entries(commonRequests(FACILITY_SPECS[k].key, (f) => f.facilities[k],
      (_f, b, n) => ({ code: `MX-${k}-N${n}`, name: `新设施${n}`, unitId: b.unitId, ...({
        medical: { level: "1", category: "clinic" }, wwtp: { capacityWanM3d: 1, grade: "1B" }, tailings: { grade: "5", safety: "normal" },
        serviceArea: { siteKind: "toll", expressway: "某高速" }, eco: { ecoKind: "restoration" },
      } as Record<FacilityKind, object>)[k] }),
      (n) => ({ note: `备注${n}` }))))),
    "GET /api/registries/drinking-sources/compliance": () => ({ url: "/api/registries/drinking-sources/compliance?from=2024-01&to=2024-03" }),
    "GET /api/registries/drinking-sources/intake-points": () => ({ url: "/api/registries/drinking-sources/intake-points" }),
    // The problem is being rectified: an authorized "start rectification" is refused by the lifecycle (409), a denied one by the policy.
    "POST /api/registries/drinking-problems/:id/transitions": (f) => ({ url: `/api/registries/drinking-problems/${f.problem.id}/transitions`, body: { action: "startRectification" }, allowStatus: 409 }),
    "GET /api/public/registries/drinking-sources": () => ({ url: "/api/public/registries/drinking-sources" }),
    "GET /api/registries/enterprises/fluoride-coverage": () => ({ url: "/api/registries/enterprises/fluoride-coverage" }),
    "GET /api/registries/enterprises/outlet-points": () => ({ url: "/api/registries/enterprises/outlet-points" }),
    "PUT /api/registries/enterprises/:id/outlets/:pointId/limits": (f) => ({
      url: `/api/registries/enterprises/${f.enterpriseId}/outlets/${f.outletId}/limits`,
      body: { limits: [{ factor: "w21017", upperLimit: 10, basis: "GB 8978-1996 表4 一级（其他排污单位）" }] },
    }),
    "GET /api/registries/enterprise-years/intensity": () => ({ url: "/api/registries/enterprise-years/intensity?year=2022" }),
    "GET /api/registries/facilities": () => ({ url: "/api/registries/facilities" }),
    "GET /api/public/registries/enterprises": () => ({ url: "/api/public/registries/enterprises" }),
  },
});
