-- Supervision of a plan (seed plan 四(二)(四)): rounds (调度) with the submissions they require, lateness, the 督办
-- ladder per (task, unit), issued documents with their numbers, 约谈, stored files and in-app notifications.

-- Uploaded and generated files, content-addressed: the bytes live under DATA_DIR/files/<sha256>.
create table files (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size >= 0),
  content_type text not null,
  created_at timestamptz not null default now()
);

-- A round asks units for their progress (kind 'progress', per task) or for their annual 实施方案 (kind
-- 'annual_plan', per unit, no task) by a due date.
create table rounds (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  kind text not null default 'progress' check (kind in ('progress', 'annual_plan')),
  title text not null,
  opened_at timestamptz not null default now(),
  due_on date not null,
  opened_by uuid references users (id),
  status text not null default 'open' check (status in ('open', 'closed'))
);
create index rounds_plan on rounds (plan_id, opened_at);
create index rounds_due on rounds (due_on);

-- Who must answer a round: fixed when the round opens, from task_units (lead, co_lead, responsible, implementer).
create table round_requirements (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references rounds (id) on delete cascade,
  -- null for an annual_plan round: the unit answers once for the whole plan
  task_id uuid references tasks (id) on delete cascade,
  unit_id uuid not null references units (id),
  -- the unit's roles in the task when the round opened
  roles text[] not null default '{}'
);
create unique index round_requirements_key on round_requirements (round_id, task_id, unit_id) nulls not distinct;
create index round_requirements_unit on round_requirements (unit_id, round_id);

create table submissions (
  id uuid primary key default gen_random_uuid(),
  requirement_id uuid not null references round_requirements (id) on delete cascade,
  submitted_by uuid references users (id),
  submitted_at timestamptz not null default now(),
  text text not null,
  -- [{ name, value, unit? }]: the figures the unit reports (km of pipe, outfalls fixed …)
  figures jsonb not null default '[]'::jsonb
);
create index submissions_requirement on submissions (requirement_id, submitted_at);

create table submission_attachments (
  submission_id uuid not null references submissions (id) on delete cascade,
  sort integer not null,
  sha256 text not null references files (sha256),
  file_name text not null,
  primary key (submission_id, sort)
);

-- One record per requirement that was answered late or not at all; 'missing' turns into 'late' when the answer
-- arrives, and the days of a missing record grow until then.
create table lateness_records (
  requirement_id uuid primary key references round_requirements (id) on delete cascade,
  round_id uuid not null references rounds (id) on delete cascade,
  task_id uuid references tasks (id) on delete cascade,
  unit_id uuid not null references units (id),
  due_on date not null,
  kind text not null check (kind in ('missing', 'late')),
  days integer not null check (days > 0),
  submitted_on date,
  recorded_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index lateness_records_unit on lateness_records (unit_id, due_on);

-- One ladder per lapse of a (task, unit): at most one open at a time; a caught-up unit's ladder is closed and a new
-- lapse opens a new one.
create table ladders (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id) on delete cascade,
  unit_id uuid not null references units (id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz
);
create unique index ladders_open on ladders (task_id, unit_id) where closed_at is null;
create index ladders_unit on ladders (unit_id);

create table issued_documents (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('reminder', 'notice', 'letter', 'interview', 'accountability')),
  -- 机关代字 key and sequence; a 提醒函 is informal and carries no number
  series text,
  year integer,
  number integer check (number > 0),
  doc_number text,
  unit_id uuid not null references units (id),
  task_id uuid references tasks (id) on delete set null,
  ladder_id uuid references ladders (id) on delete set null,
  title text not null,
  facts jsonb not null default '{}'::jsonb,
  file_sha256 text not null references files (sha256),
  issued_at timestamptz not null default now(),
  issued_by uuid references users (id),
  check ((series is null) = (number is null) and (series is null) = (year is null) and (series is null) = (doc_number is null))
);
create unique index issued_documents_number on issued_documents (series, year, number) where number is not null;
create index issued_documents_unit on issued_documents (unit_id, issued_at);

create table ladder_steps (
  ladder_id uuid not null references ladders (id) on delete cascade,
  seq integer not null,
  step text not null check (step in ('reminder', 'notice', 'letter', 'exposure', 'interview', 'accountability')),
  at timestamptz not null,
  -- null for rungs the system applied by itself (提醒)
  confirmed_by uuid references users (id),
  document_id uuid references issued_documents (id),
  reasons jsonb not null default '[]'::jsonb,
  primary key (ladder_id, seq),
  unique (ladder_id, step)
);

-- Rungs the ladder proposes and the office confirms (or that lapse when the unit catches up).
create table ladder_proposals (
  id uuid primary key default gen_random_uuid(),
  ladder_id uuid not null references ladders (id) on delete cascade,
  step text not null check (step in ('notice', 'letter', 'exposure', 'interview', 'accountability')),
  reasons jsonb not null default '[]'::jsonb,
  proposed_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'lapsed')),
  decided_at timestamptz,
  decided_by uuid references users (id)
);
create unique index ladder_proposals_pending on ladder_proposals (ladder_id, step) where status = 'pending';

-- 约谈: decided with the ladder's interview rung, minuted once held.
create table interviews (
  id uuid primary key default gen_random_uuid(),
  ladder_id uuid not null unique references ladders (id) on delete cascade,
  scheduled_for date not null,
  place text,
  document_id uuid references issued_documents (id),
  held_on date,
  minutes text,
  minutes_ref text,
  minutes_by uuid references users (id),
  minutes_at timestamptz
);

-- In-app notifications; dedupe_key makes jobs that send them safe to run twice.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  unit_id uuid references units (id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null,
  data jsonb not null default '{}'::jsonb,
  dedupe_key text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  unique (user_id, dedupe_key)
);
create index notifications_inbox on notifications (user_id, created_at);
