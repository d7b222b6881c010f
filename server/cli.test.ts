import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main, COMMANDS } from "./cli";
import { createTestDatabase } from "./test/testDatabase";
import { buildUnit } from "./test/factories";

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = "";
  let e = "";
  out.on("data", (d) => (o += d));
  err.on("data", (d) => (e += d));
  return { io: { stdout: out, stderr: err, stdin: new PassThrough() }, out: () => o, err: () => e };
}

async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe("qingliu CLI", () => {
  it("lists the commands and gives --help for each", async () => {
    const t = io();
    expect(await main(["--help"], t.io)).toBe(0);
    for (const words of [["serve"], ["migrate"], ["user", "create"], ["audit", "verify"]]) {
      expect(t.out()).toContain(words.join(" "));
      const h = io();
      expect(await main([...words, "--help"], h.io)).toBe(0);
      expect(h.out()).toMatch(/用法 \/ usage: qingliu/);
    }
    expect(COMMANDS.every((c) => c.help.length > 40)).toBe(true);
  });

  it("exits 2 on an unknown command or option", async () => {
    const t = io();
    expect(await main(["frobnicate"], t.io)).toBe(2);
    expect(t.err()).toContain("未知命令 / unknown command: frobnicate");
    const u = io();
    expect(await main(["migrate", "--bogus"], u.io)).toBe(2);
  });

  describe("against PostgreSQL", () => {
    let d: Awaited<ReturnType<typeof createTestDatabase>>;
    afterAll(() => d?.close());

    it("migrate reports up to date; user create makes an account by unit alias; audit verify says OK", async () => {
      d = await createTestDatabase("postgres");
      await buildUnit(d.db, { name: "中站生态环境分局", aliases: ["中站生态环境局"] });
      await withEnv({ DATABASE_URL: d.url, LOG_LEVEL: "silent" }, async () => {
        const m = io();
        expect(await main(["migrate"], m.io)).toBe(0);
        expect(m.out()).toContain("up to date");
        const s = io();
        expect(await main(["migrate", "--status"], s.io)).toBe(0);
        expect(s.out()).toContain("applied: 0001_foundation");
        const c = io();
        const code = await main(["user", "create", "--username", "li.si", "--name", "李四", "--role", "unit_staff", "--unit", "中站生态环境局"], c.io);
        expect(c.err()).toBe("");
        expect(code).toBe(0);
        expect(c.out()).toMatch(/initial password: \S{16}/);
        const bad = io();
        expect(await main(["user", "create", "--username", "x", "--name", "X", "--role", "king"], bad.io)).toBe(2);
        expect(bad.err()).toContain("unknown role: king");
        const noUnit = io();
        expect(await main(["user", "create", "--username", "x", "--name", "X", "--role", "auditor", "--unit", "火星局"], noUnit.io)).toBe(2);
        const dup = io();
        expect(await main(["user", "create", "--username", "LI.SI", "--name", "X", "--role", "auditor"], dup.io)).toBe(1);
        expect(dup.err()).toContain("已被使用");
        const v = io();
        expect(await main(["audit", "verify"], v.io)).toBe(0);
        expect(v.out()).toMatch(/^OK — 2 entries/);
      });
      const user = await d.db.selectFrom("users").select(["username", "must_change_password"]).executeTakeFirstOrThrow();
      expect(user).toEqual({ username: "li.si", must_change_password: true });
    });
  });

  it("migrate works on a PGlite data directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qingliu-cli-"));
    try {
      await withEnv({ DATA_DIR: dir, DATABASE_URL: undefined }, async () => {
        const m = io();
        expect(await main(["migrate"], m.io)).toBe(0);
        expect(m.out()).toContain("applied: 0001_foundation");
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
