/**
 * @module Authorization matrix rows of one area — Campaign registries (issue 5): rivers and river chiefs,
 * black-odorous water bodies, outfalls, 清四乱, and the framework's common routes of each. See ./area.ts for the
 * format. Every registry gets the same rows for its common routes (`commonRows`); fixtures are records kept by
 * the test unit, so S cells (a unit's own records) are allowed and the office's A cells too.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CommandContext } from "../../context";
import { defineMatrixArea, type MatrixBase, type Sample } from "./area";
import { riverSaver } from "../../commands/riverSaver";
import { riverChiefSaver } from "../../commands/riverChiefSaver";
import { registryAttacher } from "../../commands/registryAttacher";
import { blackOdorousBodySaver } from "../../commands/blackOdorousBodySaver";
import { samplingRoundImporter } from "../../commands/samplingRoundImporter";
import { checkSamplingSheet } from "../../../domain/blackOdorous/samplingSheet";
import { outfallSaver } from "../../commands/outfallSaver";
import { fourChaosProblemSaver } from "../../commands/fourChaosProblemSaver";
import { FileStore, SHARED_TEMP_FILES_DIR } from "../../repositories/file.repository";
import { xlsxOf } from "../../registries/testSheets";
import { PNG_1X1 } from "../../routes/supervision/testFixtures";

/** Rows of the common routes of registry `key` (`map`: whether it has a map); the enterprises' area uses them too. */
export function commonRows(key: string, map = true): string {
  const b = `/api/registries/${key}`;
  return `
GET ${b}                             D A A A A A A
${map ? `GET ${b}/map                         D A A A A A A` : ""}
GET ${b}/template.xlsx               D A A A A A A
GET ${b}/export.xlsx                 D A A A A A A
POST ${b}/import/check               D A S S D D D
POST ${b}/import                     D A S S D D D
GET ${b}/:id                         D A A A A A A
POST ${b}                            D A S S D D D
PATCH ${b}/:id                       D A S S D D D
GET ${b}/:id/history                 D A A A A A A
POST ${b}/:id/attachments            D A S S D D D
GET ${b}/:id/attachments/:attachmentId D A A A A A A
`;
}

/** Fixture records and files. */
interface Fixture {
  riverId: string;
  riverAttachmentId: string;
  chiefId: string;
  chiefAttachmentId: string;
  riverSheet: string;
  chiefSheet: string;
  bodyId: string;
  bodyAttachmentId: string;
  bodySheet: string;
  roundId: string;
  roundFile: string;
  outfallId: string;
  outfallAttachmentId: string;
  outfallSheet: string;
  problemId: string;
  problemAttachmentId: string;
  problemSheet: string;
}

const system = <T>(db: Kysely<DB>, fn: (ctx: CommandContext) => Promise<T>) =>
  db.transaction().execute((trx) => fn({ trx, actor: null, ip: null, correlationId: "matrix" }));

