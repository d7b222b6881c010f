-- Campaign registries (issue 5), the shared part: rivers and their chiefs (河湖长制), attachments of any registry
-- record (photos with their EXIF location), the status transitions of any record, follow-up tasks the office tracks
-- (e.g. 返黑返臭), and the link of monitoring points to rivers. Each registry's own tables come in later files.

create table rivers (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(btrim(name)) > 0),
  kind text not null check (kind in ('river', 'lake', 'reservoir', 'canal')),
  -- GeoJSON geometry (WGS-84): LineString / MultiLineString for rivers and canals, Polygon / MultiPolygon for lakes
  geometry jsonb,
  length_km double precision check (length_km >= 0),
  -- 流域 / 水系
  basin text,
  -- the unit that keeps the record (河长制办公室 or the water department)
  unit_id uuid references units (id),
  note text,
  -- seeded demo data (演示数据), shown as such
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The 河湖长 directory: one person per level per river (or reach of it).
create table river_chiefs (
  id uuid primary key default gen_random_uuid(),
  river_id uuid not null references rivers (id),
  level text not null check (level in ('district', 'subdistrict', 'village')),
  name text not null check (length(btrim(name)) > 0),
  -- 职务, e.g. 区委副书记、区长
  position text not null,
  -- the reach the chief is responsible for, e.g. 府城办事处段 (null: the whole river)
  reach text,
  phone text,
  -- the chief's platform account, when there is one (notifications, verification of 清四乱 problems)
  user_id uuid references users (id),
  -- the unit the chief belongs to (the record's unit for permissions)
  unit_id uuid references units (id),
  active boolean not null default true,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (river_id, name)
);
create index river_chiefs_user on river_chiefs (user_id) where user_id is not null;

-- Files attached to a registry record (photos, evidence, documents). `registry` is the record's audit entity type
-- (e.g. 'outfall'); the bytes are in `files`. GPS and time come from the photo's EXIF when it has them.
create table registry_attachments (
  id uuid primary key default gen_random_uuid(),
  registry text not null,
  record_id uuid not null,
  -- 'photo' (现场照片), 'evidence' (整改佐证), 'rectification' (整改后照片), 'document'
  purpose text not null default 'photo' check (purpose in ('photo', 'evidence', 'rectification', 'document')),
  sha256 text not null references files (sha256),
  file_name text not null,
  content_type text not null,
  size bigint not null check (size >= 0),
  gps_lon double precision check (gps_lon between -180 and 180),
  gps_lat double precision check (gps_lat between -90 and 90),
  taken_at timestamptz,
  caption text,
  uploaded_by uuid references users (id),
  uploaded_at timestamptz not null default now()
);
create index registry_attachments_record on registry_attachments (registry, record_id, uploaded_at);

-- Every status change of a registry record, with the audit entry that recorded it.
create table registry_transitions (
  id bigserial primary key,
  registry text not null,
  record_id uuid not null,
  action text not null,
  from_status text,
  to_status text not null,
  note text,
  at timestamptz not null default now(),
  actor_id uuid references users (id),
  actor_name text,
  audit_seq bigint
);
create index registry_transitions_record on registry_transitions (registry, record_id, at);

-- Follow-up tasks raised by a registry event (e.g. 返黑返臭) that the office tracks until closed.
create table registry_tasks (
  id uuid primary key default gen_random_uuid(),
  registry text not null,
  record_id uuid not null,
  kind text not null,
  title text not null,
  body text not null,
  unit_id uuid references units (id),
  chief_id uuid references river_chiefs (id),
  due_on date,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  data jsonb not null default '{}'::jsonb,
  -- one task per event (a re-run of the same event finds it)
  dedupe_key text not null unique,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by uuid references users (id),
  closing_note text
);
create index registry_tasks_open on registry_tasks (status, created_at);

-- Which river a monitoring point is on (nullable: points off the register's rivers, enterprise outlets).
alter table monitoring_points add column river_id uuid references rivers (id);
create index monitoring_points_river on monitoring_points (river_id) where river_id is not null;
