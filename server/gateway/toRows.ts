/**
 * @module Maps the codec's typed readings of one upload to stored reading rows: one row per factor and time, the
 * average (or real-time value) as `value`, min/max/cou beside it, the worst flag kept.
 */
import type { Reading } from "../../domain/hj212";
import type { NewReading, ReadingPeriod } from "../db/schema";

/** Upload CN → stored period. */
export const PERIOD_OF_CN: Readonly<Record<string, ReadingPeriod>> = { "2011": "rt", "2051": "min", "2061": "hour", "2031": "day" };

/** Rows of one upload for `pointId`. */
export function readingsToRows(readings: Reading[], pointId: string, qn: string | null): NewReading[] {
  const rows = new Map<string, NewReading>();
  for (const r of readings) {
    const period = PERIOD_OF_CN[r.cn];
    if (!period) continue;
    const key = `${r.factor}\u0000${r.dataTime}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        point_id: pointId,
        factor: r.factor,
        period,
        t: new Date(r.dataTime),
        value: null,
        flag: r.flag,
        source: "gateway",
        detection_limit: null,
        original_value: null,
        original_unit: r.originalUnit,
        min_value: null,
        max_value: null,
        cou_value: null,
        device_mn: r.mn,
        packet_qn: qn,
        author_id: null,
        reason: null,
      };
      rows.set(key, row);
    }
    // A flag other than N marks the whole row (water rule: abnormal if any part is).
    if (r.flag && r.flag !== "N") row.flag = r.flag;
    switch (r.kind) {
      case "rtd":
      case "avg":
        row.value = r.value;
        row.original_value = r.originalValue;
        row.original_unit = r.originalUnit;
        break;
      case "min":
        row.min_value = r.value;
        break;
      case "max":
        row.max_value = r.value;
        break;
      case "cou":
        row.cou_value = r.value;
        break;
    }
  }
  return [...rows.values()];
}
