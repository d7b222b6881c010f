-- Campaign registries, second group (issue 5 §5): enterprises and their 排污许可 (permit number, class, industry,
-- pollutants with the 涉氟 flag, online monitors declared besides those the platform receives), their outlets (the
-- monitoring points of kind outlet, linked by monitoring_points.enterprise_id; permit limits stay in point_limits),
-- and each enterprise-year's water use and industrial value added (万元工业增加值用水量, seed plan task 13).

create table enterprises (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) > 0),
  name text not null unique check (length(btrim(name)) > 0),
  -- 统一社会信用代码 (GB 32100-2015)
  credit_code text unique,
  -- 排污许可证编号 and management class
  permit_no text unique,
  permit_class text check (permit_class in ('key', 'simplified', 'registration')),
  permit_valid_to date,
  industry text,
  address text,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  -- the receiving water
  river_id uuid references rivers (id),
  -- the unit that keeps the record (supervises the enterprise)
  unit_id uuid not null references units (id),
  -- HJ 212-2017 codes of the pollutants it discharges
  pollutants text[] not null default '{}',
  -- 涉氟企业 (an enterprise discharging w21017 must be flagged; the application checks it)
  fluoride boolean not null default false,
  -- factors with online monitors the enterprise declares that the platform does not receive (yet)
  declared_monitors text[] not null default '{}',
  note text,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprises_fluoride on enterprises (fluoride) where fluoride;

-- Which enterprise an outlet belongs to (nullable: outlets of no registered enterprise, other kinds of point).
alter table monitoring_points add column enterprise_id uuid references enterprises (id);
create index monitoring_points_enterprise on monitoring_points (enterprise_id) where enterprise_id is not null;

-- Water use and value added of an enterprise in a year.
create table enterprise_years (
  id uuid primary key default gen_random_uuid(),
  enterprise_id uuid not null references enterprises (id),
  year smallint not null check (year between 2000 and 2100),
  -- 工业用水量: new-water intake, m³ (cooling included, internal reuse excluded)
  water_m3 double precision check (water_m3 >= 0),
  -- 工业增加值, 万元 at comparable prices
  value_added_wan double precision check (value_added_wan >= 0),
  -- 重复利用水量, m³ (optional)
  reused_m3 double precision check (reused_m3 >= 0),
  note text,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (enterprise_id, year)
);
create index enterprise_years_year on enterprise_years (year);
