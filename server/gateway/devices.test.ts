import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testDatabase";
import { DeviceRegistry } from "./devices";

describe("device registry", () => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    d = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await d?.close();
  });

  it("a device registered after the last refresh is found by every packet of its first burst, not only the first", async () => {
    const registry = new DeviceRegistry(d.db, 60_000);
    await registry.refresh();
    await d.db.insertInto("devices").values({ mn: "BURST01", pw: "123456", st: "21" }).execute();
    const found = await Promise.all([registry.get("BURST01"), registry.get("BURST01"), registry.get("BURST01")]);
    expect(found.map((x) => x?.mn)).toEqual(["BURST01", "BURST01", "BURST01"]);
    // An unknown MN is looked up once per interval: a flood of it costs one query, and it stays unknown.
    expect(await Promise.all([registry.get("NOPE"), registry.get("NOPE")])).toEqual([undefined, undefined]);
    await d.db.insertInto("devices").values({ mn: "NOPE", pw: "123456", st: "21" }).execute();
    expect(await registry.get("NOPE")).toBeUndefined();
  });
});
