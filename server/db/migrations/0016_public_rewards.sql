-- Rewards for substantiated complaints (有奖举报, seed plan 保障措施(五)「落实有奖举报」): configurable tiers, each
-- reward's approval (proposed → approved → paid, or rejected; the proposer never approves), fraud flags that send a
-- claim to review, payout records; and the Open311 GeoReport v2 API keys of partner systems.

create table reward_tiers (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  amount numeric(10, 2) not null check (amount > 0),
  criteria text not null default '',
  category_code text references complaint_categories (code),
  active boolean not null default true,
  sort integer not null default 0
);

create table rewards (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null unique references complaints (id),
  tier_id uuid not null references reward_tiers (id),
  amount numeric(10, 2) not null check (amount > 0),
  state text not null default 'proposed' check (state in ('proposed', 'approved', 'rejected', 'paid')),
  -- [{ kind, … }] from domain/complaints/fraud.ts at proposal time
  flags jsonb not null default '[]'::jsonb,
  review_note text,
  proposed_by uuid references users (id),
  proposed_at timestamptz not null default now(),
  decided_by uuid references users (id),
  decided_at timestamptz,
  reject_reason text,
  paid_by uuid references users (id),
  paid_at timestamptz,
  payout_method text check (payout_method in ('bank_transfer', 'mobile_payment', 'cash')),
  payout_reference text,
  -- the proposer never decides (four eyes)
  check (decided_by is null or proposed_by is null or decided_by <> proposed_by)
);
create index rewards_state on rewards (state, proposed_at);

create table open311_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  -- SHA-256 of the key; the key is shown once when created
  key_hash text not null unique,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  last_used_at timestamptz
);
