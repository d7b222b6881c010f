/**
 * @module Saves (or resets to defaults) the QC settings of one point and factor. The point must exist. Audited with
 * the settings before and after; the live processor applies them to values arriving from then on.
 */
import { audit, type CommandContext } from "../context";
import { NotFound } from "../errors";
import type { StoredQcConfig } from "../../domain/qc/config";
import { findPoint } from "../repositories/point.repository";
import { deleteQcSetting, listQcSettings, upsertQcSetting, type QcSettingRow } from "../repositories/qcSettings.repository";

/** What to save; `config: null` resets to the defaults. */
export interface QcSettingsSaverProps {
  pointId: string;
  factor: string;
  config: StoredQcConfig | null;
}

/** Saves; returns the stored row (null after a reset). */
export async function qcSettingsSaver(ctx: CommandContext, p: QcSettingsSaverProps): Promise<QcSettingRow | null> {
  const point = await findPoint(ctx.trx, p.pointId);
  if (!point) throw NotFound("站点不存在");
  const before = (await listQcSettings(ctx.trx, p.pointId)).find((s) => s.factor === p.factor)?.config ?? null;
  const row = p.config === null
    ? ((await deleteQcSetting(ctx.trx, p.pointId, p.factor)), null)
    : await upsertQcSetting(ctx.trx, { pointId: p.pointId, factor: p.factor, config: p.config, userId: ctx.actor?.id ?? null });
  await audit(ctx, {
    action: p.config === null ? "qc_settings.reset" : "qc_settings.save", entityType: "monitoring_point", entityId: p.pointId, unitId: point.unit_id,
    data: { factor: p.factor, before, after: p.config },
  });
  return row;
}
