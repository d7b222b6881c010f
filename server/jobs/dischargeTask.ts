/**
 * @module Evaluates every permitted outlet's last three China days against its permit (daily means of valid hourly
 * values, domain/alarms/discharge.ts) every ten minutes, and records the days and violations. Idempotent: the same
 * data give the same days and open nothing new. `withdrawn` counts standing violations whose day, re-evaluated, no
 * longer exceeds or no longer has the valid hours it needs — data changed by a way that does not re-evaluate at once
 * (a late QC flag, a correction outside review). Review decisions re-evaluate their days themselves, in their own
 * transaction (commands/dischargeReviser.ts), so the run finds those days already settled.
 */
import type { CommandContext } from "../context";
import { chinaDaysBetween, dischargeDays, MIN_VALID_HOURS, shortDays } from "../../domain/alarms/discharge";
import { dischargeRecorder } from "../commands/dischargeRecorder";
import { lockPermitLimit, permittedOutlets, validHourValues } from "../repositories/violation.repository";
import type { ScheduledTask, TaskContext } from "./task";

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** Daily discharge evaluation, every 10 minutes. */
export class DischargeTask implements ScheduledTask {
  readonly name = "discharge-days";
  readonly periodMs = 10 * 60_000;
  constructor(private opts: { days: number; minHours: number } = { days: 3, minHours: MIN_VALID_HOURS }) {}
  async run({ db, now }: TaskContext) {
    // From 00:00 China time `days − 1` days ago: the current day is evaluated once it has enough hours.
    const todayStart = Math.floor((now.getTime() + CHINA) / DAY) * DAY - CHINA;
    const from = new Date(todayStart - (this.opts.days - 1) * DAY);
    const window = chinaDaysBetween(from.getTime(), now.getTime() - 1);
    let opened = 0, withdrawn = 0, revised = 0, evaluated = 0;
    for (const o of await permittedOutlets(db)) {
      const limit = { upper: o.upper_limit, lower: o.lower_limit };
      const r = await db.transaction().execute(async (trx) => {
        // Values are read under the outlet factor's lock, in the transaction that records them (see lockPermitLimit).
        await lockPermitLimit(trx, o.point_id, o.factor);
        const values = await validHourValues(trx, { pointId: o.point_id, factor: o.factor, from, to: now });
        const days = dischargeDays(values, limit, this.opts.minHours);
        const short = shortDays(values, window, this.opts.minHours);
        evaluated += days.length;
        const ctx: CommandContext = { trx, actor: { id: null, name: "系统（排放评价）" }, ip: null, correlationId: `discharge-${now.getTime()}` };
        return dischargeRecorder(ctx, { pointId: o.point_id, unitId: o.unit_id, factor: o.factor, limit: { ...limit, basis: o.basis }, days, short });
      });
      opened += r.opened;
      withdrawn += r.withdrawn;
      revised += r.revised;
    }
    return { evaluated, opened, withdrawn, revised };
  }
}
