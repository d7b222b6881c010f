/**
 * @module Requests of the 入河排污口 register: filters, outfalls (also each sheet row), sampling records, the trace
 * graph, the plan (一口一策) and lifecycle steps.
 */
import { z } from "zod";
import { OUTFALL_STAGES, REMEDIATION_KINDS } from "../../../../domain/registries/outfallLifecycle";
import { OUTFALL_TYPE_CODES } from "../../../../domain/registries/outfallTypes";
import { TRACE_NODE_KINDS } from "../../../../domain/registries/traceGraph";
import { BaseListQuery, Uuid } from "../../../registries/listQuery";
import { EnumOf, IsoDay, Lat, Lon, OptText, ReqText } from "../../../registries/fields";

/** List filters. */
export const OutfallListQuery = BaseListQuery.extend({
  /** Stage. */
  status: EnumOf(OUTFALL_STAGES).optional(),
  /** First-level type: industrial / urbanWwtp / agricultural / other. */
  level1: z.enum(["industrial", "urbanWwtp", "agricultural", "other"]).optional(),
  /** Way of 整治. */
  remediationKind: EnumOf(REMEDIATION_KINDS).optional(),
});

const TYPES = OUTFALL_TYPE_CODES as [string, ...string[]];

/** An outfall. */
export const OutfallCreate = z.object({
  /** Code in the ledger, e.g. ZZ-PWK-001. */
  code: ReqText(40, "请填写编号"),
  /** Name, e.g. 某企业雨水排口. */
  name: ReqText(100, "请填写名称"),
  /** HJ 1312-2023 type (domain/registries/outfallTypes.ts). */
  typeCode: z.enum(TYPES, "请选择 HJ 1312-2023 排污口类型"),
  /** What an 其他（未列明） outfall is. */
  typeNote: OptText(100),
  /** Receiving river of the register. */
  riverId: Uuid.nullable().optional(),
  /** Receiving water not on the register. */
  receivingWater: OptText(100),
  /** The keeping unit. */
  unitId: Uuid,
  /** 责任主体. */
  responsibleParty: OptText(100),
  /** Where it is. */
  location: OptText(200),
  lon: Lon.nullable().optional(),
  lat: Lat.nullable().optional(),
  /** Day it was found (排查). */
  foundOn: IsoDay,
  /** Stage when registered (new outfalls only). */
  stage: EnumOf(OUTFALL_STAGES).nullable().optional(),
  /** Day that stage began (new outfalls only). */
  stageSince: IsoDay.nullable().optional(),
  /** Way of 整治 when registered in 整治 or later (new outfalls only). */
  remediationKind: EnumOf(REMEDIATION_KINDS).nullable().optional(),
  /** 销号 day (new outfalls registered as closed only). */
  closedOn: IsoDay.nullable().optional(),
});
/** An outfall's changes. */
export const OutfallUpdate = OutfallCreate.partial();

const Value = z.number().min(0).max(1e6).nullable().default(null);
/** A sampling record (测). */
export const TestBody = z.object({
  sampledOn: IsoDay,
  /** Discharging when sampled. */
  flowing: z.boolean().default(true),
  /** COD, mg/L. */
  cod: Value,
  /** NH3-N, mg/L. */
  ammonia: Value,
  /** TP, mg/L. */
  totalPhosphorus: Value,
  /** Flow, m³/d. */
  flowM3d: Value,
  /** 达标 / 超标 / 无水. */
  conclusion: z.enum(["compliant", "exceeds", "dry"]),
  note: z.string().trim().max(500).nullable().default(null),
});

/** The trace graph (溯), replaced as a whole. */
export const TraceBody = z.object({
  nodes: z.array(z.object({
    /** Names the node within this request. */
    key: z.string().trim().min(1).max(40),
    kind: EnumOf(TRACE_NODE_KINDS),
    label: ReqText(100, "请填写节点名称"),
    /** Key of the node it flows into; null: the outfall. */
    downstream: z.string().trim().min(1).max(40).nullable(),
    note: z.string().trim().max(500).nullable().default(null),
  })).max(200),
});

/** The plan (一口一策). */
export const PlanBody = z.object({
  /** 依法取缔 / 清理合并 / 规范整治. */
  remediationKind: EnumOf(REMEDIATION_KINDS).nullable(),
  /** What the plan achieves. */
  goal: z.string().trim().max(2000).nullable().default(null),
  measures: z.array(z.object({
    text: ReqText(500, "请填写措施"),
    /** Unit responsible for the measure. */
    unitId: Uuid.nullable().default(null),
    deadline: IsoDay.nullable().default(null),
    /** Day it was completed. */
    doneOn: IsoDay.nullable().default(null),
    note: z.string().trim().max(500).nullable().default(null),
  })).max(50),
});

/** A lifecycle step. */
export const OutfallTransition = z.object({
  action: z.enum(["startMonitoring", "startTracing", "startRemediation", "requestClosure", "approveClosure", "rejectClosure"]),
  note: z.string().trim().max(2000).nullable().default(null),
});
