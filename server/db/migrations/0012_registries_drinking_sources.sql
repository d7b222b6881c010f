-- Campaign registries, second group (issue 5 §4): 集中式饮用水水源地 with their protection zones (一级 / 二级 /
-- 准保护区 as GeoJSON polygons), the monitoring points of kind drinking_intake that are their intakes, and the
-- environmental problems found in them (整治"回头看", 动态清零). Status history, attachments: the framework's tables.

create table drinking_sources (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) > 0),
  name text not null check (length(btrim(name)) > 0),
  source_kind text not null check (source_kind in ('river', 'lake', 'reservoir', 'groundwater')),
  level text not null check (level in ('city', 'county', 'township')),
  -- the water it takes from (null for groundwater)
  river_id uuid references rivers (id),
  -- the unit that keeps the record (生态环境分局 for most)
  unit_id uuid not null references units (id),
  -- 供水水厂 and what it serves
  water_works text,
  population_wan double precision check (population_wan >= 0),
  capacity_wan_m3_d double precision check (capacity_wan_m3_d >= 0),
  -- 保护区划定（调整）批复文号
  approval text,
  -- 规范化建设 (标志标牌、隔离防护、监控) completed
  standardized boolean not null default false,
  -- protection zones, GeoJSON Polygon / MultiPolygon (WGS-84); nesting checked by the application
  zone1 jsonb,
  zone2 jsonb,
  zone3 jsonb,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  note text,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The intakes of a source: monitoring points of kind drinking_intake (one source per point).
create table drinking_source_intakes (
  point_id uuid primary key references monitoring_points (id),
  source_id uuid not null references drinking_sources (id) on delete cascade
);
create index drinking_source_intakes_source on drinking_source_intakes (source_id);

-- Problems found in and around a source, rectified one by one (发现一处、整治一处，动态清零).
create table drinking_source_problems (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) > 0),
  source_id uuid not null references drinking_sources (id),
  place text not null check (place in ('zone1', 'zone2', 'zone3', 'outside')),
  category text not null check (category in ('outfall', 'industry', 'construction', 'traffic', 'tourism', 'agriculture', 'waste', 'other')),
  origin text not null check (origin in ('review', 'inspection', 'patrol', 'complaint')),
  description text not null check (length(btrim(description)) > 0),
  found_on date not null,
  -- the unit responsible for rectification (the record's unit for permissions)
  unit_id uuid not null references units (id),
  deadline date,
  rectification text,
  status text not null default 'open' check (status in ('open', 'rectifying', 'rectified', 'closed')),
  status_since date not null,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index drinking_source_problems_source on drinking_source_problems (source_id, status);
