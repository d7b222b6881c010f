/**
 * @module All SQL of scheduled-job bookkeeping.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema";

/**
 * Claims a run of `name` if none started within `periodMs`; returns false when another worker already has it.
 * One conditional upsert, so two workers racing for the same period cannot both win.
 */
export async function claimJobRun(db: Kysely<DB>, name: string, now: Date, periodMs: number): Promise<boolean> {
  const threshold = new Date(now.getTime() - periodMs + 1000);
  const r = await sql<{ name: string }>`
    insert into job_runs (name, last_started_at, last_status) values (${name}, ${now}, 'running')
    on conflict (name) do update set last_started_at = excluded.last_started_at, last_status = 'running'
      where job_runs.last_started_at is null or job_runs.last_started_at < ${threshold}
    returning name`.execute(db);
  return r.rows.length === 1;
}

/** Records how a run ended. */
export async function finishJobRun(
  db: Kysely<DB>,
  name: string,
  v: { status: "ok" | "failed"; error?: string; result?: unknown },
): Promise<void> {
  await db
    .updateTable("job_runs")
    .set({
      last_finished_at: new Date(),
      last_status: v.status,
      last_error: v.error ?? null,
      last_result: JSON.stringify(v.result ?? null),
    })
    .where("name", "=", name)
    .execute();
}

/** All jobs' last runs (for the admin view and tests). */
export async function listJobRuns(db: Kysely<DB>) {
  return db.selectFrom("job_runs").selectAll().orderBy("name").execute();
}
