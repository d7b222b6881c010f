-- 河湖“清四乱” (seed plan 三(二)7; 水利部 2018 专项行动): problems of 乱占 / 乱采 / 乱堆 / 乱建 found on a river by patrol,
-- complaint or inspection, each with its responsible unit, river chief and deadline, the rectification and its
-- evidence, the on-site verification and 销号 — 发现一处、清理一处、销号一处 — counted per river for 动态清零.

create table four_chaos_problems (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (length(btrim(code)) > 0),
  category text not null check (category in ('occupation', 'mining', 'dumping', 'construction')),
  -- one of the category's sub-types (domain/registries/fourChaos.ts)
  subtype text not null,
  river_id uuid not null references rivers (id),
  location text,
  lon double precision check (lon between -180 and 180),
  lat double precision check (lat between -90 and 90),
  source text not null check (source in ('patrol', 'complaint', 'inspection')),
  found_on date not null,
  description text not null check (length(btrim(description)) > 0),
  -- 一般 / 较严重 / 重大 (a local grading; optional)
  severity text check (severity in ('general', 'serious', 'major')),
  -- the unit that must rectify (keeps the record)
  unit_id uuid not null references units (id),
  chief_id uuid references river_chiefs (id),
  deadline date,
  status text not null default 'open' check (status in ('open', 'rectifying', 'rectified', 'verified', 'closed')),
  status_since date not null,
  -- 整改情况, submitted with the rectification photos
  rectification text,
  rectified_on date,
  verified_on date,
  verified_by uuid references users (id),
  closed_on date,
  reported_by uuid references users (id),
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((lon is null) = (lat is null)),
  check (deadline is null or deadline >= found_on)
);
create index four_chaos_problems_river on four_chaos_problems (river_id, status);
create index four_chaos_problems_unit on four_chaos_problems (unit_id);
