-- Campaign plans and their tasks: the imported document, its goals, tasks with units per role, and deadlines.
-- Units are referenced by id; collective implementers (各办事处, 相关办事处) are kept as text.

create table plans (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  doc_number text,
  issuer text,
  issued_on date,
  year integer not null check (year between 2000 and 2100),
  source_text text not null,
  source_sha256 text not null,
  imported_by uuid references users (id),
  imported_at timestamptz not null default now(),
  unique (source_sha256)
);

create table plan_goals (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  sort integer not null,
  text text not null,
  targets jsonb not null default '[]'::jsonb
);
create index plan_goals_plan on plan_goals (plan_id, sort);

create table tasks (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  number text not null,
  section text,
  title text not null,
  text text not null,
  sort integer not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  -- Where each field came from in the source text (clauses with offsets), for review beside the document
  clauses jsonb not null default '[]'::jsonb,
  unique (plan_id, number)
);

create table task_units (
  task_id uuid not null references tasks (id) on delete cascade,
  role text not null check (role in ('lead', 'co_lead', 'participant', 'implementer', 'responsible')),
  unit_id uuid references units (id),
  -- A collective designation such as 各办事处 when no single unit is named
  collective text,
  check ((unit_id is null) <> (collective is null))
);
create unique index task_units_unit on task_units (task_id, role, unit_id) where unit_id is not null;
create unique index task_units_collective on task_units (task_id, role, collective) where collective is not null;
create index task_units_by_unit on task_units (unit_id);

create table task_deadlines (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id) on delete cascade,
  due_on date not null,
  text text not null
);
create index task_deadlines_due on task_deadlines (due_on);
