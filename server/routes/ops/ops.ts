/**
 * @module Operations endpoints: liveness, readiness (database reachable, migrations current) and Prometheus metrics.
 */
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { migrationStatus } from "../../db/migrate";
import { Registry } from "prom-client";
import type { Metrics } from "../../metrics";
import type { RouteDeps } from "../types";

/** Extra readiness checks other services add (e.g. the gateway's store). */
export type ReadinessCheck = () => Promise<{ name: string; ok: boolean; detail?: string }>;

/** Registers /healthz, /readyz, /metrics and, in test mode, a slow route for the shutdown test. */
export function opsRoutes(
  app: FastifyInstance,
  { db, config }: RouteDeps,
  metrics: Metrics,
  checks: ReadinessCheck[],
  extraMetrics: Registry[] = [],
) {
  const registry = extraMetrics.length ? Registry.merge([metrics.registry, ...extraMetrics]) : metrics.registry;
  app.get("/healthz", { config: { public: true } }, async () => ({ ok: true, data: { status: "alive" } }));

  app.get("/readyz", { config: { public: true } }, async (req, reply) => {
    const results: { name: string; ok: boolean; detail?: string }[] = [];
    try {
      await sql`select 1`.execute(db);
      results.push({ name: "database", ok: true });
      const m = await migrationStatus(db);
      const current = m.pending.length === 0 && m.changed.length === 0;
      results.push({
        name: "migrations",
        ok: current,
        detail: current ? undefined : `pending: ${m.pending.join(",") || "-"}; changed: ${m.changed.join(",") || "-"}`,
      });
    } catch (err) {
      results.push({ name: "database", ok: false, detail: (err as Error).message });
    }
    for (const check of checks) results.push(await check());
    const ok = results.every((r) => r.ok);
    if (!ok) req.log.warn({ checks: results }, "not ready");
    return reply.status(ok ? 200 : 503).send({ ok, data: { checks: results } });
  });

  app.get("/metrics", { config: { public: true } }, async (_req, reply) => {
    reply.header("content-type", registry.contentType);
    return registry.metrics();
  });

  if (config.testRoutes) {
    app.get("/api/_test/slow", { config: { public: true } }, async (req) => {
      const ms = Math.min(Number((req.query as { ms?: string }).ms ?? 500), 10_000);
      await new Promise((r) => setTimeout(r, ms));
      return { ok: true, data: { sleptMs: ms } };
    });
  }
}
