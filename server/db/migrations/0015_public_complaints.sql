-- Public complaints (投诉举报, seed plan 保障措施(五)「畅通投诉举报渠道」): categories with their handling unit and
-- deadline, complaints with their photos (original for staff, metadata-free copy for the public), the event log of
-- each complaint, response templates, used anti-abuse challenges and the portal's settings.
-- Personal data: the reporter's contact is stored only encrypted (AES-256-GCM, key from QINGLIU_SECRET_KEY), with a
-- keyed hash for counting; network addresses only as keyed hashes.

create table complaint_categories (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,31}$'),
  name text not null,
  description text not null default '',
  -- Open311 group and keywords
  group_name text not null default '',
  keywords text not null default '',
  -- the unit that handles complaints of this category (null: the campaign office triages by hand)
  unit_id uuid references units (id),
  -- days to handle (处理时限)
  deadline_days integer not null default 15 check (deadline_days between 1 and 365),
  -- Open311 service type: realtime returns the request id at once, batch a token
  open311_type text not null default 'realtime' check (open311_type in ('realtime', 'batch')),
  reward_eligible boolean not null default true,
  sort integer not null default 0,
  active boolean not null default true
);

create sequence complaint_number_seq;

create table complaints (
  id uuid primary key default gen_random_uuid(),
  -- public number, e.g. 2024-000123 (also the Open311 service_request_id)
  number text not null unique,
  -- SHA-256 of the receipt code the reporter keeps; the code itself is never stored
  receipt_hash text not null unique,
  -- Open311 token of batch services
  open311_token text unique,
  category_code text not null references complaint_categories (code),
  description text not null,
  -- the description with phone numbers, ID numbers, e-mails and plates masked: what the public sees
  public_description text not null,
  address text,
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  -- the enterprise or site complained about, as the reporter named it
  subject text,
  state text not null default 'received'
    check (state in ('received', 'dispatched', 'investigating', 'resolved', 'closed_not_fixed', 'duplicate', 'invalid')),
  unit_id uuid references units (id),
  -- river and chief from routing; the registries' tables, referenced without a foreign key so that this table does
  -- not depend on their migration order
  river_id uuid,
  river_name text,
  river_chief_id uuid,
  river_chief_user_id uuid references users (id),
  duplicate_of uuid references complaints (id),
  -- a checked problem that could not be fixed still counts as substantiated when confirmed
  confirmed boolean not null default false,
  source text not null default 'web' check (source in ('web', 'open311', 'staff')),
  open311_key_id uuid,
  anonymous boolean not null default true,
  wants_reward boolean not null default false,
  -- encrypted JSON { name, phone, email }; null when the reporter left none
  contact_ciphertext text,
  contact_hash text,
  ip_hash text,
  -- Open311 attributes and other structured answers
  attributes jsonb not null default '{}'::jsonb,
  hidden boolean not null default false,
  reopen_count integer not null default 0,
  received_at timestamptz not null default now(),
  due_at timestamptz not null,
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  -- a lookup hash only beside a stored contact
  check (contact_hash is null or contact_ciphertext is not null)
);
create index complaints_state on complaints (state, received_at desc);
create index complaints_unit on complaints (unit_id, state);
create index complaints_received on complaints (received_at desc);
create index complaints_ip on complaints (ip_hash, received_at);
create index complaints_contact on complaints (contact_hash, received_at);
create index complaints_location on complaints (lat, lon);

create table complaint_photos (
  complaint_id uuid not null references complaints (id) on delete cascade,
  sort integer not null,
  -- as uploaded (may carry GPS): staff only
  original_sha256 text not null references files (sha256),
  -- metadata removed (server/documents/stripExif.ts): the copy the public and the API show
  public_sha256 text not null references files (sha256),
  content_type text not null,
  size integer not null,
  primary key (complaint_id, sort)
);

-- Everything that happened to a complaint, in order; `public_note` is what the reporter reads.
create table complaint_events (
  id uuid primary key default gen_random_uuid(),
  complaint_id uuid not null references complaints (id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null,
  from_state text,
  to_state text,
  actor_id uuid references users (id),
  actor_name text,
  unit_id uuid references units (id),
  -- what the reporter and the public read (a response); staff-only notes go in internal_note
  public_note text,
  internal_note text,
  data jsonb not null default '{}'::jsonb
);
create index complaint_events_complaint on complaint_events (complaint_id, at);

create table complaint_templates (
  id uuid primary key default gen_random_uuid(),
  category_code text references complaint_categories (code),
  -- which step it answers: dispatched, investigating, resolved, closed_not_fixed, duplicate, invalid
  step text not null,
  title text not null,
  body text not null,
  sort integer not null default 0
);

-- Challenges already used (one use each); rows past their expiry are deleted by the cleanup task.
create table public_challenges_used (
  token_hash text primary key,
  expires_at timestamptz not null
);

-- Settings of the portal (rate limits, challenge difficulty, fraud rules), one JSON value per key.
create table public_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

-- The categories a district starts with (the office assigns units and deadlines in the staff UI).
insert into complaint_categories (code, name, description, group_name, keywords, deadline_days, open311_type, sort) values
  ('sewage', '污水直排偷排', '企业、单位或个人向河道、沟渠直接排放污水，私设暗管偷排', '水污染', '排污,偷排,直排,暗管,废水', 15, 'realtime', 1),
  ('black_odorous', '黑臭水体', '水体发黑、发臭，或已整治的水体返黑返臭', '水环境', '黑臭,发黑,发臭,返黑,返臭', 15, 'realtime', 2),
  ('outfall', '入河排污口', '未登记的排污口、排污口超标排放或设置不规范', '水污染', '排口,排污口,入河', 15, 'realtime', 3),
  ('four_chaos', '河湖“四乱”', '乱占、乱采、乱堆、乱建', '河湖管理', '四乱,乱占,乱采,乱堆,乱建,采砂', 20, 'realtime', 4),
  ('waste_dumping', '垃圾倾倒', '向河道、岸边倾倒生活垃圾、建筑垃圾或工业固废', '河湖管理', '垃圾,倾倒,固废,堆放', 10, 'realtime', 5),
  ('drinking_source', '饮用水水源地', '水源保护区内的违法建设、排污、游泳垂钓等', '饮用水', '水源地,保护区,取水口', 7, 'realtime', 6),
  ('livestock', '畜禽养殖污染', '养殖粪污直排、未经处理还田', '农业农村', '养殖,粪污,畜禽', 15, 'realtime', 7),
  ('other', '其他水环境问题', '其他与水污染防治有关的问题（先由区攻坚办分办）', '其他', '其他', 20, 'batch', 99);
