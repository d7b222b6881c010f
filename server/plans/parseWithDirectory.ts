/**
 * @module Parses a plan document against the unit directory as it is in the database (names and aliases), with
 * the demo district's area prefixes — shared by the plan routes and `qingliu plan import`.
 */
import type { Kysely } from "kysely";
import { parsePlan } from "../../domain/plan/parsePlan";
import { ZHONGZHAN_AREA_NAMES } from "../../domain/plan/zhongzhanUnits";
import type { ParsedPlan } from "../../domain/plan/types";
import type { DB } from "../db/schema";
import { listUnits } from "../repositories/unit.repository";

/** Parses `text` with the database's directory. */
export async function parseWithDirectory(db: Kysely<DB>, text: string, year?: number): Promise<ParsedPlan> {
  const units = await listUnits(db);
  return parsePlan(text, { units: units.map((u) => ({ name: u.name, aliases: u.aliases, kind: u.kind })), year, areaNames: ZHONGZHAN_AREA_NAMES });
}
