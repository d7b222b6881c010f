-- 入河排污口 (seed plan 三(二)6; 国办函〔2022〕17号 查、测、溯、治): each outfall with its HJ 1312-2023 type,
-- receiving water and 责任主体, its stage (查 → 测 → 溯 → 治 → 销号 with the office's review), its sampling records,
-- the trace graph to its sources, and one remediation plan (一口一策) with measures and deadlines.

create table outfalls (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) > 0),
  name text not null check (length(btrim(name)) > 0),
  -- domain/registries/outfallTypes.ts code (most specific level of HJ 1312-2023)
  type_code text not null,
  -- what an 其他（未列明） outfall is
  type_note text,
  -- receiving water: a river of the register, or named here when it is not on the register
  river_id uuid references rivers (id),
  receiving_water text,
  -- the keeping unit (排查 / 整治 responsible)
  unit_id uuid not null references units (id),
  -- 责任主体 found by 溯源 (an enterprise, a village committee, the government as backstop)
  responsible_party text,
  location text,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  found_on date not null,
  stage text not null default 'investigation' check (stage in ('investigation', 'monitoring', 'tracing', 'remediation', 'review', 'closed')),
  stage_since date not null,
  remediation_kind text check (remediation_kind in ('ban', 'merge', 'standardize')),
  closed_on date,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((lon is null) = (lat is null))
);
create index outfalls_river on outfalls (river_id);
create index outfalls_unit on outfalls (unit_id);

-- 测: sampling of the discharge (or a dry outfall found dry).
create table outfall_tests (
  id uuid primary key default gen_random_uuid(),
  outfall_id uuid not null references outfalls (id),
  sampled_on date not null,
  flowing boolean not null default true,
  cod double precision check (cod >= 0),
  ammonia double precision check (ammonia >= 0),
  total_phosphorus double precision check (total_phosphorus >= 0),
  flow_m3d double precision check (flow_m3d >= 0),
  -- 达标 / 超标 / 无水
  conclusion text not null check (conclusion in ('compliant', 'exceeds', 'dry')),
  note text,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now()
);
create index outfall_tests_outfall on outfall_tests (outfall_id, sampled_on);

-- 溯: what flows into the outfall — drains and pipes, and at the far end enterprises or other sources. Each node
-- names the node it flows into (null: straight into the outfall). A kind-'enterprise' node names the enterprise;
-- the enterprises registry may link it by id in its own migration.
create table outfall_trace_nodes (
  id uuid primary key default gen_random_uuid(),
  outfall_id uuid not null references outfalls (id) on delete cascade,
  kind text not null check (kind in ('drain', 'pipe', 'enterprise', 'source')),
  label text not null check (length(btrim(label)) > 0),
  -- deferred: a graph is replaced as a whole, nodes in any order
  downstream_id uuid references outfall_trace_nodes (id) on delete cascade deferrable initially deferred,
  note text,
  sort integer not null default 0
);
create index outfall_trace_nodes_outfall on outfall_trace_nodes (outfall_id, sort);

-- 治: one plan per outfall (一口一策), of one kind, with its measures.
create table outfall_plans (
  outfall_id uuid primary key references outfalls (id),
  remediation_kind text check (remediation_kind in ('ban', 'merge', 'standardize')),
  goal text,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
create table outfall_measures (
  id uuid primary key default gen_random_uuid(),
  outfall_id uuid not null references outfall_plans (outfall_id) on delete cascade,
  seq integer not null,
  text text not null check (length(btrim(text)) > 0),
  unit_id uuid references units (id),
  deadline date,
  done_on date,
  note text,
  unique (outfall_id, seq)
);
