import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, TestClient, type TestServer } from "./test/testServer";
import { buildUser } from "./test/factories";

// The error contract does not depend on the engine; PGlite keeps this file quick.
describe("API error contract", () => {
  let s: TestServer;
  let c: TestClient;
  beforeAll(async () => {
    s = await createTestServer("pglite");
    await buildUser(s.db, { username: "admin", roles: ["office_admin"] });
    c = await TestClient.signIn(s.app, "admin");
  });
  afterAll(() => s.close());

  const expectEnvelope = (body: any, error: string, status: number) => {
    expect(body).toMatchObject({ ok: false, error, status });
    expect(typeof body.message).toBe("string");
    expect(body.message.length).toBeGreaterThan(0);
    expect(body.correlationId).toMatch(/^[\w.-]{8,}$/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  };

  it("401 for a private route without a session", async () => {
    const r = await new TestClient(s.app).get("/api/users");
    expect(r.status).toBe(401);
    expectEnvelope(r.body, "auth.required", 401);
  });

  it("400 with field paths for invalid input", async () => {
    const r = await c.post("/api/users", { username: "a", roles: ["king"], unitIds: "x" });
    expect(r.status).toBe(400);
    expectEnvelope(r.body, "validation", 400);
    const paths = r.body.data.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["username", "displayName", "roles.0", "unitIds"]));
  });

  it("400 bad_json for malformed JSON", async () => {
    const r = await c.request("POST", "/api/users", '{"username": "x",', { "content-type": "application/json" });
    expect(r.status).toBe(400);
    expectEnvelope(r.body, "bad_json", 400);
  });

  it("415 for a wrong content type", async () => {
    const r = await c.request("POST", "/api/users", "username=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(r.status).toBe(415);
    expectEnvelope(r.body, "unsupported_media_type", 415);
    const t = await c.request("POST", "/api/users", "hello", { "content-type": "text/plain" });
    expect(t.status).toBe(415);
  });

  it("413 for a JSON body over 1 MB", async () => {
    const r = await c.request("POST", "/api/users", JSON.stringify({ username: "x".repeat(1024 * 1024 + 10) }));
    expect(r.status).toBe(413);
    expectEnvelope(r.body, "payload_too_large", 413);
  });

  it("404 envelope for an unknown API route, the web client for other paths", async () => {
    const r = await c.get("/api/nope");
    expect(r.status).toBe(404);
    expectEnvelope(r.body, "not_found", 404);
    const page = await new TestClient(s.app).get("/admin/users");
    expect(page.status).toBe(200);
    expect(String(page.headers["content-type"])).toMatch(/text\/html/);
  });

  it("keeps a sane client request id as the correlation id and echoes it", async () => {
    const r = await c.request("GET", "/api/nope", undefined, { "x-request-id": "support-case-12345" });
    expect(r.body.correlationId).toBe("support-case-12345");
    expect(r.headers["x-request-id"]).toBe("support-case-12345");
    const bad = await c.request("GET", "/api/nope", undefined, { "x-request-id": "<script>" });
    expect(bad.body.correlationId).not.toBe("<script>");
  });

  it("500 internal without the stack when something unexpected fails", async () => {
    // Break the database under the app: the query fails in a way no route anticipates.
    await s.db.schema.alterTable("units").renameTo("units_gone").execute();
    try {
      const r = await c.get("/api/units");
      expect(r.status).toBe(500);
      expectEnvelope(r.body, "internal", 500);
      expect(JSON.stringify(r.body)).not.toContain("units");
    } finally {
      await s.db.schema.alterTable("units_gone").renameTo("units").execute();
    }
  });
});
