/**
 * @module Device status for operators: online state, last packet, the day's packet/error/duplicate counts, and the
 * data-transmission rate — hours of the day with an hourly upload (CN 2061) received ÷ hours expected (24 for a past
 * day, the hours elapsed so far for today, China time).
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";

/** One device's status on one day. */
export interface DeviceStatusRow {
  id: string;
  mn: string;
  st: string;
  enabled: boolean;
  point_id: string | null;
  point_name: string | null;
  last_seen_at: Date | null;
  packets: number;
  duplicates: number;
  errors: number;
  readings: number;
  last_error: string | null;
  hours_received: number;
}

/** Status rows of every device for `day` (YYYY-MM-DD, China time). */
export async function listDeviceStatus(db: Kysely<DB>, day: string): Promise<DeviceStatusRow[]> {
  const r = await sql<DeviceStatusRow>`
    select d.id, d.mn, d.st, d.enabled, d.point_id, p.name as point_name, d.last_seen_at,
      coalesce(dd.packets, 0)::int as packets, coalesce(dd.duplicates, 0)::int as duplicates,
      coalesce(dd.errors, 0)::int as errors, coalesce(dd.readings, 0)::int as readings, dd.last_error,
      (select count(distinct g.data_time)::int from gateway_packets g
        where g.mn = d.mn and g.cn = '2061'
          and g.data_time >= (${day}::date::timestamp at time zone 'Asia/Shanghai')
          and g.data_time < ((${day}::date + 1)::timestamp at time zone 'Asia/Shanghai')) as hours_received
    from devices d
    left join monitoring_points p on p.id = d.point_id
    left join device_daily dd on dd.mn = d.mn and dd.day = ${day}::date
    order by d.mn`.execute(db);
  return r.rows;
}

/** Hours of `day` that have ended by `now` (China time), between 0 and 24. */
export function expectedHours(day: string, now: Date): number {
  const start = new Date(`${day}T00:00:00+08:00`).getTime();
  return Math.max(0, Math.min(24, Math.floor((now.getTime() - start) / 3_600_000)));
}

/** The newest DataTime of an hour upload (CN 2061) received from each of `mns` (absent: none yet). */
export async function newestHourUploads(db: Kysely<DB>, mns: readonly string[]): Promise<Map<string, Date>> {
  if (mns.length === 0) return new Map();
  const rows = await db
    .selectFrom("gateway_packets")
    .select(["mn", (eb) => eb.fn.max("data_time").as("newest")])
    .where("cn", "=", "2061")
    .where("mn", "in", mns)
    .groupBy("mn")
    .execute();
  return new Map(rows.filter((r) => r.newest !== null).map((r) => [r.mn, new Date(r.newest as unknown as string)]));
}

/** Hours with an hour upload received, per device and China-time day, for the days [fromDay, toDay]. */
export async function hoursReceivedByDay(db: Kysely<DB>, fromDay: string, toDay: string): Promise<{ mn: string; day: string; hours: number }[]> {
  const r = await sql<{ mn: string; day: string; hours: number }>`
    select mn, to_char((data_time at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day, count(distinct data_time)::int as hours
    from gateway_packets
    where cn = '2061'
      and data_time >= (${fromDay}::date::timestamp at time zone 'Asia/Shanghai')
      and data_time < ((${toDay}::date + 1)::timestamp at time zone 'Asia/Shanghai')
    group by 1, 2`.execute(db);
  return r.rows;
}
