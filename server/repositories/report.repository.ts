/**
 * @module All SQL of the monthly reports: the archive (versions per kind and month), recipients and mailings, and
 * the figures the campaign-progress report reads from the supervision tables (the water-quality report reads
 * readings through publicPortal.repository.ts, like the public site).
 */
import { sql, type Kysely } from "kysely";
import type { DB, PointRow } from "../db/schema";
import type { ReportKind } from "../db/tables/production";

/** A report as stored. */
export interface ReportRecord {
  id: string;
  kind: ReportKind;
  period: string;
  version: number;
  trigger: "schedule" | "manual";
  generatedAt: Date;
  generatedBy: string | null;
  generatedByName: string | null;
  docxSha256: string;
  xlsxSha256: string;
  summary: Record<string, unknown>;
}

const reportColumns = (db: Kysely<DB>) =>
  db
    .selectFrom("reports as r")
    .leftJoin("users as u", "u.id", "r.generated_by")
    .select(["r.id", "r.kind", "r.period", "r.version", "r.trigger", "r.generated_at", "r.generated_by", "u.display_name", "r.docx_sha256", "r.xlsx_sha256", "r.summary"]);

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportColumns>["executeTakeFirstOrThrow"]>>;

const recordOf = (r: ReportRow): ReportRecord => ({
  id: r.id, kind: r.kind, period: r.period, version: r.version, trigger: r.trigger, generatedAt: new Date(r.generated_at),
  generatedBy: r.generated_by, generatedByName: r.display_name, docxSha256: r.docx_sha256, xlsxSha256: r.xlsx_sha256,
  summary: r.summary as Record<string, unknown>,
});

/**
 * Serialises writers of one (kind, period) until the transaction ends: two generations of the same month (the
 * worker and a 生成 click, or two clicks) take their version numbers one after the other instead of colliding.
 */
