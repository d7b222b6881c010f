/**
 * @module All SQL of the 清四乱 problem register.
 */
import type { Kysely, Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { ChaosStatusValue, FourChaosProblemRow, FourChaosProblemsTable } from "../db/tables/registries";
import { containsPattern, offsetOf } from "../registries/listQuery";

/** List filters. */
export interface ChaosFilter {
  q?: string;
  unitId?: string;
  riverId?: string;
  status?: ChaosStatusValue;
  category?: FourChaosProblemRow["category"];
  source?: FourChaosProblemRow["source"];
  /** Not yet closed ("1"). */
  open?: "1";
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function where(db: Kysely<DB>, f: Omit<ChaosFilter, "page" | "pageSize">) {
  let q = db.selectFrom("four_chaos_problems");
  if (f.q) q = q.where((eb) => eb.or([eb("code", "ilike", containsPattern(f.q!)), eb("description", "ilike", containsPattern(f.q!)), eb("location", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.riverId) q = q.where("river_id", "=", f.riverId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.category) q = q.where("category", "=", f.category);
  if (f.source) q = q.where("source", "=", f.source);
  if (f.open) q = q.where("status", "!=", "closed");
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of problems, newest find first, and the total. */
export async function listProblems(db: Kysely<DB>, f: ChaosFilter) {
  const [rows, total] = await Promise.all([
    where(db, f).selectAll().orderBy("found_on", "desc").orderBy("code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    where(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every problem matching the filter, newest find first. */
export function allProblems(db: Kysely<DB>, f: Omit<ChaosFilter, "page" | "pageSize"> = {}): Promise<FourChaosProblemRow[]> {
  return where(db, f).selectAll().orderBy("found_on", "desc").orderBy("code").execute();
}

/** One problem. */
export function findProblem(db: Kysely<DB>, id: string): Promise<FourChaosProblemRow | undefined> {
  return db.selectFrom("four_chaos_problems").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One problem, locked for the rest of the transaction (a step and an edit must not cross). */
export function lockProblem(db: Kysely<DB>, id: string): Promise<FourChaosProblemRow | undefined> {
  return db.selectFrom("four_chaos_problems").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The problem with a code. */
export function findProblemByCode(db: Kysely<DB>, code: string): Promise<FourChaosProblemRow | undefined> {
  return db.selectFrom("four_chaos_problems").selectAll().where("code", "=", code).executeTakeFirst();
}

/** Inserts a problem. */
export function insertProblem(db: Kysely<DB>, v: Omit<Updateable<FourChaosProblemsTable>, "id"> & Pick<FourChaosProblemRow, "code" | "category" | "subtype" | "river_id" | "source" | "found_on" | "description" | "unit_id" | "status_since">) {
  return db.insertInto("four_chaos_problems").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a problem. */
export function updateProblem(db: Kysely<DB>, id: string, v: Updateable<FourChaosProblemsTable>) {
  return db.updateTable("four_chaos_problems").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** What the dynamic-zero board counts, for every problem. */
export function boardRows(db: Kysely<DB>) {
  return db.selectFrom("four_chaos_problems").select(["river_id", "category", "status", "deadline", "found_on"]).execute();
}

/** Problems on a river (the river page). */
export function problemsOnRiver(db: Kysely<DB>, riverId: string) {
  return db.selectFrom("four_chaos_problems").select(["id", "code", "subtype", "status"]).where("river_id", "=", riverId).orderBy("found_on", "desc").execute();
}
