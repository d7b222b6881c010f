-- Supervision, second part: settings the office edits (ladder thresholds, reminder days), milestones a unit reports
-- as done with evidence, rounds recorded after a paper notice, the annual 实施方案 due date of a plan, and the
-- plan's indicators (工作目标) with their values.

-- One row per setting; the value is validated by the application (domain/supervision/settings.ts).
create table supervision_settings (
  key text primary key check (key in ('ladder', 'reminders')),
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);

-- A unit reports a milestone (a task deadline) as done; the office may revoke a report whose evidence does not hold,
-- after which the milestone is open again. At most one report in force per (deadline, unit).
create table milestone_reports (
  id uuid primary key default gen_random_uuid(),
  deadline_id uuid not null references task_deadlines (id) on delete cascade,
  unit_id uuid not null references units (id),
  completed_on date not null,
  note text not null,
  reported_by uuid references users (id),
  reported_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references users (id),
  revoke_reason text,
  check ((revoked_at is null) = (revoke_reason is null))
);
create unique index milestone_reports_current on milestone_reports (deadline_id, unit_id) where revoked_at is null;
create index milestone_reports_unit on milestone_reports (unit_id);

create table milestone_report_attachments (
  report_id uuid not null references milestone_reports (id) on delete cascade,
  sort integer not null,
  sha256 text not null references files (sha256),
  file_name text not null,
  primary key (report_id, sort)
);

-- A round dispatched by a paper notice and recorded afterwards carries the notice's date.
alter table rounds add column issued_on date;

-- The day the units' annual 实施方案 are due (seed plan 四(二)「5月30日前」), read from the plan when imported.
alter table plans add column annual_plan_due_on date;

-- Indicators of a plan's goals: what is measured, against which target and baseline, and how the value is obtained.
create table indicators (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references plans (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9_]{1,40}$'),
  name text not null,
  -- unit of the value: '%', 'm³/万元' …
  unit text not null default '',
  comparison text not null check (comparison in ('at_least', 'at_most', 'decrease', 'increase')),
  -- for decrease/increase: the percentage change against the baseline year; otherwise the value itself
  target_value numeric not null,
  target_year integer not null check (target_year between 2000 and 2100),
  baseline_year integer check (baseline_year between 2000 and 2100),
  formula text not null,
  method text not null check (method in ('entered', 'surface_water', 'drinking_intake', 'industrial_water')),
  -- how far short of the target still shows amber rather than red (same unit as target_value)
  amber_margin numeric not null default 0 check (amber_margin >= 0),
  goal_text text,
  sort integer not null default 0,
  created_at timestamptz not null default now(),
  unique (plan_id, code),
  check ((comparison in ('decrease', 'increase')) = (baseline_year is not null))
);

-- Values of an indicator per period ('2022' or '2022-06'); the newest row of a period is the one in force.
create table indicator_values (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators (id) on delete cascade,
  period text not null check (period ~ '^\d{4}(-\d{2})?$'),
  value numeric not null,
  source text not null check (source in ('entered', 'computed')),
  -- the document an entered value was taken from, e.g. 《2022年焦作市水资源公报》
  source_document text,
  note text,
  detail jsonb not null default '{}'::jsonb,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (source <> 'entered' or source_document is not null)
);
create index indicator_values_period on indicator_values (indicator_id, period, recorded_at);
