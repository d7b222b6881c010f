/**
 * @module All SQL of rewards, their tiers and the Open311 API keys (0016_public_rewards.sql).
 */
import type { Kysely, Selectable } from "kysely";
import type { DB } from "../db/schema";
import "../db/tables/public";
import type { Open311KeysTable, RewardsTable, RewardTiersTable } from "../db/tables/public";
import type { RewardState } from "../../domain/complaints/rewards";

/** A tier row. */
export type TierRow = Selectable<RewardTiersTable>;
/** A reward row with its complaint number and tier name. */
export type RewardView = Selectable<RewardsTable> & { complaint_number: string; tier_name: string; category_code: string };
/** A key row. */
export type KeyRow = Selectable<Open311KeysTable>;

/** Tiers in order. */
export function listTiers(db: Kysely<DB>, activeOnly = false): Promise<TierRow[]> {
  let q = db.selectFrom("reward_tiers").selectAll();
  if (activeOnly) q = q.where("active", "=", true);
  return q.orderBy("sort").orderBy("amount").execute();
}

/** One tier. */
export function findTier(db: Kysely<DB>, id: string) {
  return db.selectFrom("reward_tiers").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a tier. */
export function insertTier(db: Kysely<DB>, v: Omit<TierRow, "id">) {
  return db.insertInto("reward_tiers").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a tier. */
export function updateTier(db: Kysely<DB>, id: string, v: Partial<Omit<TierRow, "id">>) {
  return db.updateTable("reward_tiers").set(v).where("id", "=", id).returningAll().executeTakeFirst();
}

function rewardQuery(db: Kysely<DB>) {
  return db.selectFrom("rewards as r")
    .innerJoin("complaints as c", "c.id", "r.complaint_id")
    .innerJoin("reward_tiers as t", "t.id", "r.tier_id")
    .selectAll("r")
    .select(["c.number as complaint_number", "t.name as tier_name", "c.category_code"]);
}

/** Rewards, newest first. */
export function listRewards(db: Kysely<DB>, f: { states?: RewardState[]; complaintId?: string } = {}): Promise<RewardView[]> {
  let q = rewardQuery(db);
  if (f.states?.length) q = q.where("r.state", "in", f.states);
  if (f.complaintId) q = q.where("r.complaint_id", "=", f.complaintId);
  return q.orderBy("r.proposed_at", "desc").limit(500).execute();
}

/** One reward. */
export function findReward(db: Kysely<DB>, id: string): Promise<RewardView | undefined> {
  return rewardQuery(db).where("r.id", "=", id).executeTakeFirst();
}

/** Locks a reward for a decision. */
export function lockReward(db: Kysely<DB>, id: string) {
  return db.selectFrom("rewards").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Inserts a reward proposal. */
export function insertReward(db: Kysely<DB>, v: { complaint_id: string; tier_id: string; amount: number; flags: unknown[]; proposed_by: string | null; proposed_at: Date }) {
  return db.insertInto("rewards").values({ ...v, flags: JSON.stringify(v.flags) }).returningAll().executeTakeFirstOrThrow();
}

/** Updates a reward. */
export function updateReward(db: Kysely<DB>, id: string, v: Partial<Omit<Selectable<RewardsTable>, "id" | "complaint_id" | "flags">>) {
  return db.updateTable("rewards").set(v).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Claims (not rejected) of reporters with this contact hash since `since`, other than `exceptComplaintId`. */
export async function countClaimsByContact(db: Kysely<DB>, contactHash: string, since: Date, exceptComplaintId: string): Promise<number> {
  const r = await db.selectFrom("rewards as r").innerJoin("complaints as c", "c.id", "r.complaint_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("c.contact_hash", "=", contactHash).where("r.state", "!=", "rejected").where("r.proposed_at", ">=", since)
    .where("c.id", "!=", exceptComplaintId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Keys, newest first. */
export function listKeys(db: Kysely<DB>): Promise<KeyRow[]> {
  return db.selectFrom("open311_keys").selectAll().orderBy("created_at", "desc").execute();
}

/** A live key by its hash. */
export function findLiveKey(db: Kysely<DB>, keyHash: string) {
  return db.selectFrom("open311_keys").selectAll().where("key_hash", "=", keyHash).where("revoked_at", "is", null).executeTakeFirst();
}

/** Inserts a key. */
export function insertKey(db: Kysely<DB>, v: { name: string; key_hash: string; created_by: string | null }) {
  return db.insertInto("open311_keys").values(v).returningAll().executeTakeFirstOrThrow();
}

/** Revokes a key. */
export function revokeKey(db: Kysely<DB>, id: string, at: Date) {
  return db.updateTable("open311_keys").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).returningAll().executeTakeFirst();
}

/** Notes a key's use (at most once a minute matters, but the write is cheap). */
export async function touchKey(db: Kysely<DB>, id: string, at: Date) {
  await db.updateTable("open311_keys").set({ last_used_at: at }).where("id", "=", id).execute();
}
