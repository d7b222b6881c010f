/**
 * @module All SQL of river emergency plans (emergency_plans), incidents and their log, and of what a plan shows from
 * the registries: the river with its course, its 河湖长, outfalls, enterprises, drinking-water sources and
 * monitoring points (linked by river_id, or by the point's water-body name when not linked).
 */
import { sql, type Kysely } from "kysely";
import type { DB, PointRow } from "../db/schema";
import type { EmergencyPlanRow, IncidentRow, PlanContact, PlanStep } from "../db/tables/quality";

/** Rivers with whether they have a plan and how many incidents are open. */
export async function listRiversWithPlans(db: Kysely<DB>) {
  const r = await sql<{ id: string; name: string; kind: string; demo: boolean; plan_id: string | null; plan_title: string | null; updated_at: Date | null; open_incidents: number }>`
    select r.id, r.name, r.kind, r.demo, p.id as plan_id, p.title as plan_title, p.updated_at,
      (select count(*)::int from incidents i where i.river_id = r.id and i.status = 'open') as open_incidents
    from rivers r left join emergency_plans p on p.river_id = r.id
    order by r.name`.execute(db);
  return r.rows.map((x) => ({ ...x, open_incidents: Number(x.open_incidents) }));
}

/** One river. */
export async function findRiver(db: Kysely<DB>, id: string) {
  return db.selectFrom("rivers").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The river a monitoring point lies on: its river_id, else the river named like its water body. */
export async function riverOfPoint(db: Kysely<DB>, p: Pick<PointRow, "water_body"> & { river_id?: string | null }) {
  if (p.river_id) return findRiver(db, p.river_id);
  if (!p.water_body) return undefined;
  return db.selectFrom("rivers").selectAll().where("name", "=", p.water_body).executeTakeFirst();
}

/** Everything on a river that a plan shows. */
export async function riverContext(db: Kysely<DB>, river: { id: string; name: string }) {
  const [chiefs, outfalls, enterprises, sources, points] = await Promise.all([
    db.selectFrom("river_chiefs").select(["id", "level", "name", "position", "reach", "phone", "user_id"])
      .where("river_id", "=", river.id).where("active", "=", true).orderBy("level").orderBy("name").execute(),
    db.selectFrom("outfalls").select(["id", "code", "name", "type_code", "stage", "lon", "lat", "responsible_party"])
      .where("river_id", "=", river.id).where("stage", "!=", "closed").orderBy("code").execute(),
    db.selectFrom("enterprises").select(["id", "code", "name", "industry", "fluoride", "permit_no", "lon", "lat"])
      .where("river_id", "=", river.id).orderBy("code").execute(),
    db.selectFrom("drinking_sources").select(["id", "code", "name", "level", "population_wan", "water_works", "lon", "lat"])
      .where("river_id", "=", river.id).orderBy("code").execute(),
    db.selectFrom("monitoring_points").select(["id", "code", "name", "kind", "lon", "lat", "enterprise_id"])
      .where("active", "=", true)
      .where((eb) => eb.or([eb("river_id", "=", river.id), eb.and([eb("river_id", "is", null), eb("water_body", "=", river.name)])]))
      .orderBy("code").execute(),
  ]);
  return { chiefs, outfalls, enterprises, sources, points };
}

/** The plan of a river. */
export async function findPlan(db: Kysely<DB>, riverId: string): Promise<EmergencyPlanRow | undefined> {
  return db.selectFrom("emergency_plans").selectAll().where("river_id", "=", riverId).executeTakeFirst();
}

/** Stores a river's plan (creates or replaces). */
export async function upsertPlan(
  db: Kysely<DB>, v: { riverId: string; title: string; contacts: PlanContact[]; steps: PlanStep[]; courseReversed: boolean; note: string | null; userId: string | null },
): Promise<EmergencyPlanRow> {
  const set = {
    title: v.title, contacts: JSON.stringify(v.contacts), steps: JSON.stringify(v.steps), course_reversed: v.courseReversed, note: v.note, updated_by: v.userId,
  };
  return db.insertInto("emergency_plans").values({ river_id: v.riverId, ...set })
    .onConflict((oc) => oc.column("river_id").doUpdateSet({ ...set, updated_at: new Date() }))
    .returningAll().executeTakeFirstOrThrow();
}

/** The open incident of an alarm, if any. */
export async function openIncidentOfAlarm(db: Kysely<DB>, alarmId: string): Promise<IncidentRow | undefined> {
  return db.selectFrom("incidents").selectAll().where("alarm_id", "=", alarmId).where("status", "=", "open").executeTakeFirst();
}

/** Opens an incident. */
export async function insertIncident(
  db: Kysely<DB>, v: { planId: string; riverId: string; alarmId: string | null; pointId: string | null; title: string; openedBy: string | null },
): Promise<IncidentRow> {
  return db.insertInto("incidents").values({
    plan_id: v.planId, river_id: v.riverId, alarm_id: v.alarmId, point_id: v.pointId, title: v.title, opened_by: v.openedBy,
  }).returningAll().executeTakeFirstOrThrow();
}

/** One incident, locked for a change. */
export async function lockIncident(db: Kysely<DB>, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom("incidents").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** One incident. */
export async function findIncident(db: Kysely<DB>, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Closes an incident. */
export async function closeIncident(db: Kysely<DB>, id: string, v: { by: string; summary: string }): Promise<IncidentRow> {
  return db.updateTable("incidents").set({ status: "closed", closed_at: new Date(), closed_by: v.by, summary: v.summary })
    .where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Incidents with their river, newest first. */
export async function listIncidents(db: Kysely<DB>, f: { status?: "open" | "closed"; riverId?: string; limit: number }) {
  let q = db.selectFrom("incidents as i").innerJoin("rivers as r", "r.id", "i.river_id").selectAll("i").select("r.name as river_name");
  if (f.status) q = q.where("i.status", "=", f.status);
  if (f.riverId) q = q.where("i.river_id", "=", f.riverId);
  return q.orderBy("i.opened_at", "desc").orderBy("i.id").limit(f.limit).execute();
}

/** Appends to an incident's log. */
export async function insertIncidentLog(
  db: Kysely<DB>, v: { incidentId: string; actorId: string | null; kind: "opened" | "notified" | "step" | "note" | "closed"; text: string; data?: Record<string, unknown> },
): Promise<void> {
  await db.insertInto("incident_log").values({ incident_id: v.incidentId, actor_id: v.actorId, kind: v.kind, text: v.text, data: JSON.stringify(v.data ?? {}) }).execute();
}

/** An incident's log, oldest first, with the actors' names. */
export async function incidentLog(db: Kysely<DB>, incidentId: string) {
  return db.selectFrom("incident_log as l").leftJoin("users as u", "u.id", "l.actor_id")
    .selectAll("l").select("u.display_name as actor_name").where("l.incident_id", "=", incidentId).orderBy("l.id").execute();
}
