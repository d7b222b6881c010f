-- Sludge of a wastewater treatment plant per year (seed plan task 3: 压减污泥填埋规模): produced and disposed of by
-- route (landfill, incineration, co-processing, beneficial use), one row per plant and year, so the landfill share
-- can be followed over the years. The single year kept in a WWTP's attributes until now moves here.

create table wwtp_sludge_years (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities (id),
  year smallint not null check (year between 2000 and 2100),
  -- tonnes at 80% water content
  produced_t double precision check (produced_t >= 0),
  landfill_t double precision check (landfill_t >= 0),
  incineration_t double precision check (incineration_t >= 0),
  coprocess_t double precision check (coprocess_t >= 0),
  reuse_t double precision check (reuse_t >= 0),
  note text,
  demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (facility_id, year)
);
create index wwtp_sludge_years_year on wwtp_sludge_years (year);

insert into wwtp_sludge_years (facility_id, year, produced_t, landfill_t, incineration_t, coprocess_t, reuse_t, demo)
select id, (attrs ->> 'sludgeYear')::smallint,
  (attrs ->> 'sludgeProducedT')::double precision, (attrs ->> 'sludgeLandfillT')::double precision,
  (attrs ->> 'sludgeIncinerationT')::double precision, (attrs ->> 'sludgeCoprocessT')::double precision,
  (attrs ->> 'sludgeReuseT')::double precision, demo
from facilities
where kind = 'wwtp' and jsonb_typeof(attrs -> 'sludgeYear') = 'number'
  and (attrs ->> 'sludgeYear')::numeric between 2000 and 2100;

update facilities
set attrs = attrs - 'sludgeYear' - 'sludgeProducedT' - 'sludgeLandfillT' - 'sludgeIncinerationT' - 'sludgeCoprocessT' - 'sludgeReuseT'
where kind = 'wwtp';
