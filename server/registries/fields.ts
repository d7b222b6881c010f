/**
 * @module zod fields shared by registry schemas: optional text that an empty string clears, dates, coordinates,
 * GeoJSON geometry (an object, or its JSON text as a sheet cell holds it), and enums from domain label tables.
 * Every field accepts null so that a sheet's empty cell and a form's cleared field mean the same thing.
 */
import { z } from "zod";
import { geometryProblem, type Geometry, type GeometryType } from "../../domain/registries/geo";
import { readDate } from "../../domain/registries/sheet";

/** Optional text up to `max` characters; "" becomes null. */
export const OptText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max, `不能超过 ${max} 个字`).nullable().optional());

/** Required text up to `max` characters. */
export const ReqText = (max: number, empty = "必填") => z.string().trim().min(1, empty).max(max, `不能超过 ${max} 个字`);

/** A local date, YYYY-MM-DD (sheet forms like 2022/5/31 are read by the sheet reader before). */
export const IsoDay = z.string().refine((s) => {
  try {
    return readDate(s) === s;
  } catch {
    return false;
  }
}, "日期格式应为 YYYY-MM-DD");

/** Longitude. */
export const Lon = z.number().min(-180, "经度应在 −180～180").max(180, "经度应在 −180～180");
/** Latitude. */
export const Lat = z.number().min(-90, "纬度应在 −90～90").max(90, "纬度应在 −90～90");

/** A GeoJSON geometry of the allowed types, given as an object or as JSON text. */
export const GeometryField = (allowed: readonly GeometryType[]) =>
  z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      if (v.trim() === "") return null;
      try {
        return JSON.parse(v);
      } catch {
        return { invalidJson: true };
      }
    },
    z.unknown().superRefine((g, ctx) => {
      if (g === null || g === undefined) return;
      const problem = (g as { invalidJson?: boolean }).invalidJson ? "不是有效的 GeoJSON 文本" : geometryProblem(g, allowed);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  ) as unknown as z.ZodType<Geometry | null | undefined>;

/** An enum of a domain list. */
export const EnumOf = <T extends readonly [string, ...string[]]>(values: T, message = "不是可选的值") => z.enum(values, message);
