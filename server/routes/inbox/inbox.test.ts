import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../test/testDatabase";
import { createTestServer, TestClient, type TestServer } from "../../test/testServer";
import { buildUser } from "../../test/factories";
import { insertNotifications } from "../../repositories/notification.repository";

describe.each(ENGINES)("inbox on %s", (engine) => {
  let s: TestServer;
  let alice: { id: string };
  let bob: { id: string };
  beforeAll(async () => {
    s = await createTestServer(engine);
    alice = await buildUser(s.db, { username: "alice", roles: ["unit_staff"] });
    bob = await buildUser(s.db, { username: "bob", roles: ["unit_staff"] });
  });
  afterAll(() => s.close());

  it("shows and marks only the caller's own notifications; the same key is stored once", async () => {
    const mk = (userId: string, key: string) => ({ userId, unitId: null, kind: "test", title: key, body: "…", dedupeKey: key });
    await insertNotifications(s.db, [mk(alice.id, "a1"), mk(alice.id, "a2"), mk(bob.id, "b1")]);
    expect(await insertNotifications(s.db, [mk(alice.id, "a1")])).toEqual([]);
    const a = await TestClient.signIn(s.app, "alice");
    const inbox = await a.get("/api/inbox");
    expect(inbox.body.data.map((n: { title: string }) => n.title).sort()).toEqual(["a1", "a2"]);
    expect(inbox.body.unread).toBe(2);
    const bobs = await s.db.selectFrom("notifications").select("id").where("user_id", "=", bob.id).execute();
    const a1 = inbox.body.data.find((n: { title: string }) => n.title === "a1").id;
    const r = await a.post("/api/inbox/read", { ids: [a1, bobs[0].id] });
    expect(r.body.data).toEqual({ marked: 1, unread: 1 });
    expect((await a.get("/api/inbox?unread=1")).body.data.map((n: { title: string }) => n.title)).toEqual(["a2"]);
    const b = await TestClient.signIn(s.app, "bob");
    expect((await b.get("/api/inbox")).body.unread).toBe(1);
    expect((await new TestClient(s.app).get("/api/inbox")).status).toBe(401);
  });
});
