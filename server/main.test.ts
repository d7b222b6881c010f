import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/database";
import { spawnServer } from "./test/childProcess";
import { scheduledTasks } from "./services/worker";

const dataDir = mkdtempSync(join(tmpdir(), "qingliu-main-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function login(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return { status: r.status, cookie: r.headers.get("set-cookie")?.split(";")[0] ?? "", body: (await r.json()) as any };
}

describe("a Qingliu process on embedded PGlite", () => {
  it("creates the demo district on first start and prints one account per role", async () => {
    const s = await spawnServer({ DATA_DIR: dataDir, QINGLIU_TEST_ROUTES: "true" });
    try {
      const out = s.output();
      for (const role of ["office_admin", "unit_head", "unit_staff", "monitoring_operator", "river_chief", "auditor"]) {
        expect(out).toMatch(new RegExp(`\\S+\\s+\\S{14}\\s+${role}`));
      }
      const creds = readFileSync(join(dataDir, "demo-credentials.txt"), "utf8").trim().split("\n").map((l) => l.split("\t"));
      const [username, password] = creds[0];
      const r = await login(s.url, username, password);
      expect(r.status).toBe(200);
      expect(r.body.data.user.roles).toEqual(["office_admin"]);
      const units = await fetch(`${s.url}/api/units`, { headers: { cookie: r.cookie } }).then((x) => x.json() as any);
      const kinds = new Set(units.data.map((u: { kind: string }) => u.kind));
      // One process runs web, worker and gateway by default; /metrics and /readyz cover the gateway too.
      const metrics = await fetch(`${s.url}/metrics`).then((x) => x.text());
      // The demo district's simulated devices connect to it (DEMO_SIMULATOR) and each has its own gauges.
      expect(metrics).toMatch(/^qingliu_gateway_connections [0-3]$/m);
      expect(metrics).toMatch(/^qingliu_gateway_values_total \d+$/m);
      expect(metrics.match(/^qingliu_device_packets_today\{mn="ZZDEMO\d+"\} \d+$/gm)).toHaveLength(3);
      expect(metrics.match(/^qingliu_device_online\{mn="ZZDEMO\d+"\} [01]$/gm)).toHaveLength(3);
      expect(metrics).toMatch(/^qingliu_http_requests_total\{/m);
      const ready = await fetch(`${s.url}/readyz`).then((x) => x.json() as any);
      expect(ready.data.checks.map((c: { name: string }) => c.name)).toEqual(["database", "migrations", "gateway-store"]);
      expect([...kinds].sort()).toEqual(["branch", "department", "office", "subdistrict"]);
      // SIGTERM while a request is in flight: the request completes, then the process exits 0.
      const slow = fetch(`${s.url}/api/_test/slow?ms=1500`).then((x) => x.json() as any);
      await new Promise((res) => setTimeout(res, 300));
      s.child.kill("SIGTERM");
      expect((await slow).data.sleptMs).toBe(1500);
      expect(await s.exited).toBe(0);
      expect(s.output()).toContain("SIGTERM: shutting down");
    } finally {
      s.child.kill("SIGKILL");
    }
  });

  it("keeps its data across a restart and does not seed twice", async () => {
    const s = await spawnServer({ DATA_DIR: dataDir });
    try {
      expect(s.output()).not.toContain("demo accounts");
      const [username, password] = readFileSync(join(dataDir, "demo-credentials.txt"), "utf8").split("\n")[0].split("\t");
      expect((await login(s.url, username, password)).status).toBe(200);
      s.child.kill("SIGTERM");
      expect(await s.exited).toBe(0);
    } finally {
      s.child.kill("SIGKILL");
    }
    // The worker ran its first job at start; the audit chain survived the restarts.
    const d = await openDatabase({ pgliteDir: join(dataDir, "pglite") });
    try {
      const jobs = await d.db.selectFrom("job_runs").selectAll().execute();
      // Every scheduled task of the worker ran at start and succeeded.
      const names = scheduledTasks().map((t) => t.name).sort();
      expect(jobs.map((j) => [j.name, j.last_status]).sort()).toEqual(names.map((n) => [n, "ok"]));
      expect(names).toContain("session-cleanup");
      const logins = await d.db.selectFrom("audit_events").select("action").where("action", "=", "auth.login").execute();
      expect(logins.length).toBe(2);
    } finally {
      await d.close();
    }
  });

  it("runs only the services named in SERVICES", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qingliu-svc-"));
    try {
      const s = await spawnServer({ DATA_DIR: dir, SERVICES: "web", DEMO: "false" });
      s.child.kill("SIGTERM");
      expect(await s.exited).toBe(0);
      const d = await openDatabase({ pgliteDir: join(dir, "pglite") });
      expect(await d.db.selectFrom("job_runs").selectAll().execute()).toEqual([]);
      expect(await d.db.selectFrom("units").selectAll().execute()).toEqual([]);
      await d.close();
      const bad = await spawnServer({ DATA_DIR: dir, SERVICES: "web,teleport" }).catch((e: Error) => e.message);
      expect(bad).toContain("unknown service(s) teleport");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
