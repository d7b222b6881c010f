-- Data quality control, anti-fabrication findings, human review, alarms and enterprise violations (issue 4).
-- QC flags live beside the readings (reading_qc, keyed like readings, monthly partitions); the raw readings are never
-- rewritten. Reviews record an operator's decision per reading version; a correction is a new reading version made
-- by the existing corrector.

-- Settings of the QC tests and detectors per point and factor (domain/qc/config.ts StoredQcConfig); what is not
-- stored takes the defaults.
create table qc_settings (
  point_id uuid not null references monitoring_points (id) on delete cascade,
  factor text not null,
  config jsonb not null,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now(),
  primary key (point_id, factor)
);

-- QARTOD flags per reading version: the combined flag and each test's flag ({"gap":1,"syntax":1,…}).
create table reading_qc (
  point_id uuid not null,
  factor text not null,
  period text not null,
  t timestamptz not null,
  version smallint not null,
  flag smallint not null check (flag in (1, 2, 3, 4, 9)),
  tests jsonb not null,
  evaluated_at timestamptz not null default now(),
  primary key (point_id, factor, period, t, version)
) partition by range (t);

-- Flagged values are what the review queue lists.
create index reading_qc_flagged on reading_qc (flag, t) where flag in (3, 4);

-- Creates the partition of reading_qc for the (UTC) month containing `month_start`, if missing (same scheme as
-- ensure_readings_partition; its own advisory lock key).
create function ensure_reading_qc_partition(month_start date) returns void language plpgsql as $$
declare
  first_day date := date_trunc('month', month_start)::date;
  part text := format('reading_qc_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
begin
  if to_regclass(part) is not null then
    return;
  end if;
  perform pg_advisory_xact_lock(72120009);
  if to_regclass(part) is null then
    execute format('create table %I partition of reading_qc for values from (%L) to (%L)',
      part, first_day::timestamp at time zone 'UTC', (first_day + interval '1 month')::timestamp at time zone 'UTC');
  end if;
end;
$$;

-- The live processor reads readings committed since its watermark: it needs readings by arrival time.
create index readings_received on readings (received_at);

-- Watermarks of the live processors (the newest received_at they have handled).
create table quality_watermarks (
  name text primary key,
  at timestamptz not null
);

-- An operator's decision on one reading version: accepted as it is, rejected (kept out of published figures), or
-- corrected (the correction is version `corrected_version` of the same reading).
create table reading_reviews (
  point_id uuid not null,
  factor text not null,
  period text not null,
  t timestamptz not null,
  version smallint not null,
  decision text not null check (decision in ('accepted', 'rejected', 'corrected')),
  reason text not null check (length(reason) > 0),
  corrected_version smallint,
  finding_id uuid,
  reviewer_id uuid not null references users (id),
  reviewed_at timestamptz not null default now(),
  primary key (point_id, factor, period, t, version)
);

-- Anti-fabrication findings with their evidence (domain/qc/finding.ts).
create table qc_findings (
  id uuid primary key default gen_random_uuid(),
  rule text not null,
  point_id uuid not null references monitoring_points (id) on delete cascade,
  factors text[] not null,
  period text not null,
  window_from timestamptz not null,
  window_to timestamptz not null,
  severity text not null check (severity in ('warning', 'serious')),
  numbers jsonb not null,
  summary text not null,
  status text not null default 'open' check (status in ('open', 'confirmed', 'dismissed')),
  detected_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_reason text,
  check (window_from <= window_to)
);
create index qc_findings_point on qc_findings (point_id, rule, window_to);
create index qc_findings_open on qc_findings (detected_at) where status = 'open';

-- Alarm rules: conditions (domain/alarms/conditions.ts) on one point, on every point of a kind, or on every point.
create table alarm_rules (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  enabled boolean not null default true,
  severity text not null check (severity in ('info', 'warning', 'severe')),
  point_id uuid references monitoring_points (id) on delete cascade,
  point_kind text check (point_kind in ('section', 'auto_station', 'outlet', 'flow_station', 'drinking_intake')),
  period text not null check (period in ('rt', 'min', 'hour', 'day', 'sample')),
  combinator text not null check (combinator in ('and', 'or')),
  conditions jsonb not null,
  persistence_minutes integer not null default 0 check (persistence_minutes between 0 and 10080),
  repeat_minutes integer not null default 30 check (repeat_minutes between 0 and 10080),
  escalation jsonb not null default '[]',
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (point_id is null or point_kind is null)
);

-- Evaluation state of a rule at a point: since when the condition holds, and the newest data time evaluated (both
-- data time; older data arriving later does not move the state back).
create table alarm_rule_states (
  rule_id uuid not null references alarm_rules (id) on delete cascade,
  point_id uuid not null references monitoring_points (id) on delete cascade,
  pending_since timestamptz,
  evaluated_data_at timestamptz,
  last_evaluated_at timestamptz not null default now(),
  primary key (rule_id, point_id)
);

-- Alarms. One open alarm (active, or cleared but unacknowledged) per rule and point: a new occurrence reactivates it.
create table alarms (
  id uuid primary key default gen_random_uuid(),
  rule_id uuid not null references alarm_rules (id) on delete cascade,
  point_id uuid not null references monitoring_points (id) on delete cascade,
  severity text not null check (severity in ('info', 'warning', 'severe')),
  title text not null,
  active boolean not null default true,
  acknowledged boolean not null default false,
  raised_at timestamptz not null default now(),
  condition_since timestamptz,
  cleared_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users (id),
  ack_note text,
  occurrences integer not null default 1,
  details jsonb not null,
  last_details jsonb not null,
  escalation_level integer not null default -1,
  notify_count integer not null default 0,
  last_notified_at timestamptz
);
create unique index alarms_open on alarms (rule_id, point_id) where active or not acknowledged;
create index alarms_raised on alarms (raised_at desc);

-- What happened to an alarm, in order.
create table alarm_events (
  id bigserial primary key,
  alarm_id uuid not null references alarms (id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null check (kind in ('raised', 'reactivated', 'cleared', 'acknowledged', 'notified', 'escalated', 'plan_activated')),
  actor_id uuid references users (id),
  data jsonb not null default '{}'
);
create index alarm_events_alarm on alarm_events (alarm_id, id);

-- Daily discharge evaluation of outlets against their permits (domain/alarms/discharge.ts), every evaluated day.
create table discharge_days (
  point_id uuid not null references monitoring_points (id) on delete cascade,
  factor text not null,
  day date not null,
  mean_value double precision not null,
  max_value double precision not null,
  hours integer not null,
  limit_upper double precision,
  limit_lower double precision,
  basis text not null,
  exceeded boolean not null,
  exceed_multiple double precision not null,
  updated_at timestamptz not null default now(),
  primary key (point_id, factor, day)
);

-- Violation records: exceeding days, kept when later data withdraws them. Keyed by outlet point; the enterprise
-- link is added when the registries' enterprises exist (0019).
create table violations (
  id uuid primary key default gen_random_uuid(),
  point_id uuid not null references monitoring_points (id) on delete cascade,
  factor text not null,
  day date not null,
  mean_value double precision not null,
  limit_upper double precision,
  limit_lower double precision,
  basis text not null,
  exceed_multiple double precision not null,
  status text not null default 'open' check (status in ('open', 'withdrawn')),
  detected_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (point_id, factor, day)
);
