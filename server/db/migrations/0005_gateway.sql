-- HJ 212 gateway: one row per accepted upload packet (dedupe of retransmissions by MN+CN+QN and by MN+CN+DataTime)
-- and per-device daily counters (packets, errors, values) for the data-transmission rate.

create table gateway_packets (
  mn text not null,
  cn text not null,
  qn text not null,
  data_time timestamptz,
  readings integer not null,
  received_at timestamptz not null default now(),
  primary key (mn, cn, qn)
);
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