export async function lockReportMonth(db: Kysely<DB>, kind: ReportKind, period: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(72120017, hashtext(${`${kind}:${period}`}))`.execute(db);
}

/** Inserts the next version of (kind, period); the unique key makes a concurrent second insert fail. */
export async function insertReport(
  db: Kysely<DB>,
  v: { kind: ReportKind; period: string; trigger: "schedule" | "manual"; generatedBy: string | null; docxSha256: string; xlsxSha256: string; summary: Record<string, unknown> },
): Promise<ReportRecord> {
  const { id } = await db
    .insertInto("reports")
    .values((eb) => ({
      kind: v.kind,
      period: v.period,
      version: eb.selectFrom("reports").select(sql<number>`coalesce(max(version), 0) + 1`.as("v")).where("kind", "=", v.kind).where("period", "=", v.period),
      trigger: v.trigger,
      generated_by: v.generatedBy,
      docx_sha256: v.docxSha256,
      xlsx_sha256: v.xlsxSha256,
      summary: JSON.stringify(v.summary),
    }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return (await findReport(db, id))!;
}

/** A report by id. */
export async function findReport(db: Kysely<DB>, id: string): Promise<ReportRecord | undefined> {
  const r = await reportColumns(db).where("r.id", "=", id).executeTakeFirst();
  return r ? recordOf(r) : undefined;
}

/** The newest version of (kind, period), if any. */
export async function latestReport(db: Kysely<DB>, kind: ReportKind, period: string): Promise<ReportRecord | undefined> {
  const r = await reportColumns(db).where("r.kind", "=", kind).where("r.period", "=", period).orderBy("r.version", "desc").executeTakeFirst();
  return r ? recordOf(r) : undefined;
}

/** Every version of the given kinds, newest month first, newest version first. */
export async function listReports(db: Kysely<DB>, f: { kinds: readonly ReportKind[]; limit?: number }): Promise<ReportRecord[]> {
  if (!f.kinds.length) return [];
  const rows = await reportColumns(db)
    .where("r.kind", "in", [...f.kinds])
    .orderBy("r.period", "desc")
    .orderBy("r.kind")
    .orderBy("r.version", "desc")
    .limit(f.limit ?? 500)
    .execute();
  return rows.map(recordOf);
}

/** A person the reports are mailed to. */
export interface RecipientRecord {
  id: string;
  email: string;
  name: string;
  kinds: ReportKind[];
  createdAt: Date;
}

/** Every recipient, by name. */
export async function listRecipients(db: Kysely<DB>): Promise<RecipientRecord[]> {
  const rows = await db.selectFrom("report_recipients").selectAll().orderBy("name").orderBy("email").execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, kinds: r.kinds, createdAt: new Date(r.created_at) }));
}

/** A recipient by e-mail (case-insensitive; stored lower-case). */
export async function findRecipientByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom("report_recipients").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

/** A recipient by id. */
export async function findRecipient(db: Kysely<DB>, id: string) {
  return db.selectFrom("report_recipients").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a recipient. */
export async function insertRecipient(db: Kysely<DB>, v: { email: string; name: string; kinds: ReportKind[]; createdBy: string | null }) {
  return db
    .insertInto("report_recipients")
    .values({ email: v.email.toLowerCase(), name: v.name, kinds: v.kinds, created_by: v.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes a recipient. */
export async function deleteRecipient(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom("report_recipients").where("id", "=", id).execute();
}

/** One mailing of a report. */
export interface MailingRecord {
  reportId: string;
  email: string;
  status: "sent" | "failed";
  error: string | null;
  at: Date;
}

/** Records (or updates, on a retry) what became of mailing a report to an address. */
export async function recordMailing(db: Kysely<DB>, v: { reportId: string; email: string; status: "sent" | "failed"; error: string | null; at: Date }) {
  await db
    .insertInto("report_mailings")
    .values({ report_id: v.reportId, email: v.email, status: v.status, error: v.error, at: v.at })
    .onConflict((oc) => oc.columns(["report_id", "email"]).doUpdateSet({ status: v.status, error: v.error, at: v.at }))
    .execute();
}

/** Mailings of the given reports. */
export async function mailingsOf(db: Kysely<DB>, reportIds: readonly string[]): Promise<MailingRecord[]> {
  if (!reportIds.length) return [];
  const rows = await db.selectFrom("report_mailings").selectAll().where("report_id", "in", [...reportIds]).orderBy("email").execute();
  return rows.map((r) => ({ reportId: r.report_id, email: r.email, status: r.status, error: r.error, at: new Date(r.at) }));
}

/** The points a water-quality report covers: active sections and automatic stations, by code. */
export function reportSections(db: Kysely<DB>): Promise<PointRow[]> {
  return db.selectFrom("monitoring_points").selectAll().where("active", "=", true).where("kind", "in", ["section", "auto_station"]).orderBy("code").execute();
}

/** The newest plan (by year, then import), the one a campaign report covers. */
export function newestPlan(db: Kysely<DB>) {
  return db
    .selectFrom("plans")
    .select(["id", "title", "doc_number", "year", "issued_on", "issuer"])
    .orderBy("year", "desc")
    .orderBy("imported_at", "desc")
    .executeTakeFirst();
}

/** Tasks of a plan with their status, in document order. */
export function planTasks(db: Kysely<DB>, planId: string) {
  return db.selectFrom("tasks").select(["id", "number", "title", "section", "status"]).where("plan_id", "=", planId).orderBy("sort").execute();
}

/** Lateness records of a plan's rounds due in [from, to] (ISO dates), with unit and task. */
export async function latenessInWindow(db: Kysely<DB>, planId: string, from: string, to: string) {
  return db
    .selectFrom("lateness_records as l")
    .innerJoin("rounds as r", "r.id", "l.round_id")
    .innerJoin("units as u", "u.id", "l.unit_id")
    .leftJoin("tasks as t", "t.id", "l.task_id")
    .select(["l.unit_id", "u.name as unit_name", "l.task_id", "t.number as task_number", "t.title as task_title", "r.title as round_title", "l.due_on", "l.kind", "l.days", "l.submitted_on"])
    .where("r.plan_id", "=", planId)
    .where("l.due_on", ">=", from)
    .where("l.due_on", "<=", to)
    .orderBy("l.due_on")
    .orderBy("u.name")
    .execute();
}

/** Ladder rungs applied in [from, to) (instants) on tasks of a plan, with unit, task and document number. */
export async function ladderStepsInWindow(db: Kysely<DB>, planId: string, from: Date, to: Date) {
  return db
    .selectFrom("ladder_steps as s")
    .innerJoin("ladders as l", "l.id", "s.ladder_id")
    .innerJoin("tasks as t", "t.id", "l.task_id")
    .innerJoin("units as u", "u.id", "l.unit_id")
    .leftJoin("issued_documents as d", "d.id", "s.document_id")
    .select(["s.step", "s.at", "l.unit_id", "u.name as unit_name", "t.number as task_number", "t.title as task_title", "d.doc_number"])
    .where("t.plan_id", "=", planId)
    .where("s.at", ">=", from)
    .where("s.at", "<", to)
    .orderBy("s.at")
    .execute();
}
