/**
 * @module Lifecycle of an 入河排污口 under 国办函〔2022〕17号 "查、测、溯、治" (reference §6) as the seed plan's task
 * 三(二)6 applies it ("落实查、测、溯、治四项要求，制定一口一策，分类提出整治措施"): 查 (排查: found and registered) →
 * 测 (监测: the discharge and receiving water sampled) → 溯 (溯源: traced to its sources, 责任主体 named) → 治 (整治
 * by one plan per outfall, 一口一策, of one kind: 依法取缔 / 清理合并 / 规范整治) → 销号, which the responsible unit
 * requests and the office reviews (approve → 已销号, reject → back to 整治 with the reason).
 * Each step forward has conditions on what has been recorded; `stageProblems` lists the unmet ones.
 */
import { defineLifecycle } from "./lifecycle";

/** Stages in order. */
export const OUTFALL_STAGES = ["investigation", "monitoring", "tracing", "remediation", "review", "closed"] as const;
/** One stage. */
export type OutfallStage = (typeof OUTFALL_STAGES)[number];

/** Actions on an outfall. */
export type OutfallAction = "startMonitoring" | "startTracing" | "startRemediation" | "requestClosure" | "approveClosure" | "rejectClosure";

/** The lifecycle. */
export const OUTFALL_LIFECYCLE = defineLifecycle<OutfallStage, OutfallAction>(
  OUTFALL_STAGES,
  {
    investigation: { zh: "查（排查）", en: "Investigate" },
    monitoring: { zh: "测（监测）", en: "Monitor" },
    tracing: { zh: "溯（溯源）", en: "Trace" },
    remediation: { zh: "治（整治）", en: "Remediate" },
    review: { zh: "销号审核", en: "Closure review" },
    closed: { zh: "已销号", en: "Closed" },
  },
  [
    { action: "startMonitoring", from: ["investigation"], to: "monitoring", by: "unit", label: { zh: "完成排查，进入监测", en: "Investigated: start monitoring" } },
    { action: "startTracing", from: ["monitoring"], to: "tracing", by: "unit", label: { zh: "完成监测，进入溯源", en: "Monitored: start tracing" } },
    { action: "startRemediation", from: ["tracing"], to: "remediation", by: "unit", label: { zh: "完成溯源，进入整治", en: "Traced: start remediation" } },
    { action: "requestClosure", from: ["remediation"], to: "review", by: "unit", label: { zh: "申请销号", en: "Request closure" } },
    { action: "approveClosure", from: ["review"], to: "closed", by: "office", label: { zh: "审核通过，销号", en: "Approve closure" } },
    { action: "rejectClosure", from: ["review"], to: "remediation", by: "office", label: { zh: "退回整治", en: "Return to remediation" } },
  ],
);

/** The three ways of 整治 (17号: 依法取缔一批、清理合并一批、规范整治一批). */
export const REMEDIATION_KINDS = ["ban", "merge", "standardize"] as const;
/** One way. */
export type RemediationKind = (typeof REMEDIATION_KINDS)[number];
/** Names. */
export const REMEDIATION_LABELS: Readonly<Record<RemediationKind, { zh: string; en: string }>> = {
  ban: { zh: "依法取缔", en: "ban" },
  merge: { zh: "清理合并", en: "merge" },
  standardize: { zh: "规范整治", en: "standardise" },
};

/** What has been recorded for an outfall, as the conditions need it. */
export interface OutfallFacts {
  /** Sampling records (测). */
  tests: number;
  /** Whether the trace graph is complete (every path reaches an enterprise or source). */
  traceComplete: boolean;
  /** 责任主体 named. */
  responsibleParty: string | null;
  /** The 一口一策 plan, if made. */
  plan: { kind: RemediationKind | null; measures: { doneOn: string | null }[] } | null;
  /** Evidence attachments of the remediation (photos, acceptance documents). */
  evidence: number;
}

/**
 * Unmet conditions of an action, in Chinese (empty: it may proceed). 进入溯源 needs a sampling record; 进入整治 a
 * complete trace, the 责任主体 and a plan of a kind with at least one measure; 申请销号 every measure done and at
 * least one piece of evidence.
 * @example stageProblems("startTracing", { tests: 0, … }) // ["须至少录入一次监测记录"]
 */
export function stageProblems(action: OutfallAction, f: OutfallFacts): string[] {
  const out: string[] = [];
  if (action === "startTracing" && f.tests === 0) out.push("须至少录入一次监测记录");
  if (action === "startRemediation") {
    if (!f.traceComplete) out.push("溯源未完成：每条来水路径须追溯到企业或污染源");
    if (!f.responsibleParty?.trim()) out.push("须明确责任主体");
    if (!f.plan) out.push("须制定“一口一策”整治方案");
    else {
      if (!f.plan.kind) out.push("整治方案须选择整治类型（依法取缔／清理合并／规范整治）");
      if (f.plan.measures.length === 0) out.push("整治方案须至少有一项措施");
    }
  }
  if (action === "requestClosure") {
    const open = f.plan?.measures.filter((m) => !m.doneOn).length ?? 0;
    if (!f.plan || f.plan.measures.length === 0) out.push("须有整治方案及措施");
    else if (open) out.push(`尚有 ${open} 项整治措施未完成`);
    if (f.evidence === 0) out.push("须上传整治完成的佐证材料（照片或验收文件）");
  }
  return out;
}
