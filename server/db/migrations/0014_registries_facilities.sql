-- Campaign registries, second group (issue 5 §6): facilities of every kind in one table — 医疗机构, 城镇污水处理厂,
-- 尾矿库, 高速公路服务区/收费站, 湿地与生态工程 (domain/registries/facility.ts declares each kind's statuses and
-- attributes; the application validates `status` and `attrs` by kind).

create table facilities (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('medical', 'wwtp', 'tailings', 'serviceArea', 'eco')),
  code text not null check (length(btrim(code)) > 0),
  name text not null check (length(btrim(name)) > 0),
  -- the responsible unit (the record's unit for permissions)
  unit_id uuid not null references units (id),
  river_id uuid references rivers (id),
  address text,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  -- outline or course (wetlands, eco projects), GeoJSON
  geometry jsonb,
  status text not null,
  deadline date,
  completed_on date,
  -- the kind's own fields (beds, capacity, sludge by route …)
  attrs jsonb not null default '{}'::jsonb,
  note text,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (kind, code)
);
create index facilities_kind on facilities (kind, status);
