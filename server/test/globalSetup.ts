/**
 * @module Vitest global setup: one throwaway PostgreSQL cluster for the whole run; each test file makes its own
 * database in it (testDatabase.ts). Its URL reaches the tests through `inject("pgUrl")`;
 * `inject("runId")` names this run's scratch directories, removed at the end.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgresCluster";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    /** This run's id: names per-run scratch such as the e2e harness's seeded data-directory templates. */
    runId: string;
  }
}

/** Starts the cluster; the returned function stops and removes it. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide("pgUrl", cluster.url);
  const runId = `${process.pid}-${randomBytes(4).toString("hex")}`;
  project.provide("runId", runId);
  return async () => {
    rmSync(join(tmpdir(), `qingliu-e2e-templates-${runId}`), { recursive: true, force: true });
    await cluster.stop();
  };
}
