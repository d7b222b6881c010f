/**
 * @module 河湖"清四乱" (水利部 2018-07-20 专项行动; reference §7) and the seed plan's task 三(二)7 ("全面推进河湖
 * 清四乱常态化、规范化、制度化，实现四乱问题动态清零"): the four categories with their sub-types as the 专项行动 lists
 * them, where problems come from, the workflow 发现一处、清理一处、销号一处 — 待整改 → 整改中 → 已整改待核查 (the unit
 * submits evidence) → 已核查 (the river chief or the office checks on site; not passed → back to 整改中) → 已销号
 * (office) — and the per-river "dynamic zero" board: a river is 清零 when none of its problems is still open.
 */
import { defineLifecycle } from "./lifecycle";
import { dayNumber } from "../supervision/days";

/** The four categories. */
export const CHAOS_CATEGORIES = ["occupation", "mining", "dumping", "construction"] as const;
/** One category. */
export type ChaosCategory = (typeof CHAOS_CATEGORIES)[number];

/** Names and sub-types of each category (reference §7). */
export const CHAOS_CATALOGUE: Readonly<Record<ChaosCategory, { zh: string; en: string; subtypes: readonly string[] }>> = {
  occupation: { zh: "乱占", en: "occupation", subtypes: ["围垦湖泊", "未经批准围垦河道", "非法侵占水域、滩地", "种植阻碍行洪的林木及高秆作物"] },
  mining: { zh: "乱采", en: "illegal extraction", subtypes: ["非法采砂", "非法取土"] },
  dumping: { zh: "乱堆", en: "dumping", subtypes: ["乱扔乱堆垃圾", "倾倒、填埋、贮存、堆放固体废物", "弃置、堆放阻碍行洪的物体"] },
  construction: { zh: "乱建", en: "illegal construction", subtypes: ["岸线长期占而不用、多占少用、滥占滥用", "违法违规建设涉河项目", "修建阻碍行洪的建筑物、构筑物"] },
};

/** Where a problem was found. */
export const CHAOS_SOURCES = ["patrol", "complaint", "inspection"] as const;
/** One source. */
export type ChaosSource = (typeof CHAOS_SOURCES)[number];
/** Names of the sources. */
export const CHAOS_SOURCE_LABELS: Readonly<Record<ChaosSource, { zh: string; en: string }>> = {
  patrol: { zh: "河湖长巡河", en: "patrol" },
  complaint: { zh: "群众举报", en: "complaint" },
  inspection: { zh: "督查检查", en: "inspection" },
};

/** Statuses in order. */
export const CHAOS_STATUSES = ["open", "rectifying", "rectified", "verified", "closed"] as const;
/** One status. */
export type ChaosStatus = (typeof CHAOS_STATUSES)[number];
/** Actions. */
export type ChaosAction = "startRectification" | "submitRectification" | "verify" | "rejectVerification" | "close";

/** The workflow. */
export const CHAOS_LIFECYCLE = defineLifecycle<ChaosStatus, ChaosAction>(
  CHAOS_STATUSES,
  {
    open: { zh: "待整改", en: "open" },
    rectifying: { zh: "整改中", en: "rectifying" },
    rectified: { zh: "已整改待核查", en: "rectified, to verify" },
    verified: { zh: "已核查待销号", en: "verified, to close" },
    closed: { zh: "已销号", en: "closed" },
  },
  [
    { action: "startRectification", from: ["open"], to: "rectifying", by: "unit", label: { zh: "开始整改", en: "Start rectification" } },
    { action: "submitRectification", from: ["open", "rectifying"], to: "rectified", by: "unit", label: { zh: "提交整改结果", en: "Submit rectification" } },
    { action: "verify", from: ["rectified"], to: "verified", by: "chief", label: { zh: "核查通过", en: "Verify" } },
    { action: "rejectVerification", from: ["rectified"], to: "rectifying", by: "chief", label: { zh: "核查未通过", en: "Reject" } },
    { action: "close", from: ["verified"], to: "closed", by: "office", label: { zh: "销号", en: "Close" } },
  ],
);

/**
 * Unmet conditions of an action (empty: it may proceed): submitting needs the rectification described and at
 * least one rectification photo; a rejection needs its reason.
 */
export function chaosProblems(action: ChaosAction, f: { rectification: string | null; rectificationPhotos: number; note: string | null }): string[] {
  const out: string[] = [];
  if (action === "submitRectification") {
    if (!f.rectification?.trim()) out.push("须填写整改情况");
    if (f.rectificationPhotos === 0) out.push("须上传至少一张整改后照片");
  }
  if (action === "rejectVerification" && !f.note?.trim()) out.push("须说明核查未通过的原因");
  return out;
}

/** A problem as the board counts it. */
export interface BoardProblem {
  riverId: string;
  category: ChaosCategory;
  status: ChaosStatus;
  /** Deadline for rectification (null: none set). */
  deadline: string | null;
  foundOn: string;
}

/** One river's line on the board. */
export interface BoardLine {
  riverId: string;
  total: number;
  closed: number;
  /** Not yet closed. */
  open: number;
  /** Open past the deadline (today not yet counted as late). */
  overdue: number;
  /** Open problems per category. */
  openByCategory: Record<ChaosCategory, number>;
  /** Nothing open: 动态清零. */
  cleared: boolean;
  /** Newest find, or null. */
  lastFoundOn: string | null;
}

/**
 * The "dynamic zero" board, one line per river given (rivers without problems are 清零 with zero counts).
 * @example dynamicZeroBoard(["r1"], [{ riverId: "r1", category: "dumping", status: "closed", deadline: null, foundOn: "2022-05-01" }], "2022-06-01")[0].cleared // true
 */
export function dynamicZeroBoard(riverIds: readonly string[], problems: readonly BoardProblem[], today: string): BoardLine[] {
  const t = dayNumber(today);
  return riverIds.map((riverId) => {
    const mine = problems.filter((p) => p.riverId === riverId);
    const open = mine.filter((p) => p.status !== "closed");
    const openByCategory = Object.fromEntries(CHAOS_CATEGORIES.map((c) => [c, open.filter((p) => p.category === c).length])) as Record<ChaosCategory, number>;
    const found = mine.map((p) => p.foundOn).sort();
    return {
      riverId,
      total: mine.length,
      closed: mine.length - open.length,
      open: open.length,
      overdue: open.filter((p) => p.deadline !== null && dayNumber(p.deadline) < t).length,
      openByCategory,
      cleared: open.length === 0,
      lastFoundOn: found[found.length - 1] ?? null,
    };
  });
}

/** Local severity grades (一般 / 较严重 / 重大; reference §7 ⚠, optional). */
export const CHAOS_SEVERITIES = ["general", "serious", "major"] as const;
/** Names of the grades. */
export const CHAOS_SEVERITY_LABELS: Readonly<Record<(typeof CHAOS_SEVERITIES)[number], { zh: string; en: string }>> = {
  general: { zh: "一般", en: "general" },
  serious: { zh: "较严重", en: "serious" },
  major: { zh: "重大", en: "major" },
};
