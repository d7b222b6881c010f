/**
 * @module How monitoring points, limits, devices, readings and aggregates appear in API responses. A device's
 * access password (the HJ 212 shared secret) never leaves the server.
 */
import type { PointRow, ReadingRow } from "../db/schema";
import type { DeviceRow } from "../repositories/device.repository";
import type { PointLimitRow } from "../repositories/point.repository";
import type { Bucket } from "../repositories/reading.repository";

const iso = (d: Date | string) => new Date(d).toISOString();

/** A point as the API shows it. */
export function presentPoint(p: PointRow) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    level: p.level,
    waterBody: p.water_body,
    waterBodyType: p.water_body_type,
    targetClass: p.target_class,
    lon: p.lon,
    lat: p.lat,
    unitId: p.unit_id,
    ecoFlowTarget: p.eco_flow_target,
    active: p.active,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  };
}

/** A point's limit for one factor. */
export function presentLimit(l: PointLimitRow) {
  return { factor: l.factor, upperLimit: l.upper_limit, lowerLimit: l.lower_limit, unit: l.unit, basis: l.basis };
}

/** A device, without its password. */
export function presentDevice(d: DeviceRow) {
  return {
    id: d.id,
    mn: d.mn,
    st: d.st,
    pointId: d.point_id,
    expectedFactors: d.expected_factors,
    enabled: d.enabled,
    protocolVersion: d.protocol_version,
    lastSeenAt: d.last_seen_at ? iso(d.last_seen_at) : null,
    createdAt: iso(d.created_at),
  };
}

/** One reading (a current or past version). */
export function presentReading(r: ReadingRow) {
  return {
    pointId: r.point_id,
    factor: r.factor,
    period: r.period,
    t: iso(r.t),
    version: r.version,
    value: r.value,
    flag: r.flag,
    source: r.source,
    qcFlag: r.qc_flag,
    belowDl: r.below_dl,
    detectionLimit: r.detection_limit,
    originalValue: r.original_value,
    originalUnit: r.original_unit,
    min: r.min_value,
    max: r.max_value,
    deviceMn: r.device_mn,
    authorId: r.author_id,
    reason: r.reason,
    note: r.note ?? null,
    receivedAt: iso(r.received_at),
  };
}

/** One point of a raw series (compact: a chart asks for thousands). */
export function presentRawPoint(r: Pick<ReadingRow, "t" | "value" | "flag" | "qc_flag" | "below_dl" | "version">) {
  return { t: iso(r.t), value: r.value, flag: r.flag, qcFlag: r.qc_flag, belowDl: r.below_dl, version: r.version };
}

/** One aggregated bucket. */
export function presentBucket(b: Bucket) {
  return { t: iso(b.t), avg: b.avg, min: b.min, max: b.max, n: b.n, abnormal: b.abnormal };
}
