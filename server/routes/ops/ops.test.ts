import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";

describe.each(ENGINES)("operations endpoints on %s", (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(engine);
  });
  afterAll(() => s.close());

  it("/healthz answers while the process lives", async () => {
    const r = await new TestClient(s.app).get("/healthz");
    expect(r.status).toBe(200);
  });

  it("/readyz reports the database and migrations, and 503 when a migration is missing", async () => {
    const c = new TestClient(s.app);
    const ok = await c.get("/readyz");
    expect(ok.status).toBe(200);
    expect(ok.body.data.checks).toEqual([{ name: "database", ok: true }, { name: "migrations", ok: true }]);
    await sql`delete from schema_migrations where version = '0001_foundation'`.execute(s.db);
    const bad = await c.get("/readyz");
    expect(bad.status).toBe(503);
    expect(bad.body.data.checks[1]).toMatchObject({ name: "migrations", ok: false });
    await sql`insert into schema_migrations (version, checksum) select '0001_foundation', 'x'`.execute(s.db);
    const changed = await c.get("/readyz");
    expect(changed.body.data.checks[1].detail).toContain("changed: 0001_foundation");
  });

  it("/metrics counts requests by route and status in Prometheus format", async () => {
    const c = new TestClient(s.app);
    await c.get("/api/auth/me");
    const r = await c.get("/metrics");
    expect(String(r.headers["content-type"])).toMatch(/text\/plain/);
    expect(r.body).toMatch(/qingliu_http_requests_total\{method="GET",route="\/api\/auth\/me",status="401"\} 1/);
    expect(r.body).toMatch(/qingliu_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/auth\/me"\}/);
  });
});
