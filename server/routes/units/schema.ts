/**
 * @module Requests of the unit directory routes.
 */
import { z } from "zod";
import { UNIT_KINDS, type UnitKind } from "../../db/schema";

const Name = z.string().trim().min(2, "名称至少 2 个字").max(64, "名称不能超过 64 个字");

/** A new unit. */
export const CreateUnitSchema = z.object({
  /** Official name, e.g. 中站生态环境分局. */
  name: Name,
  /** office / department / branch / subdistrict / other. */
  kind: z.enum(UNIT_KINDS as [UnitKind, ...UnitKind[]]),
  /** Other names used in documents, e.g. 中站生态环境局. */
  aliases: z.array(Name).max(20).default([]),
  /** Display order. */
  sort: z.number().int().min(0).max(10_000).optional(),
});

/** Changes to a unit; absent fields stay. */
export const UpdateUnitSchema = z
  .object({
    /** New official name. */
    name: Name.optional(),
    /** New kind. */
    kind: z.enum(UNIT_KINDS as [UnitKind, ...UnitKind[]]).optional(),
    /** Replaces the aliases. */
    aliases: z.array(Name).max(20).optional(),
  })
  .strict();

/** Path parameter. */
export const IdParams = z.object({ id: z.uuid("不是有效的编号") });
