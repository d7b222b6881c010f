-- Production (issue 7): users' e-mail addresses for the SMTP channel, and the monthly reports — each generated
-- report (water quality, campaign progress) with its .docx and .xlsx in the file store, the people it is mailed to
-- and what became of each mailing.

alter table users add column email text;
alter table users add constraint users_email_format
  check (email is null or (length(email) <= 254 and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'));

create table reports (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('water_quality', 'campaign_progress')),
  -- Beijing-time month the report covers, YYYY-MM
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- A month generated again (late lab results, corrections) gets the next version; the newest is the report.
  version integer not null check (version >= 1),
  trigger text not null check (trigger in ('schedule', 'manual')),
  generated_at timestamptz not null default now(),
  -- null when the worker generated it
  generated_by uuid references users (id),
  docx_sha256 text not null references files (sha256),
  xlsx_sha256 text not null references files (sha256),
  -- the figures the documents state, for lists and the public page without opening the files
  summary jsonb not null,
  unique (kind, period, version)
);
create index reports_period on reports (period desc, kind);

create table report_recipients (
  id uuid primary key default gen_random_uuid(),
  email text not null unique check (length(email) <= 254 and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  name text not null check (length(name) between 1 and 100),
  -- which reports this person receives
  kinds text[] not null check (kinds <@ array['water_quality', 'campaign_progress']::text[] and cardinality(kinds) >= 1),
  created_at timestamptz not null default now(),
  created_by uuid references users (id)
);

create table report_mailings (
  report_id uuid not null references reports (id) on delete cascade,
  email text not null,
  status text not null check (status in ('sent', 'failed')),
  error text,
  at timestamptz not null default now(),
  primary key (report_id, email)
);
