/**
 * @module Table types of the public portal, complaints, rewards and Open311 (0015_public_complaints.sql,
 * 0016_public_rewards.sql), merged into the database type by module augmentation.
 */
import type { ColumnType, Generated } from "kysely";
import type { ComplaintState } from "../../../domain/complaints/states";
import type { RewardState } from "../../../domain/complaints/rewards";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** numeric columns arrive as numbers on both engines (see server/db/database.ts). */
type Numeric = ColumnType<number, number | string, number | string>;

export interface ComplaintCategoriesTable {
  code: string;
  name: string;
  description: Generated<string>;
  group_name: Generated<string>;
  keywords: Generated<string>;
  unit_id: string | null;
  deadline_days: Generated<number>;
  open311_type: Generated<"realtime" | "batch">;
  reward_eligible: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
}
export interface ComplaintsTable {
  id: Generated<string>;
  number: string;
  receipt_hash: string;
  open311_token: string | null;
  category_code: string;
  description: string;
  public_description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  subject: string | null;
  state: Generated<ComplaintState>;
  unit_id: string | null;
  river_id: string | null;
  river_name: string | null;
  river_chief_id: string | null;
  river_chief_user_id: string | null;
  duplicate_of: string | null;
  confirmed: Generated<boolean>;
  source: Generated<"web" | "open311" | "staff">;
  open311_key_id: string | null;
  anonymous: Generated<boolean>;
  wants_reward: Generated<boolean>;
  contact_ciphertext: string | null;
  contact_hash: string | null;
  ip_hash: string | null;
  attributes: Json<Record<string, unknown>>;
  hidden: Generated<boolean>;
  reopen_count: Generated<number>;
  received_at: Timestamp;
  due_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}
export interface ComplaintPhotosTable {
  complaint_id: string;
  sort: number;
  original_sha256: string;
  public_sha256: string;
  content_type: string;
  size: number;
}
export interface ComplaintEventsTable {
  id: Generated<string>;
  complaint_id: string;
  at: Timestamp;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  actor_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  public_note: string | null;
  internal_note: string | null;
  data: Json<Record<string, unknown>>;
}
export interface ComplaintTemplatesTable {
  id: Generated<string>;
  category_code: string | null;
  step: string;
  title: string;
  body: string;
  sort: Generated<number>;
}
export interface PublicChallengesUsedTable {
  token_hash: string;
  expires_at: Timestamp;
}
export interface PublicSettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Generated<Date>;
}
export interface RewardTiersTable {
  id: Generated<string>;
  name: string;
  amount: Numeric;
  criteria: Generated<string>;
  category_code: string | null;
  active: Generated<boolean>;
  sort: Generated<number>;
}
export interface RewardsTable {
  id: Generated<string>;
  complaint_id: string;
  tier_id: string;
  amount: Numeric;
  state: Generated<RewardState>;
  flags: Json<unknown[]>;
  review_note: string | null;
  proposed_by: string | null;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reject_reason: string | null;
  paid_by: string | null;
  paid_at: Timestamp | null;
  payout_method: "bank_transfer" | "mobile_payment" | "cash" | null;
  payout_reference: string | null;
}
export interface Open311KeysTable {
  id: Generated<string>;
  name: string;
  key_hash: string;
  created_by: string | null;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

declare module "../schema" {
  interface DB {
    complaint_categories: ComplaintCategoriesTable;
    complaints: ComplaintsTable;
    complaint_photos: ComplaintPhotosTable;
    complaint_events: ComplaintEventsTable;
    complaint_templates: ComplaintTemplatesTable;
    public_challenges_used: PublicChallengesUsedTable;
    public_settings: PublicSettingsTable;
    reward_tiers: RewardTiersTable;
    rewards: RewardsTable;
    open311_keys: Open311KeysTable;
  }
}
