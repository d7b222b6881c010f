-- Black-odorous water bodies (seed plan 三(一)1; 《城市黑臭水体整治工作指南》2015): the list with 主责部门, 河湖长 and
-- 达标期限, each body's status (已排查认定 → 治理中 → 已消除黑臭 → 长制久清), and the sampling rounds (points ×
-- days × the four indicators) graded by the guide's rules.

create table black_odorous_bodies (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) > 0),
  name text not null check (length(btrim(name)) > 0),
  -- 河流 / 湖泊 / 坑塘 / 沟渠
  body_kind text not null default 'river' check (body_kind in ('river', 'lake', 'pond', 'ditch')),
  river_id uuid references rivers (id),
  -- 主责部门: the unit that keeps the record
  unit_id uuid not null references units (id),
  -- 河湖长
  chief_id uuid references river_chiefs (id),
  -- 起止点 / 位置描述
  location text,
  -- GeoJSON: LineString for a stretch, Polygon for a pond or lake
  geometry jsonb,
  length_km double precision check (length_km >= 0),
  area_km2 double precision check (area_km2 >= 0),
  -- 达标期限
  deadline date,
  status text not null default 'identified' check (status in ('identified', 'underTreatment', 'eliminated', 'longTermEffective')),
  status_since date not null,
  -- 黑臭程度 when listed
  identified_grade text check (identified_grade in ('light', 'severe')),
  -- 治理措施
  measures text,
  -- the newest graded round
  latest_grade text check (latest_grade in ('none', 'light', 'severe')),
  latest_sampled_to date,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index black_odorous_bodies_river on black_odorous_bodies (river_id);
create index black_odorous_bodies_unit on black_odorous_bodies (unit_id);

-- One imported sampling round (监测批次): its days, the guide's grade with reasons, and whether it was a relapse.
create table black_odorous_rounds (
  id uuid primary key default gen_random_uuid(),
  body_id uuid not null references black_odorous_bodies (id),
  sampled_from date not null,
  sampled_to date not null,
  grade text not null check (grade in ('none', 'light', 'severe')),
  -- domain/blackOdorous/waterBody.ts WaterBodyGrade: points, reasons, warnings
  result jsonb not null,
  file_name text not null,
  file_sha256 text references files (sha256),
  relapse boolean not null default false,
  imported_by uuid references users (id),
  imported_at timestamptz not null default now(),
  check (sampled_to >= sampled_from)
);
create index black_odorous_rounds_body on black_odorous_rounds (body_id, sampled_to);

-- The results of a round: one row per point and sampling day.
create table black_odorous_samples (
  round_id uuid not null references black_odorous_rounds (id) on delete cascade,
  point text not null,
  point_order integer not null check (point_order > 0),
  sampled_on date not null,
  depth_cm double precision check (depth_cm > 0),
  transparency double precision check (transparency >= 0),
  dissolved_oxygen double precision check (dissolved_oxygen >= 0),
  orp double precision,
  ammonia double precision check (ammonia >= 0),
  note text,
  -- the sheet row it came from
  sheet_row integer not null,
  primary key (round_id, point, sampled_on)
);
