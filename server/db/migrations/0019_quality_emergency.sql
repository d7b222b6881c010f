-- River emergency plans (一河一策一图, seed plan task 15: 风险防控, 应急处置方案), built on the registries: one plan per
-- river with its contact chain (the river's 河湖长 plus further contacts), response steps and how its stored course
-- runs; incidents opened by activating a plan (from a severe alarm on a section of the river) with their log.

create table emergency_plans (
  id uuid primary key default gen_random_uuid(),
  river_id uuid not null unique references rivers (id),
  title text not null check (length(btrim(title)) > 0),
  -- further contacts after the river chiefs, in calling order: [{name, role, phone, userId}]
  contacts jsonb not null default '[]',
  -- response steps in order: [{title, detail, owner}]
  steps jsonb not null default '[]',
  -- the river's stored course is drawn from downstream to upstream
  course_reversed boolean not null default false,
  note text,
  updated_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table incidents (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references emergency_plans (id),
  river_id uuid not null references rivers (id),
  alarm_id uuid references alarms (id),
  point_id uuid references monitoring_points (id),
  title text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  opened_at timestamptz not null default now(),
  opened_by uuid references users (id),
  closed_at timestamptz,
  closed_by uuid references users (id),
  summary text
);
-- One open incident per alarm: activating twice points to the open one.
create unique index incidents_open_alarm on incidents (alarm_id) where status = 'open' and alarm_id is not null;
create index incidents_river on incidents (river_id, opened_at desc);

create table incident_log (
  id bigserial primary key,
  incident_id uuid not null references incidents (id) on delete cascade,
  at timestamptz not null default now(),
  actor_id uuid references users (id),
  kind text not null check (kind in ('opened', 'notified', 'step', 'note', 'closed')),
  text text not null,
  data jsonb not null default '{}'
);
create index incident_log_incident on incident_log (incident_id, id);
