/**
 * @module All SQL of issued documents (督办通知, 提醒函, 致函, 约谈通知, 提请问责函) and their numbers.
 */
import { sql, type Kysely } from "kysely";
import type { DB, DocumentKind } from "../db/schema";

/** Arbitrary constant naming the document-number advisory locks (second key: the series). */
const DOC_NUMBER_LOCK = 7_212_0006;

/**
 * Serialises numbering within a series until the transaction ends: two notices issued at once must not read the
 * same highest number (the unique index would reject the second, failing an office user's confirmation).
 */
export async function lockSeries(db: Kysely<DB>, series: string) {
  await sql`select pg_advisory_xact_lock(${DOC_NUMBER_LOCK}, hashtext(${series}))`.execute(db);
}

/** Document numbers already issued in a series and year. */
export async function issuedNumbers(db: Kysely<DB>, series: string, year: number): Promise<string[]> {
  const rows = await db.selectFrom("issued_documents").select("doc_number").where("series", "=", series).where("year", "=", year).execute();
  return rows.map((r) => r.doc_number!).filter(Boolean);
}

/** Inserts an issued document. */
export async function insertDocument(
  db: Kysely<DB>,
  v: {
    kind: DocumentKind; series: string | null; year: number | null; number: number | null; docNumber: string | null; unitId: string;
    taskId: string | null; ladderId: string | null; title: string; facts: Record<string, unknown>; fileSha256: string; issuedAt: Date;
    issuedBy: string | null;
  },
) {
  return db
    .insertInto("issued_documents")
    .values({
      kind: v.kind, series: v.series, year: v.year, number: v.number, doc_number: v.docNumber, unit_id: v.unitId, task_id: v.taskId,
      ladder_id: v.ladderId, title: v.title, facts: JSON.stringify(v.facts), file_sha256: v.fileSha256, issued_at: v.issuedAt, issued_by: v.issuedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A document with its unit and task names. */
export type DocumentView = Awaited<ReturnType<typeof listDocuments>>[number];

/** Documents, newest first; filtered by id, units, kind. */
export async function listDocuments(db: Kysely<DB>, f: { id?: string; unitIds?: string[]; kind?: DocumentKind } = {}) {
  let q = db
    .selectFrom("issued_documents as d")
    .innerJoin("units as u", "u.id", "d.unit_id")
    .leftJoin("tasks as t", "t.id", "d.task_id")
    .selectAll("d")
    .select(["u.name as unit_name", "t.number as task_number", "t.title as task_title"]);
  if (f.id) q = q.where("d.id", "=", f.id);
  if (f.unitIds) q = q.where("d.unit_id", "in", f.unitIds.length ? f.unitIds : ["00000000-0000-0000-0000-000000000000"]);
  if (f.kind) q = q.where("d.kind", "=", f.kind);
  return q.orderBy("d.issued_at", "desc").orderBy("d.id").execute();
}

/** One document. */
export async function findDocument(db: Kysely<DB>, id: string) {
  return (await listDocuments(db, { id }))[0];
}
