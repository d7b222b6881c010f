/**
 * @module Requests of the monitoring-point and device routes.
 */
import { z } from "zod";

const Uuid = z.uuid("不是有效的编号");
/** HJ 212-2017 factor code, e.g. w21003. */
export const FactorCodeSchema = z.string().trim().regex(/^[a-z]\d{5}$/, "因子编码应为 HJ 212 编码，如 w21003");
const KindSchema = z.enum(["section", "auto_station", "outlet", "flow_station", "drinking_intake"]);
const LevelSchema = z.enum(["national", "provincial", "city", "county"]);
const BodyTypeSchema = z.enum(["river", "lake", "reservoir"]);
// China's extent (73°–136° E, 3°–54° N): a point outside is a typo or swapped longitude and latitude.
const Lon = z.number().min(73, "经度应在 73–136 之间（中国境内）").max(136, "经度应在 73–136 之间（中国境内）");
const Lat = z.number().min(3, "纬度应在 3–54 之间（中国境内）").max(54, "纬度应在 3–54 之间（中国境内）");

/** List filters. */
export const ListPointsQuery = z.object({
  /** Only points of this kind. */
  kind: KindSchema.optional(),
  /** Only sections of this control level. */
  level: LevelSchema.optional(),
  /** Only points on this water body (exact name). */
  waterBody: z.string().trim().max(100).optional(),
  /** Part of the code or name. */
  q: z.string().trim().max(100).optional(),
  /** "true" for active points only, "false" for retired ones. */
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

/** The fields of a point. */
const PointFields = {
  /** Unique code, e.g. S01 or the national section code. */
  code: z.string().trim().min(1, "请输入站点编码").max(40).regex(/^[A-Za-z0-9._-]+$/, "编码只能包含字母、数字、点、短横线和下划线"),
  /** Name, e.g. 大沙河府城断面. */
  name: z.string().trim().min(1, "请输入站点名称").max(100),
  /** Kind: 断面, 自动站, 排口, 流量站, 饮用水取水口. */
  kind: KindSchema,
  /** Control level (sections and automatic stations). */
  level: LevelSchema.nullable(),
  /** Water body name, e.g. 大沙河. */
  waterBody: z.string().trim().max(100).nullable(),
  /** River or lake/reservoir: decides the TP and TN limits in assessment. */
  waterBodyType: BodyTypeSchema.nullable(),
  /** Water-quality target class 1–5 (Ⅰ–Ⅴ) for assessed points. */
  targetClass: z.number().int("目标类别应为 1–5 的整数").min(1, "目标类别应为 1–5").max(5, "目标类别应为 1–5").nullable(),
  /** Longitude (WGS-84 / CGCS2000 degrees east). */
  lon: Lon.nullable(),
  /** Latitude (degrees north). */
  lat: Lat.nullable(),
  /** Responsible unit. */
  unitId: Uuid.nullable(),
  /** Ecological-flow target, m³/s (flow stations). */
  ecoFlowTarget: z.number().min(0, "生态流量目标不能为负").nullable(),
  /** Whether the point is in use. */
  active: z.boolean(),
};

/** One permit limit of an outlet. */
export const LimitSchema = z.object({
  /** HJ 212 factor code. */
  factor: FactorCodeSchema,
  /** Upper limit, e.g. COD 50 mg/L. */
  upperLimit: z.number().min(0).nullable().default(null),
  /** Lower limit (pH 6 of 6–9). */
  lowerLimit: z.number().min(0).nullable().default(null),
  /** Unit of the limit. */
  unit: z.string().trim().max(20).default("mg/L"),
  /** Source: permit number or standard (GB 8978-1996 表4 一级 …). */
  basis: z.string().trim().min(1, "请填写限值依据").max(200),
});

/** A new point. */
export const CreatePointSchema = z
  .object({
    ...PointFields,
    level: PointFields.level.default(null),
    waterBody: PointFields.waterBody.default(null),
    waterBodyType: PointFields.waterBodyType.default(null),
    targetClass: PointFields.targetClass.default(null),
    lon: PointFields.lon.default(null),
    lat: PointFields.lat.default(null),
    unitId: PointFields.unitId.default(null),
    ecoFlowTarget: PointFields.ecoFlowTarget.default(null),
    active: PointFields.active.default(true),
    /** Permit limits (outlets only). */
    limits: z.array(LimitSchema).max(60).optional(),
  })
  .strict();

/** Changes to a point; absent fields stay, null clears. */
export const UpdatePointSchema = z.object(PointFields).partial().strict();

/** The full set of an outlet's limits. */
export const ReplaceLimitsSchema = z.object({
  /** Replaces every limit of the point. */
  limits: z.array(LimitSchema).max(60),
});

/** Device list filter. */
export const ListDevicesQuery = z.object({
  /** Only devices of this point. */
  pointId: Uuid.optional(),
});

const DeviceFields = {
  /** 设备唯一标识 MN, up to 24 characters (HJ 212-2017). */
  mn: z.string().trim().min(1, "请输入 MN").max(24, "MN 最长 24 个字符").regex(/^[A-Za-z0-9]+$/, "MN 只能包含字母和数字"),
  /** Access password PW (6 characters in HJ 212; up to 16 accepted). */
  pw: z.string().min(1, "请输入访问密码").max(16),
  /** System code ST, two digits (21 surface water, 32 water pollution source …). */
  st: z.string().regex(/^\d{2}$/, "系统编码 ST 应为两位数字"),
  /** The point the device reports for. */
  pointId: Uuid.nullable(),
  /** Factor codes the device should send (for completeness checks). */
  expectedFactors: z.array(FactorCodeSchema).max(60),
  /** Whether uploads are accepted. */
  enabled: z.boolean(),
  /** HJ 212 version the device speaks. */
  protocolVersion: z.enum(["2017", "2005"]),
};

/** A new device. */
export const CreateDeviceSchema = z
  .object({
    ...DeviceFields,
    pointId: DeviceFields.pointId.default(null),
    expectedFactors: DeviceFields.expectedFactors.default([]),
    enabled: DeviceFields.enabled.default(true),
    protocolVersion: DeviceFields.protocolVersion.default("2017"),
  })
  .strict();

/** Changes to a device; absent fields stay. */
export const UpdateDeviceSchema = z.object(DeviceFields).partial().strict();

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });

/** Device status day. */
export const DeviceStatusQuery = z.object({
  /** Day in China time, YYYY-MM-DD; default today. */
  day: z.iso.date("日期格式应为 YYYY-MM-DD").optional(),
  /** json, or xlsx for the export. */
  format: z.enum(["json", "xlsx"]).default("json"),
});
