import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/database";
import { migrate } from "../db/migrate";
import { makeImportReadings, progressBar } from "./import";
import { runCli } from "../test/runCli";

describe("qingliu import readings", () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qingliu-import-"));
    database = await openDatabase({ memory: true });
    await migrate(database.db);
    await database.db.insertInto("monitoring_points").values({ code: "S01", name: "府城断面", kind: "section", water_body_type: "river", target_class: 3, level: "county" }).execute();
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  // The command closes its database when done; the test keeps one open, so hand out a wrapper whose close is a no-op.
  const cmd = makeImportReadings(async () => ({ ...database, close: async () => {} }));
  const run = (argv: string[]) => runCli(cmd, argv);
  const count = async () => Number((await database.db.selectFrom("readings").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("reports bad rows and imports nothing; checks without --yes; imports with --yes", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(bad, "站点,采样时间,因子,数值,单位\nS01,2024-05-06 09:30,氨氮,0.8,mg/L\nS01,2024-05-06 09:30,氨氮X,0.8,mg/L\n");
    const r1 = await run([bad, "--yes"]);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toContain("第 3 行 / row 3: 因子“氨氮X”无法识别");
    expect(await count()).toBe(0);
    const good = join(dir, "good.csv");
    await writeFile(good, "站点,采样时间,因子,数值,单位\nS01,2024-05-06 09:30,氨氮,0.8,mg/L\n");
    const r2 = await run([good]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toContain("加 --yes 导入 1 条");
    expect(await count()).toBe(0);
    const r3 = await run([good, "--yes"]);
    expect(r3.code).toBe(0);
    expect(r3.stdout).toContain("已导入 / imported: 1");
    expect(await count()).toBe(1);
    const r4 = await run([bad, "--yes", "--skip-errors"]);
    expect(r4.stdout).toContain("已存在未改动 / already stored: 1  跳过错误行 / skipped rows: 1");
  });

  it("draws a progress bar on stderr for large files", async () => {
    const big = join(dir, "big.csv");
    const lines = ["站点,采样时间,因子,数值,单位"];
    for (let i = 0; i < 6000; i++) lines.push(`S01,${new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString()},氨氮,0.5,mg/L`);
    await writeFile(big, lines.join("\n"));
    const r = await run([big, "-y"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("6000/6000 100%");
    expect(r.stdout).toContain("已导入 / imported: 6000");
  });

  it("refuses a missing file, a wrong format and missing arguments", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([join(dir, "none.csv")])).code).toBe(2);
    const xls = join(dir, "old.xls");
    await writeFile(xls, "x");
    const r = await run([xls]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("只支持 .xlsx 和 .csv 文件");
  });

  it("draws the bar", () => {
    expect(progressBar(5, 10, 10)).toBe("\r导入 / importing [#####-----] 5/10 50%");
  });
});
