-- Monitoring, second part: settings the office and monitoring operators edit — the ecological-flow warning levels
-- and required guarantee rate (reference §8, project decision 8) and the river-grade thresholds (project decision 1).
-- One JSON row per key, validated by the application (domain/assessment/settings.ts); a missing row is the default.
create table monitoring_settings (
  key text primary key check (key in ('eco_flow', 'river_grade')),
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
