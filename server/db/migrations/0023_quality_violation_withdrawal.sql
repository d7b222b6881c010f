-- Withdrawal of violation records (issue 4, item 3 × item 4): when the hourly values a violation was computed from are
-- later rejected, corrected or accepted in review, the day is re-evaluated in the review's own transaction
-- (server/commands/dischargeReviser.ts). A violation the data no longer support is kept and marked withdrawn with
-- why, by whom, when and after which decision; a reopened violation clears these columns (the audit log keeps both).
alter table violations
  add column withdrawn_at timestamptz,
  -- The reviewer whose decision withdrew it; null when the scheduled evaluation did.
  add column withdrawn_by uuid references users (id) on delete set null,
  -- What caused it: a review decision on the values, a confirmed finding that rejected them, or a later evaluation.
  add column withdrawn_cause text check (withdrawn_cause in ('reject', 'correct', 'accept', 'finding', 'evaluation')),
  -- The reviewer's reason (or the system's).
  add column withdrawn_reason text,
  -- The day after re-evaluation: valid hours and their mean (null when fewer than the hours needed).
  add column withdrawn_hours integer,
  add column withdrawn_mean double precision,
  -- The request id of the decision: its audit entries carry the same correlation id.
  add column withdrawn_correlation text;
