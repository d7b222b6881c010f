/**
 * @module Table types of the monitoring area's second part (0007_monitoring_settings.sql): its settings, merged into
 * the {@link DB} of ../schema by module augmentation.
 */
import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** Keys of the stored monitoring settings. */
export type MonitoringSettingKey = "eco_flow" | "river_grade";

/** One setting (a missing row means the project default). */
export interface MonitoringSettingsTable {
  key: MonitoringSettingKey;
  value: Json<unknown>;
  updated_at: Timestamp;
  updated_by: string | null;
}

declare module "../schema" {
  interface DB {
    monitoring_settings: MonitoringSettingsTable;
  }
}
