-- Foundation: organisation, accounts, sessions, login throttling, the hash-chained audit log, job bookkeeping.
-- PostgreSQL dialect; runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15.

create table units (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  kind text not null check (kind in ('office', 'department', 'branch', 'subdistrict', 'other')),
  sort integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Other names a unit goes by in documents (中站生态环境局 = 中站生态环境分局); one alias names one unit.
create table unit_aliases (
  alias text primary key,
  unit_id uuid not null references units (id) on delete cascade
);
create index unit_aliases_unit on unit_aliases (unit_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  display_name text not null,
  password_hash text not null,
  disabled boolean not null default false,
  must_change_password boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username on users (lower(username));

create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('office_admin', 'unit_head', 'unit_staff', 'monitoring_operator', 'river_chief', 'auditor')),
  primary key (user_id, role)
);

create table memberships (
  user_id uuid not null references users (id) on delete cascade,
  unit_id uuid not null references units (id) on delete cascade,
  primary key (user_id, unit_id)
);
create index memberships_unit on memberships (unit_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a leaked table grants no session.
create table sessions (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

create table login_attempts (
  id bigserial primary key,
  username text not null,
  ip text not null,
  success boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_ip_at on login_attempts (ip, at);
create index login_attempts_username_at on login_attempts (lower(username), at);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical content). audit_head keeps the newest link so
-- that deleting the last rows is detected as well.
create table audit_events (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  action text not null,
  entity_type text not null,
  entity_id text,
  unit_id uuid,
  ip text,
  correlation_id text,
  data jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_events_at on audit_events (at);
create index audit_events_actor on audit_events (actor_id, seq);
create index audit_events_entity on audit_events (entity_type, entity_id);
create index audit_events_action on audit_events (action, seq);

create table audit_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only' using errcode = '42501';
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();

-- One row per scheduled job: when it last ran, so several workers run it once per period.
create table job_runs (
  name text primary key,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_status text,
  last_error text,
  last_result jsonb
);
