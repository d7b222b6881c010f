/**
 * @module All SQL of the drinking-water source register: sources (drinking_sources), their intakes
 * (drinking_source_intakes → monitoring_points of kind drinking_intake) and the problems found in them
 * (drinking_source_problems).
 */
import { sql, type Kysely, type Updateable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/enterprises";
import type { DrinkingProblemRow, DrinkingSourceProblemsTable, DrinkingSourceRow, DrinkingSourcesTable } from "../db/tables/enterprises";
import { containsPattern, offsetOf } from "../registries/listQuery";

/** Source list filters. */
export interface SourceFilter {
  q?: string;
  unitId?: string;
  riverId?: string;
  level?: DrinkingSourceRow["level"];
  kind?: DrinkingSourceRow["source_kind"];
  /** "1": sources with problems not yet closed; "0": 清零 sources. */
  open?: "0" | "1";
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function sourcesWhere(db: Kysely<DB>, f: Omit<SourceFilter, "page" | "pageSize">) {
  let q = db.selectFrom("drinking_sources as s");
  if (f.q) q = q.where((eb) => eb.or([eb("s.code", "ilike", containsPattern(f.q!)), eb("s.name", "ilike", containsPattern(f.q!)), eb("s.water_works", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("s.unit_id", "=", f.unitId);
  if (f.riverId) q = q.where("s.river_id", "=", f.riverId);
  if (f.level) q = q.where("s.level", "=", f.level);
  if (f.kind) q = q.where("s.source_kind", "=", f.kind);
  if (f.demo) q = q.where("s.demo", "=", f.demo === "1");
  if (f.open) {
    const withOpen = db.selectFrom("drinking_source_problems").select("source_id").where("status", "!=", "closed");
    q = q.where("s.id", f.open === "1" ? "in" : "not in", withOpen);
  }
  return q;
}

/** The intakes' codes of source `s` as one text. */
const intakeCodes = sql<string | null>`(select string_agg(p.code, '、' order by p.code) from drinking_source_intakes i join monitoring_points p on p.id = i.point_id where i.source_id = s.id)`.as("intake_codes");

/** One page of sources by code, and the total. */
export async function listSources(db: Kysely<DB>, f: SourceFilter): Promise<{ rows: DrinkingSourceRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    sourcesWhere(db, f).selectAll("s").select(intakeCodes).orderBy("s.code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    sourcesWhere(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every source matching the filter, by code. */
export function allSources(db: Kysely<DB>, f: Omit<SourceFilter, "page" | "pageSize"> = {}): Promise<DrinkingSourceRow[]> {
  return sourcesWhere(db, f).selectAll("s").select(intakeCodes).orderBy("s.code").execute();
}

/** One source. */
export function findSource(db: Kysely<DB>, id: string): Promise<DrinkingSourceRow | undefined> {
  return db.selectFrom("drinking_sources as s").selectAll("s").select(intakeCodes).where("s.id", "=", id).executeTakeFirst();
}

/** The source with a code. */
export function findSourceByCode(db: Kysely<DB>, code: string): Promise<DrinkingSourceRow | undefined> {
  return db.selectFrom("drinking_sources as s").selectAll("s").select(intakeCodes).where("s.code", "=", code).executeTakeFirst();
}

/** Inserts a source. */
export async function insertSource(db: Kysely<DB>, v: Omit<Updateable<DrinkingSourcesTable>, "id"> & Pick<DrinkingSourceRow, "code" | "name" | "source_kind" | "level" | "unit_id">): Promise<DrinkingSourceRow> {
  const { id } = await db.insertInto("drinking_sources").values(v).returning("id").executeTakeFirstOrThrow();
  return (await findSource(db, id))!;
}

/** Updates a source. */
export async function updateSource(db: Kysely<DB>, id: string, v: Updateable<DrinkingSourcesTable>): Promise<DrinkingSourceRow> {
  await db.updateTable("drinking_sources").set({ ...v, updated_at: new Date() }).where("id", "=", id).execute();
  return (await findSource(db, id))!;
}

/** Every source's id, code and name (sheet lookups). */
export function sourceNameRows(db: Kysely<DB>) {
  return db.selectFrom("drinking_sources").select(["id", "code", "name"]).orderBy("code").execute();
}

/** Names of some sources, by id. */
export async function sourceNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  const clean = [...new Set(ids)];
  if (!clean.length) return new Map();
  const rows = await db.selectFrom("drinking_sources").select(["id", "code", "name"]).where("id", "in", clean).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

// ── Intakes ─────────────────────────────────────────────────────────────────────────────────────────────────

/** An intake of a source: the monitoring point. */
export interface IntakeView {
  source_id: string;
  point_id: string;
  code: string;
  name: string;
  lon: number | null;
  lat: number | null;
  water_body: string | null;
  active: boolean;
}

/** The intakes of some sources, by point code. */
export function intakesOf(db: Kysely<DB>, sourceIds: string[]): Promise<IntakeView[]> {
  if (!sourceIds.length) return Promise.resolve([]);
  return db
    .selectFrom("drinking_source_intakes as i")
    .innerJoin("monitoring_points as p", "p.id", "i.point_id")
    .select(["i.source_id", "i.point_id", "p.code", "p.name", "p.lon", "p.lat", "p.water_body", "p.active"])
    .where("i.source_id", "in", sourceIds)
    .orderBy("p.code")
    .execute();
}

/** Monitoring points with these codes (any kind; the caller checks), with the source each is an intake of. */
export function pointsByCodes(db: Kysely<DB>, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return db
    .selectFrom("monitoring_points as p")
    .leftJoin("drinking_source_intakes as i", "i.point_id", "p.id")
    .select(["p.id", "p.code", "p.kind", "i.source_id"])
    .where(sql<string>`lower(p.code)`, "in", codes.map((c) => c.toLowerCase()))
    .execute();
}

/** Makes `pointIds` the intakes of a source (others it had are released). */
export async function replaceIntakes(db: Kysely<DB>, sourceId: string, pointIds: string[]): Promise<void> {
  await db.deleteFrom("drinking_source_intakes").where("source_id", "=", sourceId).execute();
  if (pointIds.length) await db.insertInto("drinking_source_intakes").values(pointIds.map((point_id) => ({ point_id, source_id: sourceId }))).execute();
}

/** Intake points that belong to no source (for the form's choices). */
export function freeIntakePoints(db: Kysely<DB>) {
  return db
    .selectFrom("monitoring_points as p")
    .leftJoin("drinking_source_intakes as i", "i.point_id", "p.id")
    .select(["p.id", "p.code", "p.name", "i.source_id"])
    .where("p.kind", "=", "drinking_intake")
    .orderBy("p.code")
    .execute();
}

// ── Problems ────────────────────────────────────────────────────────────────────────────────────────────────

/** Problem list filters. */
export interface ProblemFilter {
  q?: string;
  unitId?: string;
  sourceId?: string;
  status?: DrinkingProblemRow["status"];
  category?: DrinkingProblemRow["category"];
  place?: DrinkingProblemRow["place"];
  /** "1": not closed. */
  open?: "0" | "1";
  demo?: "0" | "1";
  page: number;
  pageSize: number;
}

function problemsWhere(db: Kysely<DB>, f: Omit<ProblemFilter, "page" | "pageSize">) {
  let q = db.selectFrom("drinking_source_problems");
  if (f.q) q = q.where((eb) => eb.or([eb("code", "ilike", containsPattern(f.q!)), eb("description", "ilike", containsPattern(f.q!))]));
  if (f.unitId) q = q.where("unit_id", "=", f.unitId);
  if (f.sourceId) q = q.where("source_id", "=", f.sourceId);
  if (f.status) q = q.where("status", "=", f.status);
  if (f.category) q = q.where("category", "=", f.category);
  if (f.place) q = q.where("place", "=", f.place);
  if (f.open) q = q.where("status", f.open === "1" ? "!=" : "=", "closed");
  if (f.demo) q = q.where("demo", "=", f.demo === "1");
  return q;
}

/** One page of problems, newest found first, and the total. */
export async function listProblems(db: Kysely<DB>, f: ProblemFilter): Promise<{ rows: DrinkingProblemRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    problemsWhere(db, f).selectAll().orderBy("found_on", "desc").orderBy("code").limit(f.pageSize).offset(offsetOf(f)).execute(),
    problemsWhere(db, f).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every problem matching the filter, newest found first. */
export function allProblems(db: Kysely<DB>, f: Omit<ProblemFilter, "page" | "pageSize"> = {}): Promise<DrinkingProblemRow[]> {
  return problemsWhere(db, f).selectAll().orderBy("found_on", "desc").orderBy("code").execute();
}

/** One problem. */
export function findProblem(db: Kysely<DB>, id: string): Promise<DrinkingProblemRow | undefined> {
  return db.selectFrom("drinking_source_problems").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One problem, locked for the rest of the transaction (two steps of one problem must not cross). */
export function lockProblem(db: Kysely<DB>, id: string): Promise<DrinkingProblemRow | undefined> {
  return db.selectFrom("drinking_source_problems").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The problem with a code. */
export function findProblemByCode(db: Kysely<DB>, code: string): Promise<DrinkingProblemRow | undefined> {
  return db.selectFrom("drinking_source_problems").selectAll().where("code", "=", code).executeTakeFirst();
}

/** Inserts a problem. */
export function insertProblem(
  db: Kysely<DB>,
  v: Omit<Updateable<DrinkingSourceProblemsTable>, "id"> & Pick<DrinkingProblemRow, "code" | "source_id" | "place" | "category" | "origin" | "description" | "found_on" | "unit_id" | "status_since">,
) {
  return db.insertInto("drinking_source_problems").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a problem. */
export function updateProblem(db: Kysely<DB>, id: string, v: Updateable<DrinkingSourceProblemsTable>) {
  return db.updateTable("drinking_source_problems").set({ ...v, updated_at: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Status and deadline of the problems of some sources (the dynamic-zero board). */
export function problemsOfSources(db: Kysely<DB>, sourceIds: string[]) {
  if (!sourceIds.length) return Promise.resolve([]);
  return db.selectFrom("drinking_source_problems").select(["source_id", "status", "deadline"]).where("source_id", "in", sourceIds).execute();
}
