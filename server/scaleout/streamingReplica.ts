/**
 * @module A throwaway streaming replica for tests: `pg_basebackup -R` of a running test cluster
 * (../test/postgresCluster.ts) into a second data directory, started as a hot standby on its own loopback port.
 * As root (CI) it runs as the `postgres` user, like the primary.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../test/childProcess";
import { PG_BIN, type PostgresCluster } from "../test/postgresCluster";

/** A running standby. */
export interface StreamingReplica {
  /** postgres://… of its `postgres` database (read-only). */
  url: string;
  port: number;
  /** Stops it and removes its directory. */
  stop(): void;
}

function run(bin: string, args: string[], asUser: string | null, env: Record<string, string> = {}) {
  const cmd = asUser ? "runuser" : join(PG_BIN, bin);
  const full = asUser ? ["-u", asUser, "--", join(PG_BIN, bin), ...args] : args;
  const r = spawnSync(cmd, full, { encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr || r.stdout}`);
}

/** Makes a standby of `primary` (which must allow replication connections from 127.0.0.1, initdb's default). */
export async function startStreamingReplica(primary: PostgresCluster): Promise<StreamingReplica> {
  const asUser = process.getuid?.() === 0 ? "postgres" : null;
  const dir = mkdtempSync(join(tmpdir(), "qingliu-replica-"));
  const data = join(dir, "data");
  if (asUser) {
    const uid = Number(execFileSync("id", ["-u", asUser]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", asUser]).toString().trim());
    chownSync(dir, uid, gid);
  }
  // -R writes standby.signal and primary_conninfo; -X stream copies the WAL needed to start consistently.
  run("pg_basebackup", ["-D", data, "-R", "-X", "stream", "-c", "fast", "-d", primary.url], asUser);
  // A standby needs these at least as high as its primary's, which may have set them on its command line.
  const c0 = new pg.Client({ connectionString: primary.url });
  await c0.connect();
  const settings = await c0.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('max_connections', 'max_worker_processes', 'max_wal_senders',
      'max_prepared_transactions', 'max_locks_per_transaction')`);
  await c0.end();
  const port = await freePort();
  const opts = [`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off`,
    ...settings.rows.map((r) => `-c ${r.name}=${r.setting}`)].join(" ");
  try {
    run("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "60", "start"], asUser);
  } catch (err) {
    const log = spawnSync("cat", [join(dir, "log")], { encoding: "utf8" }).stdout;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  const url = primary.url.replace(`:${primary.port}/`, `:${port}/`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ standby: boolean }>("select pg_is_in_recovery() as standby");
  await c.end();
  if (!r.rows[0].standby) throw new Error("the copy is not in recovery: not a standby");
  return {
    url,
    port,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asUser);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
