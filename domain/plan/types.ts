/**
 * @module The JSON-serialisable result of `parsePlan` (a Chinese 攻坚战实施方案 read into tasks, roles and dates).
 * Every offset is into `normalizePlanText(text)`, so a UI can highlight where each field came from.
 */

/** Half-open range `[start, end)` of UTF-16 offsets into the normalised text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How a clause assigns a task: 牵头 → `lead`; 「按（照）职责分工负责」 → `co_lead`; 参与/配合 → `participant`;
 * （负责）落实 → `implementer`; 负责 / 责任单位 → `responsible`.
 */
export type Role = "lead" | "co_lead" | "participant" | "implementer" | "responsible";

/** All roles, in the order they are printed. */
export const ROLES: readonly Role[] = ["lead", "co_lead", "participant", "implementer", "responsible"];

/** Names per role. */
export type RoleMap = Record<Role, string[]>;

/** One unit in the directory passed to the parser (and seeded into the database). */
export interface PlanUnit {
  /** Canonical name, e.g. "区住房和城乡建设局". */
  name: string;
  /** Other spellings met in plans, e.g. "住房城乡建设局". */
  aliases: readonly string[];
  /** Directory kind: office, department, branch, subdistrict, other. */
  kind?: string;
}

/** One responsibility clause, e.g. 「区发展和改革委员会、农业农村局参与」. */
export interface Clause {
  role: Role;
  /** The clause as written (normalised text). */
  text: string;
  /** Directory units, canonical names. */
  units: string[];
  /** Collective designations kept as written, e.g. "各办事处". */
  collectives: string[];
  /** Names not found in the directory (also listed in `unknownUnits`). */
  unknown: string[];
  span: Span;
  /** True when the clause comes from a standing rule such as 「以下任务未明确具体落实单位的，均需…落实」. */
  inherited?: boolean;
}

/** A dated milestone, e.g. 「2022年5月底前」 → 2022-05-31. */
export interface Deadline {
  /** ISO date, last day allowed. */
  date: string;
  /** As written (normalised text). */
  text: string;
  span: Span;
  /**
   * Set on each occurrence of a recurring milestone (「每月10日前」「每季度末」): the plan year's occurrences on or
   * after the date of issue are listed one by one, all with the same text and span. Weekly ones (「每周五前」) only
   * within a period (written, or up to the task's last deadline); daily ones are not expanded.
   */
  recurrence?: "weekly" | "monthly" | "quarterly" | "half_yearly" | "yearly";
}

/** How a target compares with its value. */
export type Comparison = "reach" | "at_least" | "at_most" | "decrease" | "increase";

/** A numeric target, e.g. 「达标率达到100%」 or 「用水量较2020年下降2%」. */
export interface Target {
  indicator: string;
  value: number;
  /** "%", "个百分点", "吨"… or "" when the number has no unit. */
  unit: string;
  comparison: Comparison;
  /** The 较XXXX年 of a relative target. */
  baselineYear?: number;
}

/** One goal sentence. */
export interface Goal {
  text: string;
  targets: Target[];
  span: Span;
  /** Set when the sentence is inside a task rather than the goals section. */
  taskNumber?: string;
  /** Set on a goal without a numeric target (「水生态环境质量持续改善」): tracked by judgement, not by a value. */
  qualitative?: true;
}

/** A heading of the section tree (一、 / (一) / 2.1 …). */
export interface SectionNode {
  /** Depth, 1 = top; 0 for an attachment (附件), which stands above the body's own numbering. */
  level: number;
  /** The number as written: "三", "一", "2.1". */
  number: string;
  title: string;
  /** Canonical label, e.g. "(一)深入打好城市黑臭水体治理攻坚战". */
  label: string;
  span: Span;
  /** Deadlines in the section's own text (outside tasks), e.g. 四(二)「5月30日前」. */
  deadlines: Deadline[];
  children: SectionNode[];
}

/** One numbered task. */
export interface PlanTask {
  /** As written: "1", "2.1.1"; a sub-item under a numbered heading "2(1)". */
  number: string;
  /** Label of the nearest heading above it. */
  section: string;
  /** First sentence, without its 。. */
  title: string;
  /** The whole task after its number, continuation lines joined with "\n". */
  text: string;
  span: Span;
  /** Directory units per role, canonical names. */
  units: RoleMap;
  /** Collective designations per role. */
  collectives: RoleMap;
  clauses: Clause[];
  deadlines: Deadline[];
}

/** Why a name the directory does not know resembles one of its units. */
export type SuggestionReason =
  /** A part of a directory unit (「中站生态环境分局执法大队」, 「…监测站」): its tasks usually go to that unit. */
  | "sub_unit"
  /** A body of another level (「市生态环境局」): the district's counterpart is suggested. */
  | "other_level"
  /** A spelling close to a directory name. */
  | "similar";

/** A name the directory does not know, for a person to confirm (never created by the parser). */
export interface UnknownUnit {
  name: string;
  taskNumbers: string[];
  /** The closest directory unit, when one is close enough to propose; the person decides. */
  suggestion?: { unit: string; reason: SuggestionReason };
}

/** Something the parser could not settle. */
export interface PlanWarning {
  code: "no_tasks" | "no_year" | "no_units" | "number_gap" | "ambiguous_alias" | "annex_tasks_ignored" | "recurring_not_expanded";
  message: string;
  taskNumber?: string;
}

/** Everything read from one plan. */
export interface ParsedPlan {
  title: string | null;
  issuer: string | null;
  /** Canonical 〔〕 form, e.g. "中环攻坚办〔2022〕13号". */
  docNumber: string | null;
  /** ISO date of issue. */
  date: string | null;
  year: number | null;
  goals: Goal[];
  sections: SectionNode[];
  tasks: PlanTask[];
  unknownUnits: UnknownUnit[];
  warnings: PlanWarning[];
  /** Titles of the 附件说明 after the body (「附件：1.……\n2.……」), in order; absent when the plan lists none. */
  attachments?: string[];
}

/** An empty map for each role. */
export const emptyRoles = (): RoleMap => ({ lead: [], co_lead: [], participant: [], implementer: [], responsible: [] });
