import { describe, expect, it } from "vitest";
import { actionsFrom, transitionOf } from "./lifecycle";
import { OUTFALL_LIFECYCLE, stageProblems, type OutfallFacts } from "./outfallLifecycle";
import { OUTFALL_TYPES, outfallTypeLabel } from "./outfallTypes";
import { checkTrace, type TraceNode } from "./traceGraph";

const node = (id: string, kind: TraceNode["kind"], downstreamId: string | null, label = id): TraceNode => ({ id, kind, label, downstreamId });

describe("checkTrace — outfall ← drains/pipes ← enterprise or source", () => {
  it("is complete when every path upstream ends at an enterprise or a source", () => {
    // 排口 ← 雨污合流管 ← 某化工厂; 排口 ← 明渠 ← 暗管 ← 居民区生活污水
    const c = checkTrace([node("pipe", "pipe", null), node("plant", "enterprise", "pipe"), node("ditch", "drain", null), node("culvert", "pipe", "ditch"), node("homes", "source", "culvert")]);
    expect(c).toMatchObject({ errors: [], open: [], complete: true, depth: { pipe: 1, plant: 2, ditch: 1, culvert: 2, homes: 3 } });
    expect(c.origins.map((o) => o.id)).toEqual(["plant", "homes"]);
  });
  it("keeps open paths: a conduit nobody traced further, or nothing yet", () => {
    const c = checkTrace([node("pipe", "pipe", null, "雨污合流管"), node("plant", "enterprise", "pipe"), node("ditch", "drain", null, "明渠")]);
    expect([c.complete, c.open.map((x) => x.zh)]).toEqual([false, ["“明渠”尚未追溯到企业或污染源"]]);
    expect(checkTrace([]).open.map((x) => x.zh)).toEqual(["尚未录入溯源节点"]);
  });
  it("refuses unknown targets, flow into a source, and cycles", () => {
    expect(checkTrace([node("a", "pipe", "x", "甲管")]).errors.map((e) => e.zh)).toEqual(["“甲管”的去向节点不存在"]);
    expect(checkTrace([node("p", "enterprise", null, "某厂"), node("a", "pipe", "p", "甲管")]).errors.map((e) => e.zh)).toEqual(["“甲管”不能汇入企业“某厂”：企业和污染源只能是源头"]);
    const cycle = checkTrace([node("a", "pipe", "b", "甲管"), node("b", "drain", "a", "乙渠")]);
    expect(cycle.errors.map((e) => e.zh)).toEqual(["“甲管”的去向形成了环", "“乙渠”的去向形成了环"]);
    expect(cycle.complete).toBe(false);
  });
});

describe("stageProblems — what each step of 查测溯治 needs", () => {
  const none: OutfallFacts = { tests: 0, traceComplete: false, responsibleParty: null, plan: null, evidence: 0 };
  const ready: OutfallFacts = { tests: 1, traceComplete: true, responsibleParty: "某化工有限公司", plan: { kind: "standardize", measures: [{ doneOn: "2022-09-01" }] }, evidence: 1 };
  it("lets investigation move to monitoring at once", () => expect(stageProblems("startMonitoring", none)).toEqual([]));
  it("needs a sampling record to start tracing", () => {
    expect(stageProblems("startTracing", none)).toEqual(["须至少录入一次监测记录"]);
    expect(stageProblems("startTracing", { ...none, tests: 1 })).toEqual([]);
  });
  it("needs a complete trace, the 责任主体 and a plan of a kind with a measure to start remediation", () => {
    expect(stageProblems("startRemediation", { ...none, tests: 1 })).toEqual(["溯源未完成：每条来水路径须追溯到企业或污染源", "须明确责任主体", "须制定“一口一策”整治方案"]);
    expect(stageProblems("startRemediation", { ...ready, plan: { kind: null, measures: [] } })).toEqual(["整治方案须选择整治类型（依法取缔／清理合并／规范整治）", "整治方案须至少有一项措施"]);
    expect(stageProblems("startRemediation", ready)).toEqual([]);
  });
  it("needs every measure done and evidence to request closure", () => {
    expect(stageProblems("requestClosure", { ...ready, plan: { kind: "ban", measures: [{ doneOn: null }, { doneOn: "2022-09-01" }, { doneOn: null }] }, evidence: 0 })).toEqual(["尚有 2 项整治措施未完成", "须上传整治完成的佐证材料（照片或验收文件）"]);
    expect(stageProblems("requestClosure", ready)).toEqual([]);
  });
  it("has the office review closure: approve closes, reject returns to remediation", () => {
    expect(transitionOf(OUTFALL_LIFECYCLE, "review", "approveClosure")).toMatchObject({ to: "closed", by: "office" });
    expect(transitionOf(OUTFALL_LIFECYCLE, "review", "rejectClosure")).toMatchObject({ to: "remediation", by: "office" });
    expect(transitionOf(OUTFALL_LIFECYCLE, "remediation", "approveClosure")).toBeNull();
    expect(actionsFrom(OUTFALL_LIFECYCLE, "closed")).toEqual([]);
  });
});

describe("HJ 1312-2023 types", () => {
  it("names each type by its levels", () => {
    expect(outfallTypeLabel("industrial.storm.tailings")).toBe("工业排污口／工矿企业雨洪排口／尾矿库雨洪排口");
    expect(outfallTypeLabel("urbanWwtp")).toBe("城镇污水处理厂排污口／城镇污水处理厂排污口");
    // Four first-level classes; six third-level 工矿企业 types.
    expect([...new Set(OUTFALL_TYPES.map((x) => x.level1))]).toEqual(["工业排污口", "城镇污水处理厂排污口", "农业排口", "其他排口"]);
    expect(OUTFALL_TYPES.filter((x) => x.level3).length).toBe(6);
  });
});
