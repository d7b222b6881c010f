/**
 * @module Vitest global setup: one throwaway PostgreSQL cluster for the whole run; each test file makes its own
 * database in it (testDatabase.ts). Its URL reaches the tests through `inject("pgUrl")`.
 */
import type { TestProject } from "vitest/node";
import { startPostgresCluster } from "./postgresCluster";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** Starts the cluster; the returned function stops and removes it. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide("pgUrl", cluster.url);
  return () => cluster.stop();
}
