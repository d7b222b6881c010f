/**
 * @module All SQL of complaints, their photos and their event log (0015_public_complaints.sql). Personal data stays
 * encrypted here: repositories move ciphertexts and keyed hashes, never plaintext contacts.
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/public";
import type { ComplaintEventsTable, ComplaintPhotosTable, ComplaintsTable } from "../db/tables/public";
import type { ComplaintState } from "../../domain/complaints/states";
import { boxAround, type LonLat } from "../../domain/complaints/geo";

/** A complaint row. */
export type ComplaintRow = Selectable<ComplaintsTable>;
/** A photo row. */
export type ComplaintPhotoRow = Selectable<ComplaintPhotosTable>;
/** An event row. */
export type ComplaintEventRow = Selectable<ComplaintEventsTable>;

/** A complaint with the names of its category and unit. */
export type ComplaintView = ComplaintRow & { category_name: string; unit_name: string | null; photo_count: number };

/** The next public number of a complaint received in `year`, e.g. 2024-000123. */
export async function nextComplaintNumber(db: Kysely<DB>, year: number): Promise<string> {
  const r = await sql<{ n: number }>`select nextval('complaint_number_seq')::int as n`.execute(db);
  return `${year}-${String(r.rows[0].n).padStart(6, "0")}`;
}

/** Inserts a complaint. */
export function insertComplaint(db: Kysely<DB>, v: Omit<ComplaintRow, "id" | "state" | "confirmed" | "hidden" | "reopen_count" | "updated_at" | "closed_at" | "duplicate_of" | "attributes"> & { attributes?: Record<string, unknown> }) {
  return db.insertInto("complaints").values({ ...v, attributes: JSON.stringify(v.attributes ?? {}), updated_at: v.received_at }).returningAll().executeTakeFirstOrThrow();
}

function viewQuery(db: Kysely<DB>) {
  return db
    .selectFrom("complaints as c")
    .innerJoin("complaint_categories as k", "k.code", "c.category_code")
    .leftJoin("units as u", "u.id", "c.unit_id")
    .selectAll("c")
    .select(["k.name as category_name", "u.name as unit_name"])
    .select((eb) => eb.selectFrom("complaint_photos as p").whereRef("p.complaint_id", "=", "c.id").select(eb.fn.countAll<number>().as("n")).as("photo_count"));
}

/** One complaint by id. */
export async function findComplaint(db: Kysely<DB>, id: string): Promise<ComplaintView | undefined> {
  return (await viewQuery(db).where("c.id", "=", id).executeTakeFirst()) as ComplaintView | undefined;
}

/** One complaint by its public number. */
export async function findComplaintByNumber(db: Kysely<DB>, number: string): Promise<ComplaintView | undefined> {
  return (await viewQuery(db).where("c.number", "=", number).executeTakeFirst()) as ComplaintView | undefined;
}

/** One complaint by the hash of its receipt code. */
export async function findComplaintByReceipt(db: Kysely<DB>, receiptHash: string): Promise<ComplaintView | undefined> {
  return (await viewQuery(db).where("c.receipt_hash", "=", receiptHash).executeTakeFirst()) as ComplaintView | undefined;
}

/** One complaint by its Open311 token. */
export async function findComplaintByToken(db: Kysely<DB>, token: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom("complaints").selectAll().where("open311_token", "=", token).executeTakeFirst();
}

/** Filters of the staff list. */
export interface ComplaintFilter {
  states?: ComplaintState[];
  /** Only complaints of these units, or whose river chief is this user (a unit or chief scope); undefined for all. */
  scope?: { unitIds: readonly string[]; chiefUserId: string | null };
  categoryCode?: string;
  /** Part of the number, description, address or subject. */
  q?: string;
  overdueAt?: Date;
  from?: Date;
  to?: Date;
  numbers?: string[];
  /** Only what the public may see (not hidden, not invalid). */
  publicOnly?: boolean;
  limit?: number;
}

/** Complaints, newest first. */
export async function listComplaints(db: Kysely<DB>, f: ComplaintFilter = {}): Promise<ComplaintView[]> {
  let q = viewQuery(db);
  if (f.states?.length) q = q.where("c.state", "in", f.states);
  if (f.scope) {
    const { unitIds, chiefUserId } = f.scope;
    q = q.where((eb) => eb.or([
      ...(unitIds.length ? [eb("c.unit_id", "in", [...unitIds])] : []),
      ...(chiefUserId ? [eb("c.river_chief_user_id", "=", chiefUserId)] : []),
      eb.val(false),
    ]));
  }
  if (f.categoryCode) q = q.where("c.category_code", "=", f.categoryCode);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb("c.number", "like", like), eb("c.description", "like", like), eb("c.address", "like", like), eb("c.subject", "like", like)]));
  }
  if (f.overdueAt) q = q.where("c.due_at", "<", f.overdueAt).where("c.state", "in", ["received", "dispatched", "investigating"]);
  if (f.from) q = q.where("c.received_at", ">=", f.from);
  if (f.to) q = q.where("c.received_at", "<", f.to);
  if (f.numbers) q = q.where("c.number", "in", f.numbers.length ? f.numbers : [""]);
  if (f.publicOnly) q = q.where("c.hidden", "=", false).where("c.state", "!=", "invalid");
  return (await q.orderBy("c.received_at", "desc").limit(f.limit ?? 500).execute()) as ComplaintView[];
}