/** Requests of the common routes of a registry, given a record id, its attachment, a create body and a sheet. */
function commonRequests(key: string, rec: (f: Fixture) => { id: string; attachmentId: string }, create: (f: Fixture, b: MatrixBase, n: number) => unknown, patch: (n: number) => unknown, sheet: (f: Fixture) => string, map = true) {
  const b = `/api/registries/${key}`;
  const out: Record<string, (f: Fixture, base: MatrixBase, n: number) => Sample> = {
    [`GET ${b}`]: () => ({ url: b }),
    [`GET ${b}/template.xlsx`]: () => ({ url: `${b}/template.xlsx` }),
    [`GET ${b}/export.xlsx`]: () => ({ url: `${b}/export.xlsx` }),
    [`POST ${b}/import/check`]: (f) => ({ url: `${b}/import/check`, body: { fileName: "台账.xlsx", contentBase64: sheet(f) } }),
    [`POST ${b}/import`]: (f) => ({ url: `${b}/import`, body: { fileName: "台账.xlsx", contentBase64: sheet(f) } }),
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

/** The area's rows, fixtures and requests. */
export const registriesMatrix = defineMatrixArea<Fixture>({
  name: "registries",
  table: `
${commonRows("rivers")}
${commonRows("river-chiefs", false)}
${commonRows("black-odorous")}
GET /api/registries/black-odorous/sampling-template.xlsx D A A A A A A
POST /api/registries/black-odorous/:id/rounds/check D A S S D D D
POST /api/registries/black-odorous/:id/rounds D A S S D D D
GET /api/registries/black-odorous/:id/rounds/:roundId D A A A A A A
POST /api/registries/black-odorous/:id/transitions D A S S D D D
GET /api/public/registries/black-odorous A A A A A A A
${commonRows("outfalls")}
POST /api/registries/outfalls/:id/tests D A S S D D D
PUT /api/registries/outfalls/:id/trace D A S S D D D
PUT /api/registries/outfalls/:id/plan D A S S D D D
POST /api/registries/outfalls/:id/transitions D A S S D D D
GET /api/public/registries/outfalls/progress A A A A A A A
${commonRows("four-chaos")}
GET /api/registries/four-chaos/board  D A A A A A A
POST /api/registries/four-chaos/:id/transitions D A S S D D D
GET /api/public/registries/four-chaos/progress A A A A A A A
GET /api/registries/tasks             D A A A A A A
POST /api/registries/tasks/:id/close  D A D D D D D
`,
  async fixture(base) {
    const files = new FileStore(SHARED_TEMP_FILES_DIR);
    return system(base.db, async (ctx) => {
      const river = await riverSaver(ctx, undefined, { name: "矩阵河", kind: "river", unitId: base.unitId });
      const chief = await riverChiefSaver(ctx, undefined, { riverId: river.id, level: "village", name: "矩阵河长", position: "村委会主任", unitId: base.unitId });
      const attach = (registry: string, recordId: string) =>
        registryAttacher(ctx, { registry, recordId, unitId: base.unitId, purpose: "photo", fileName: "a.png", bytes: PNG_1X1, caption: null, files });
      const unitName = (await ctx.trx.selectFrom("units").select("name").where("id", "=", base.unitId).executeTakeFirstOrThrow()).name;
      const b64 = async (sheet: string, rows: (string | number | null)[][]) => (await xlsxOf(sheet, rows)).toString("base64");
      const body = await blackOdorousBodySaver(ctx, undefined, { code: "MX-HC-01", name: "矩阵黑臭水体", riverId: river.id, unitId: base.unitId, status: "underTreatment", statusSince: "2022-01-01" });
      const HEADER = ["点位编号", "沿程序号", "采样日期", "氨氮(mg/L)"];
      const sampling = [HEADER, ...["2022-06-01", "2022-06-04", "2022-06-07"].flatMap((d) => ["1", "2", "3"].map((p) => [`P${p}`, p, d, "2"]))];
      const samplingBytes = await xlsxOf("黑臭水体监测", sampling);
      const round = await samplingRoundImporter(ctx, { body, check: checkSamplingSheet(sampling), fileName: "m.xlsx", bytes: samplingBytes, files, today: "2022-06-08" });
      const outfall = await outfallSaver(ctx, undefined, { code: "MX-PWK-01", name: "矩阵排口", typeCode: "urbanWwtp", riverId: river.id, unitId: base.unitId, foundOn: "2022-04-01", stage: "monitoring" });
      const problem = await fourChaosProblemSaver(ctx, undefined, {
        code: "MX-SL-01", category: "dumping", subtype: "乱扔乱堆垃圾", riverId: river.id, source: "inspection", foundOn: "2022-05-01",
        description: "矩阵测试问题", unitId: base.unitId, status: "rectifying", statusSince: "2022-05-02",
      });
      return {
        problemId: problem.id,
        problemAttachmentId: (await attach("four_chaos_problem", problem.id)).id,
        problemSheet: await b64("清四乱问题台账", [["编号", "类别", "问题子类", "河湖", "问题来源", "发现日期", "问题描述", "责任单位"], ["MX-SL-02", "乱堆", "乱扔乱堆垃圾", "矩阵河", "督查检查", "2022-05-03", "导入问题", unitName]]),
        outfallId: outfall.id,
        outfallAttachmentId: (await attach("outfall", outfall.id)).id,
        outfallSheet: await b64("入河排污口台账", [["编号", "名称", "排口类型", "受纳水体", "责任单位", "排查日期"], ["MX-PWK-02", "矩阵导入排口", "城镇污水处理厂排污口／城镇污水处理厂排污口", "矩阵河", unitName, "2022-04-02"]]),
        bodyId: body.id,
        bodyAttachmentId: (await attach("black_odorous_body", body.id)).id,
        bodySheet: await b64("黑臭水体清单", [["编号", "名称", "主责部门"], ["MX-HC-02", "矩阵导入水体", unitName]]),
        roundId: round.round.id,
        roundFile: samplingBytes.toString("base64"),
        riverId: river.id,
        riverAttachmentId: (await attach("river", river.id)).id,
        chiefId: chief.id,
        chiefAttachmentId: (await attach("river_chief", chief.id)).id,
        riverSheet: await b64("河湖名录", [["名称", "类型", "负责单位"], ["矩阵导入河", "河流", unitName]]),
        chiefSheet: await b64("河湖长名录", [["河湖", "级别", "姓名", "职务", "所属单位"], ["矩阵河", "村级河湖长", "导入河长", "村支书", unitName]]),
      };
    });
  },
  requests: {
    ...commonRequests("rivers", (f) => ({ id: f.riverId, attachmentId: f.riverAttachmentId }),
      (_f, b, n) => ({ name: `矩阵新河${n}`, kind: "river", unitId: b.unitId }), (n) => ({ note: `备注${n}` }), (f) => f.riverSheet),
    ...commonRequests("river-chiefs", (f) => ({ id: f.chiefId, attachmentId: f.chiefAttachmentId }),
      (f, b, n) => ({ riverId: f.riverId, level: "village", name: `河长${n}`, position: "村支书", unitId: b.unitId }), (n) => ({ reach: `第${n}段` }), (f) => f.chiefSheet, false),
    ...commonRequests("black-odorous", (f) => ({ id: f.bodyId, attachmentId: f.bodyAttachmentId }),
      (_f, b, n) => ({ code: `MX-N${n}`, name: `新水体${n}`, unitId: b.unitId }), (n) => ({ measures: `措施${n}` }), (f) => f.bodySheet),
    "GET /api/registries/black-odorous/sampling-template.xlsx": () => ({ url: "/api/registries/black-odorous/sampling-template.xlsx" }),
    "POST /api/registries/black-odorous/:id/rounds/check": (f) => ({ url: `/api/registries/black-odorous/${f.bodyId}/rounds/check`, body: { fileName: "监测.xlsx", contentBase64: f.roundFile } }),
    "POST /api/registries/black-odorous/:id/rounds": (f) => ({ url: `/api/registries/black-odorous/${f.bodyId}/rounds`, body: { fileName: "监测.xlsx", contentBase64: f.roundFile } }),
    "GET /api/registries/black-odorous/:id/rounds/:roundId": (f) => ({ url: `/api/registries/black-odorous/${f.bodyId}/rounds/${f.roundId}` }),
    // The body is under treatment: an authorized "start treatment" is refused by the lifecycle (409), a denied one by the policy.
    "POST /api/registries/black-odorous/:id/transitions": (f) => ({ url: `/api/registries/black-odorous/${f.bodyId}/transitions`, body: { action: "startTreatment" }, allowStatus: 409 }),
    "GET /api/public/registries/black-odorous": () => ({ url: "/api/public/registries/black-odorous" }),
    ...commonRequests("outfalls", (f) => ({ id: f.outfallId, attachmentId: f.outfallAttachmentId }),
      (f, b, n) => ({ code: `MX-P${n}`, name: `新排口${n}`, typeCode: "urbanWwtp", riverId: f.riverId, unitId: b.unitId, foundOn: "2022-05-01" }), (n) => ({ location: `位置${n}` }), (f) => f.outfallSheet),
    "POST /api/registries/outfalls/:id/tests": (f) => ({ url: `/api/registries/outfalls/${f.outfallId}/tests`, body: { sampledOn: "2022-05-10", cod: 20, conclusion: "compliant" } }),
    "PUT /api/registries/outfalls/:id/trace": (f) => ({ url: `/api/registries/outfalls/${f.outfallId}/trace`, body: { nodes: [{ key: "a", kind: "source", label: "生活污水", downstream: null }] } }),
    "PUT /api/registries/outfalls/:id/plan": (f) => ({ url: `/api/registries/outfalls/${f.outfallId}/plan`, body: { remediationKind: "standardize", measures: [{ text: "规范化建设" }] } }),
    // The outfall is in 测: an authorized "start monitoring" is refused by the lifecycle (409), a denied one by the policy.
    "POST /api/registries/outfalls/:id/transitions": (f) => ({ url: `/api/registries/outfalls/${f.outfallId}/transitions`, body: { action: "startMonitoring" }, allowStatus: 409 }),
    "GET /api/public/registries/outfalls/progress": () => ({ url: "/api/public/registries/outfalls/progress" }),
    ...commonRequests("four-chaos", (f) => ({ id: f.problemId, attachmentId: f.problemAttachmentId }),
      (f, b, n) => ({ code: `MX-S${n}`, category: "mining", subtype: "非法取土", riverId: f.riverId, source: "inspection", foundOn: "2022-05-01", description: `问题${n}`, unitId: b.unitId }),
      (n) => ({ location: `位置${n}` }), (f) => f.problemSheet),
    "GET /api/registries/four-chaos/board": () => ({ url: "/api/registries/four-chaos/board" }),
    // The problem is being rectified: an authorized "start rectification" is refused by the workflow (409), a denied one by the policy.
    "POST /api/registries/four-chaos/:id/transitions": (f) => ({ url: `/api/registries/four-chaos/${f.problemId}/transitions`, body: { action: "startRectification" }, allowStatus: 409 }),
    "GET /api/public/registries/four-chaos/progress": () => ({ url: "/api/public/registries/four-chaos/progress" }),
    "GET /api/registries/tasks": () => ({ url: "/api/registries/tasks" }),
    // No task exists in the fixture: an authorized close gets 404, a denied one 403 before the lookup.
    "POST /api/registries/tasks/:id/close": () => ({ url: "/api/registries/tasks/00000000-0000-4000-8000-000000000000/close", body: { note: "已处理" }, allowStatus: 404 }),
  },
});
