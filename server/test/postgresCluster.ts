/**
 * @module A throwaway PostgreSQL 15 cluster for tests: initdb into a temp dir, started on 127.0.0.1 at a free port
 * with its socket in the temp dir, removed afterwards. As root (CI), the cluster runs as the `postgres` user,
 * since initdb refuses to run as root.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./childProcess";

/** Where Debian puts the PostgreSQL 15 server binaries. */
export const PG_BIN = process.env.QINGLIU_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A running cluster. */
export interface PostgresCluster {
  /** postgres://… of the `postgres` database. */
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

function run(bin: string, args: string[], asUser: string | null) {
  const cmd = asUser ? "runuser" : join(PG_BIN, bin);
  const full = asUser ? ["-u", asUser, "--", join(PG_BIN, bin), ...args] : args;
  const r = spawnSync(cmd, full, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Starts a new cluster. Throws with a clear message when the binaries are missing. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!existsSync(join(PG_BIN, "initdb"))) {
    throw new Error(`PostgreSQL 15 server binaries not found in ${PG_BIN}: apt-get install -y postgresql-15`);
  }
  const asUser = process.getuid?.() === 0 ? "postgres" : null;
  const dir = mkdtempSync(join(tmpdir(), "qingliu-pg-"));
  const data = join(dir, "data");
  if (asUser) {
    const uid = Number(execFileSync("id", ["-u", asUser]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", asUser]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, "qingliu\n");
  if (asUser) execFileSync("chown", [asUser, pwfile]);
  run("initdb", ["-D", data, "-U", "postgres", "--pwfile", pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"], asUser);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "60", "start"], asUser);
  return {
    url: `postgres://postgres:qingliu@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asUser);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
