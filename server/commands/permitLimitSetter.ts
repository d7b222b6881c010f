/**
 * @module Sets the permit limits of one of an enterprise's outlets (project decision 9: per monitoring point and
 * pollutant, from the permit; GB 8978 / GB 18918 / GB 18466 presets filled in by the caller). The limits are the
 * outlet's `point_limits`, written through the monitoring area's pointSaver (its rules: one limit per factor, an
 * upper or lower bound, lower ≤ upper; audited on the point), and the change is audited on the enterprise too so
 * its history shows it.
 */
import { audit, type CommandContext } from "../context";
import { ValidationError } from "../errors";
import type { PointRow } from "../db/schema";
import type { EnterpriseRow } from "../db/tables/enterprises";
import { pointSaver, type LimitInput } from "./pointSaver";

/** What to set. */
export interface PermitLimitProps {
  enterprise: EnterpriseRow;
  /** One of the enterprise's outlets. */
  point: PointRow;
  limits: LimitInput[];
}

/** Replaces the outlet's limits; returns them. */
export async function permitLimitSetter(ctx: CommandContext, p: PermitLimitProps) {
  if (p.point.enterprise_id !== p.enterprise.id || p.point.kind !== "outlet") throw ValidationError([{ path: "pointId", message: "该站点不是本企业的排口" }]);
  const saved = await pointSaver(ctx, { point: p.point, limits: p.limits });
  await audit(ctx, {
    action: "enterprise.limits",
    entityType: "enterprise",
    entityId: p.enterprise.id,
    unitId: p.enterprise.unit_id,
    data: { outlet: p.point.code, limits: saved.limits.map((l) => ({ factor: l.factor, upper: l.upper_limit, lower: l.lower_limit, unit: l.unit, basis: l.basis })) },
  });
  return saved.limits;
}
