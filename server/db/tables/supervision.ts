/**
 * @module Table types of the supervision area's second part (0008_supervision_settings.sql): settings, milestone
 * reports, indicators and their values, and the columns it adds to `plans` and `rounds` — merged into the
 * {@link DB} of ../schema by module augmentation.
 */
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** Keys of the stored supervision settings. */
export type SupervisionSettingKey = "ladder" | "reminders";
/** How an indicator compares its value with the target. */
export type IndicatorComparison = "at_least" | "at_most" | "decrease" | "increase";
/** How an indicator's value is obtained. */
export type IndicatorMethod = "entered" | "surface_water" | "drinking_intake" | "industrial_water";

export interface SupervisionSettingsTable {
  key: SupervisionSettingKey;
  value: Json<unknown>;
  updated_at: Timestamp;
  updated_by: string | null;
}
export interface MilestoneReportsTable {
  id: Generated<string>;
  deadline_id: string;
  unit_id: string;
  completed_on: string;
  note: string;
  reported_by: string | null;
  reported_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}
export interface MilestoneReportAttachmentsTable {
  report_id: string;
  sort: number;
  sha256: string;
  file_name: string;
}
export interface IndicatorsTable {
  id: Generated<string>;
  plan_id: string;
  code: string;
  name: string;
  unit: Generated<string>;
  comparison: IndicatorComparison;
  target_value: number;
  target_year: number;
  baseline_year: number | null;
  formula: string;
  method: IndicatorMethod;
  amber_margin: Generated<number>;
  goal_text: string | null;
  sort: Generated<number>;
  created_at: Generated<Date>;
}
export interface IndicatorValuesTable {
  id: Generated<string>;
  indicator_id: string;
  period: string;
  value: number;
  source: "entered" | "computed";
  source_document: string | null;
  note: string | null;
  detail: Json<Record<string, unknown>>;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

declare module "../schema" {
  interface DB {
    supervision_settings: SupervisionSettingsTable;
    milestone_reports: MilestoneReportsTable;
    milestone_report_attachments: MilestoneReportAttachmentsTable;
    indicators: IndicatorsTable;
    indicator_values: IndicatorValuesTable;
  }
  interface PlansTable {
    /** Added by 0008: the day the units' annual 实施方案 are due. */
    annual_plan_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface RoundsTable {
    /** Added by 0008: the date of the paper notice of a round recorded afterwards. */
    issued_on: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