/** Open complaints near `p` (within `metres`, by a box first), newest first, for "similar complaints" and fraud checks. */
export async function complaintsNear(db: Kysely<DB>, p: LonLat, metres: number, f: { since?: Date; states?: ComplaintState[]; categoryCode?: string } = {}) {
  const b = boxAround(p, metres);
  let q = viewQuery(db)
    .where("c.lat", ">=", b.minLat).where("c.lat", "<=", b.maxLat)
    .where("c.lon", ">=", b.minLon).where("c.lon", "<=", b.maxLon)
    .where("c.hidden", "=", false);
  if (f.since) q = q.where("c.received_at", ">=", f.since);
  if (f.states) q = q.where("c.state", "in", f.states);
  if (f.categoryCode) q = q.where("c.category_code", "=", f.categoryCode);
  return (await q.orderBy("c.received_at", "desc").limit(200).execute()) as ComplaintView[];
}

/** Complaints received in a window (any place), for burst and near-duplicate checks. */
export function complaintsBetween(db: Kysely<DB>, from: Date, to: Date) {
  return db.selectFrom("complaints").selectAll().where("received_at", ">=", from).where("received_at", "<=", to).orderBy("received_at").limit(5000).execute();
}

/** How many complaints came from an address hash, or a contact hash, since `since` (rate limits). */
export async function countRecent(db: Kysely<DB>, by: { ipHash?: string; contactHash?: string; keyId?: string }, since: Date): Promise<number> {
  let q = db.selectFrom("complaints").select((eb) => eb.fn.countAll<number>().as("n")).where("received_at", ">=", since);
  if (by.ipHash) q = q.where("ip_hash", "=", by.ipHash);
  if (by.contactHash) q = q.where("contact_hash", "=", by.contactHash);
  if (by.keyId) q = q.where("open311_key_id", "=", by.keyId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Changes a complaint's state and routing fields. */
export function updateComplaint(db: Kysely<DB>, id: string, v: Partial<Pick<ComplaintRow, "state" | "unit_id" | "duplicate_of" | "confirmed" | "closed_at" | "reopen_count" | "hidden" | "river_id" | "river_name" | "river_chief_id" | "river_chief_user_id" | "due_at">> & { updated_at: Date }) {
  return db.updateTable("complaints").set(v).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Locks a complaint row for a state change (concurrent triage of one complaint must not both win). */
export function lockComplaint(db: Kysely<DB>, id: string) {
  return db.selectFrom("complaints").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Inserts photos. */
export async function insertPhotos(db: Kysely<DB>, rows: ComplaintPhotoRow[]) {
  if (rows.length) await db.insertInto("complaint_photos").values(rows).execute();
}

/** Photos of complaints, by complaint then order. */
export function listPhotos(db: Kysely<DB>, complaintIds: string[]): Promise<ComplaintPhotoRow[]> {
  if (!complaintIds.length) return Promise.resolve([]);
  return db.selectFrom("complaint_photos").selectAll().where("complaint_id", "in", complaintIds).orderBy("complaint_id").orderBy("sort").execute();
}

/** Appends an event. */
export function insertEvent(db: Kysely<DB>, v: Omit<ComplaintEventRow, "id" | "data"> & { data?: Record<string, unknown> }) {
  return db.insertInto("complaint_events").values({ ...v, data: JSON.stringify(v.data ?? {}) }).returningAll().executeTakeFirstOrThrow();
}

/** Events of a complaint, oldest first. */
export function listEvents(db: Kysely<DB>, complaintId: string): Promise<ComplaintEventRow[]> {
  return db.selectFrom("complaint_events").selectAll().where("complaint_id", "=", complaintId).orderBy("at").orderBy("id").execute();
}

/** Complaints merged into `id`. */
export function listDuplicates(db: Kysely<DB>, id: string) {
  return db.selectFrom("complaints").select(["id", "number", "received_at"]).where("duplicate_of", "=", id).orderBy("received_at").execute();
}

/** Counts by state (public overview). */
export async function countByState(db: Kysely<DB>, since?: Date): Promise<Record<string, number>> {
  let q = db.selectFrom("complaints").select(["state", (eb) => eb.fn.countAll<number>().as("n")]).where("hidden", "=", false).groupBy("state");
  if (since) q = q.where("received_at", ">=", since);
  return Object.fromEntries((await q.execute()).map((r) => [r.state, Number(r.n)]));
}

/** The newest public note of each complaint (Open311 status_notes), in one query. */
export async function latestPublicNotes(db: Kysely<DB>, complaintIds: string[]): Promise<Map<string, string>> {
  if (!complaintIds.length) return new Map();
  const r = await sql<{ complaint_id: string; public_note: string }>`
    select e.complaint_id, e.public_note from complaint_events e
    where e.complaint_id in (${sql.join(complaintIds)}) and e.public_note is not null
      and not exists (select 1 from complaint_events n where n.complaint_id = e.complaint_id and n.public_note is not null
        and (n.at > e.at or (n.at = e.at and n.id > e.id)))`.execute(db);
  return new Map(r.rows.map((x) => [x.complaint_id, x.public_note]));
}
