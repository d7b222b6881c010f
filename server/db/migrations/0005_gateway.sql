-- HJ 212 gateway: one row per accepted upload packet and per-device daily counters (packets, errors, values) for the
-- data-transmission rate. A retransmission is recognised by MN+CN+QN (same packet sent again) and by MN+CN+DataTime
-- (same data under a new QN). The QN key includes DataTime because the answers to one history request (补发) all
-- carry the request's QN, one packet per DataTime.

create table gateway_packets (
  id bigserial primary key,
  mn text not null,
  cn text not null,
  qn text not null,
  data_time timestamptz,
  readings integer not null,
  received_at timestamptz not null default now()
);
create unique index gateway_packets_qn on gateway_packets (mn, cn, qn, coalesce(data_time, timestamptz '1970-01-01 00:00:00+00'));
create unique index gateway_packets_data_time on gateway_packets (mn, cn, data_time) where data_time is not null;

create table device_daily (
  mn text not null,
  day date not null,
  packets integer not null default 0,
  duplicates integer not null default 0,
  errors integer not null default 0,
  readings integer not null default 0,
  last_packet_at timestamptz,
  last_error text,
  primary key (mn, day)
);
