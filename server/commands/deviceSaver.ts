/**
 * @module Registers or changes an HJ 212 device (数采仪): MN unique, linked to an existing point. The access
 * password is the protocol's shared secret; the audit entry records only that it changed, never its value.
 */
import type { DevicesTable } from "../db/schema";
import type { Updateable } from "kysely";
import { audit, type CommandContext } from "../context";
import { Conflict, ValidationError } from "../errors";
import { deviceMnTaken, insertDevice, updateDevice, type DeviceRow } from "../repositories/device.repository";
import { findPoint } from "../repositories/point.repository";

/** A device's fields; on update, absent fields stay. */
export interface DeviceSaverProps {
  /** The device to change; absent to register one. */
  device?: DeviceRow;
  /** 设备唯一标识 MN (HJ 212-2017 §6.3.2). */
  mn?: string;
  /** Access password PW. */
  pw?: string;
  /** System code ST, e.g. "21" for surface water. */
  st?: string;
  pointId?: string | null;
  expectedFactors?: string[];
  enabled?: boolean;
  protocolVersion?: "2017" | "2005";
}

/** Saves the device. */
export async function deviceSaver(ctx: CommandContext, p: DeviceSaverProps): Promise<DeviceRow> {
  const old = p.device;
  const mn = p.mn ?? old!.mn;
  if (p.pointId && !(await findPoint(ctx.trx, p.pointId))) throw ValidationError([{ path: "pointId", message: "站点不存在" }]);
  if (await deviceMnTaken(ctx.trx, mn, old?.id)) throw Conflict(`设备 MN“${mn}”已登记`, { field: "mn" });
  const fields: Updateable<DevicesTable> = {
    ...(p.mn !== undefined ? { mn: p.mn } : {}),
    ...(p.pw !== undefined ? { pw: p.pw } : {}),
    ...(p.st !== undefined ? { st: p.st } : {}),
    ...(p.pointId !== undefined ? { point_id: p.pointId } : {}),
    ...(p.expectedFactors !== undefined ? { expected_factors: p.expectedFactors } : {}),
    ...(p.enabled !== undefined ? { enabled: p.enabled } : {}),
    ...(p.protocolVersion !== undefined ? { protocol_version: p.protocolVersion } : {}),
  };
  const device = old
    ? await updateDevice(ctx.trx, old.id, fields)
    : await insertDevice(ctx.trx, { mn, pw: p.pw!, st: p.st!, point_id: p.pointId ?? null, expected_factors: p.expectedFactors ?? [], enabled: p.enabled ?? true, protocol_version: p.protocolVersion ?? "2017" });
  const view = (d: DeviceRow) => ({ mn: d.mn, st: d.st, pointId: d.point_id, expectedFactors: d.expected_factors, enabled: d.enabled, protocolVersion: d.protocol_version });
  await audit(ctx, {
    action: old ? "device.update" : "device.create",
    entityType: "device",
    entityId: device.id,
    data: old ? { before: view(old), after: view(device), passwordChanged: p.pw !== undefined && p.pw !== old.pw } : view(device),
  });
  return device;
}
