/**
 * @module All SQL of the 入河排污口 register: outfalls, their sampling records (测), trace graphs (溯) and
 * remediation plans with measures (治, 一口一策).
 */
import type { Kysely, Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/registries";
import type { OutfallMeasureRow, OutfallRow, OutfallsTable, OutfallStageValue, OutfallTestRow, OutfallTraceNodeRow, RemediationKindValue } from "../db/tables/registries";
import { containsPattern, offsetOf } from "../registries/listQuery";

/** List filters. */
export interface OutfallFilter {
  q?: string;
  unitId?: string;
  riverId?: string;
  status?: OutfallStageValue;
  /** First-level type prefix, e.g. "industrial". */
  level1?: string;
  remediationKind?: RemediationKindValue;
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function where(db: Kysely<DB>, f: Omit<OutfallFilter, "page" | "pageSize">) {
  let q = db.selectFrom("outfalls");
  if (f.q) q = q.where((eb) => eb.or([eb("code", "ilike", containsPattern(f.q!)), eb("name", "ilike", containsPattern(f.q!)), eb("responsible_party", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.riverId) q = q.where("river_id", "=", f.riverId);
  if (f.status) q = q.where("stage", "=", f.status);
  if (f.level1) q = q.where((eb) => eb.or([eb("type_code", "=", f.level1!), eb("type_code", "like", `${f.level1}.%`)]));
  if (f.remediationKind) q = q.where("remediation_kind", "=", f.remediationKind);
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of outfalls by code, and the total. */
export async function listOutfalls(db: Kysely<DB>, f: OutfallFilter) {
  const [rows, total] = await Promise.all([
    where(db, f).selectAll().orderBy("code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    where(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every outfall matching the filter, by code. */
export function allOutfalls(db: Kysely<DB>, f: Omit<OutfallFilter, "page" | "pageSize"> = {}): Promise<OutfallRow[]> {
  return where(db, f).selectAll().orderBy("code").execute();
}

/** One outfall. */
export function findOutfall(db: Kysely<DB>, id: string): Promise<OutfallRow | undefined> {
  return db.selectFrom("outfalls").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One outfall, locked for the rest of the transaction (its stage and its records change together). */
export function lockOutfall(db: Kysely<DB>, id: string): Promise<OutfallRow | undefined> {
  return db.selectFrom("outfalls").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The outfall with a code. */
export function findOutfallByCode(db: Kysely<DB>, code: string): Promise<OutfallRow | undefined> {
  return db.selectFrom("outfalls").selectAll().where("code", "=", code).executeTakeFirst();
}

/** Inserts an outfall. */
export function insertOutfall(db: Kysely<DB>, v: Omit<Updateable<OutfallsTable>, "id"> & Pick<OutfallRow, "code" | "name" | "type_code" | "unit_id" | "found_on" | "stage_since">) {
  return db.insertInto("outfalls").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates an outfall. */
export function updateOutfall(db: Kysely<DB>, id: string, v: Updateable<OutfallsTable>) {
  return db.updateTable("outfalls").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Stores a sampling record. */
export function insertTest(db: Kysely<DB>, v: Omit<OutfallTestRow, "id" | "recorded_at" | "flowing"> & { flowing: boolean }) {
  return db.insertInto("outfall_tests").values(v).returningAll().executeTakeFirstOrThrow();
}

/** An outfall's sampling records, newest first. */
export function listTests(db: Kysely<DB>, outfallId: string): Promise<OutfallTestRow[]> {
  return db.selectFrom("outfall_tests").selectAll().where("outfall_id", "=", outfallId).orderBy("sampled_on", "desc").orderBy("recorded_at", "desc").execute();
}

/** An outfall's trace nodes in their order. */
export function listTraceNodes(db: Kysely<DB>, outfallId: string): Promise<OutfallTraceNodeRow[]> {
  return db.selectFrom("outfall_trace_nodes").selectAll().where("outfall_id", "=", outfallId).orderBy("sort").execute();
}

/** Replaces an outfall's trace graph (ids given by the caller). */
export async function replaceTrace(db: Kysely<DB>, outfallId: string, nodes: Omit<OutfallTraceNodeRow, "outfall_id">[]) {
  await db.deleteFrom("outfall_trace_nodes").where("outfall_id", "=", outfallId).execute();
  if (nodes.length) await db.insertInto("outfall_trace_nodes").values(nodes.map((n) => ({ ...n, outfall_id: outfallId }))).execute();
}

/** The plan of an outfall with its measures, or null. */
export async function findPlan(db: Kysely<DB>, outfallId: string) {
  const plan = await db.selectFrom("outfall_plans").selectAll().where("outfall_id", "=", outfallId).executeTakeFirst();
  if (!plan) return null;
  const measures = await db.selectFrom("outfall_measures").selectAll().where("outfall_id", "=", outfallId).orderBy("seq").execute();
  return { ...plan, measures };
}

/** Creates or replaces an outfall's plan and its measures. */
export async function savePlan(db: Kysely<DB>, outfallId: string, v: { kind: RemediationKindValue | null; goal: string | null; by: string | null }, measures: Omit<OutfallMeasureRow, "id" | "outfall_id">[]) {
  await db
    .insertInto("outfall_plans")
    .values({ outfall_id: outfallId, remediation_kind: v.kind, goal: v.goal, updated_by: v.by })
    .onConflict((oc) => oc.column("outfall_id").doUpdateSet({ remediation_kind: v.kind, goal: v.goal, updated_by: v.by, updated_at: new Date() }))
    .execute();
  await db.deleteFrom("outfall_measures").where("outfall_id", "=", outfallId).execute();
  if (measures.length) await db.insertInto("outfall_measures").values(measures.map((m) => ({ ...m, outfall_id: outfallId }))).execute();
}

/** Outfalls on a river (the river page). */
export function outfallsOnRiver(db: Kysely<DB>, riverId: string) {
  return db.selectFrom("outfalls").select(["id", "name", "stage"]).where("river_id", "=", riverId).orderBy("code").execute();
}

/** Counts per stage and per remediation kind (the public progress). */
export async function outfallCounts(db: Kysely<DB>) {
  const [stages, kinds] = await Promise.all([
    db.selectFrom("outfalls").select(["stage", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("stage").execute(),
    db.selectFrom("outfalls").select(["remediation_kind", (eb) => eb.fn.countAll<number>().as("n")]).where("remediation_kind", "is not", null).groupBy("remediation_kind").execute(),
  ]);
  return { stages: stages.map((s) => ({ stage: s.stage, n: Number(s.n) })), kinds: kinds.map((k) => ({ kind: k.remediation_kind!, n: Number(k.n) })) };
}
