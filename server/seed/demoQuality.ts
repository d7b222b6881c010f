/**
 * @module The demo district's alarm rules and QC settings (演示): outlets against their permits, automatic stations
 * against their target classes (and a severe rule at twice the target for ammonia), no-data rules for the online
 * devices, and instrument settings of the demo outlet's COD analyser so the anti-fabrication detectors have a
 * detection limit, range and resolution to work with.
 */
import type { CommandContext } from "../context";
import { alarmRuleSaver } from "../commands/alarmRuleSaver";
import { qcSettingsSaver } from "../commands/qcSettingsSaver";
import type { Condition } from "../../domain/alarms/conditions";

const permit = (factor: string): Condition => ({ kind: "threshold", factor, basis: "permit", multiple: 1, above: null, below: null });
const target = (factor: string, multiple = 1): Condition => ({ kind: "threshold", factor, basis: "target_class", multiple, above: null, below: null });

/** Creates the demo rules and settings (names end in （演示）). */
export async function seedDemoQuality(ctx: CommandContext): Promise<void> {
  const base = { enabled: true, pointId: null, combinator: "or" as const, escalation: [], period: "rt" as const };
  await alarmRuleSaver(ctx, {
    ...base, name: "排口超许可限值（演示）", severity: "severe", pointKind: "outlet",
    conditions: [permit("w01018"), permit("w21003"), permit("w21017")], persistenceMinutes: 10, repeatMinutes: 30,
  });
  await alarmRuleSaver(ctx, {
    ...base, name: "自动站超目标类别（演示）", severity: "warning", pointKind: "auto_station",
    conditions: [target("w21003"), target("w21011"), target("w01019"), target("w01009"), target("w01001")], persistenceMinutes: 15, repeatMinutes: 60,
  });
  await alarmRuleSaver(ctx, {
    ...base, name: "自动站氨氮超目标 2 倍（演示）", severity: "severe", pointKind: "auto_station",
    conditions: [target("w21003", 2)], persistenceMinutes: 0, repeatMinutes: 30,
  });
  for (const kind of ["auto_station", "outlet"] as const) {
    await alarmRuleSaver(ctx, {
      ...base, name: `${kind === "outlet" ? "排口" : "自动站"}在线设备无数据（演示）`, severity: "warning", pointKind: kind,
      conditions: [{ kind: "no_data", factor: null, minutes: 30 }], persistenceMinutes: 0, repeatMinutes: 120,
    });
  }
  const outlet = await ctx.trx.selectFrom("monitoring_points").select("id").where("code", "=", "ZZ-OUT-01").executeTakeFirst();
  if (outlet) {
    await qcSettingsSaver(ctx, {
      pointId: outlet.id, factor: "w01018",
      config: { spike: { suspect: 30, fail: 80, maxNeighbourSeconds: 3600 }, instrument: { detectionLimit: 4, rangeMin: 0, rangeMax: 500, resolution: 0.1 } },
    });
  }
}
