-- Monitoring backbone: points (sections, automatic stations, enterprise outlets, flow stations), per-point limits,
-- HJ 212 devices, and readings in monthly partitions. Raw values are never overwritten: a correction is a new
-- version of the same (point, factor, period, time) with its reason and author.

create table monitoring_points (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('section', 'auto_station', 'outlet', 'flow_station', 'drinking_intake')),
  -- 国控 / 省控 / 市控 / 县控 for sections
  level text check (level in ('national', 'provincial', 'city', 'county')),
  water_body text,
  water_body_type text check (water_body_type in ('river', 'lake', 'reservoir')),
  target_class smallint check (target_class between 1 and 5),
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  unit_id uuid references units (id),
  -- Ecological-flow target (m³/s) for flow stations
  eco_flow_target double precision check (eco_flow_target >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Limits per point and factor: permit limits of enterprise outlets (or presets from GB 8978 / GB 18918 / GB 18466).
create table point_limits (
  point_id uuid not null references monitoring_points (id) on delete cascade,
  factor text not null,
  upper_limit double precision,
  lower_limit double precision,
  unit text not null default 'mg/L',
  basis text not null,
  primary key (point_id, factor)
);

-- HJ 212 devices (数采仪). The access password is the protocol's shared secret and must be compared in clear.
create table devices (
  id uuid primary key default gen_random_uuid(),
  mn text not null unique check (length(mn) between 1 and 24),
  pw text not null,
  st text not null,
  point_id uuid references monitoring_points (id),
  expected_factors text[] not null default '{}',
  enabled boolean not null default true,
  protocol_version text not null default '2017',
  last_seen_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table readings (
  point_id uuid not null,
  -- HJ 212-2017 factor code, e.g. w21003 (NH3-N)
  factor text not null,
  -- rt real-time (2011), min (2051), hour (2061), day (2031), sample (lab / manual grab sample)
  period text not null check (period in ('rt', 'min', 'hour', 'day', 'sample')),
  t timestamptz not null,
  version smallint not null default 1,
  -- value in the factor's assessment unit (mg/L for water); null only when the instrument sent no number
  value double precision,
  -- HJ 212 data flag (N F M S D C T B) or null for lab/manual values
  flag text,
  source text not null check (source in ('gateway', 'lab', 'manual')),
  -- QARTOD flag: 1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing
  qc_flag smallint not null default 2 check (qc_flag in (1, 2, 3, 4, 9)),
  detection_limit double precision,
  below_dl boolean not null default false,
  original_value double precision,
  original_unit text,
  -- Statistics of minute/hour/day uploads besides the average kept in value
  min_value double precision,
  max_value double precision,
  cou_value double precision,
  device_mn text,
  packet_qn text,
  author_id uuid,
  reason text,
  received_at timestamptz not null default now(),
  primary key (point_id, factor, period, t, version)
) partition by range (t);

create index readings_point_time on readings (point_id, period, t);

-- Creates the partition of readings for the (UTC) month containing `month_start`, if missing. Partitions are named
-- readings_yYYYYmMM; a transaction-scoped advisory lock serialises concurrent creators.
create function ensure_readings_partition(month_start date) returns void language plpgsql as $$
declare
  first_day date := date_trunc('month', month_start)::date;
  part text := format('readings_y%sm%s', to_char(first_day, 'YYYY'), to_char(first_day, 'MM'));
begin
  -- The common case (partition exists) takes no lock; creators serialise and re-check.
  if to_regclass(part) is not null then
    return;
  end if;
  perform pg_advisory_xact_lock(72120002);
  if to_regclass(part) is null then
    execute format('create table %I partition of readings for values from (%L) to (%L)',
      part, first_day::timestamp at time zone 'UTC', (first_day + interval '1 month')::timestamp at time zone 'UTC');
  end if;
end;
$$;
