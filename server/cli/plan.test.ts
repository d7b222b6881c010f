import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planParse } from "./plan";
import { runCli } from "../test/runCli";

const SEED_URL = new URL("../../../shared/seed/zhongzhan-2022-water-plan.txt", import.meta.url);
const SEED = { pathname: fileURLToPath(SEED_URL) };
const run = (argv: string[], input = "") => runCli(planParse, argv, input);

describe("qingliu plan parse", () => {
  let dir: string;
  let seed: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qingliu-plan-"));
    seed = await readFile(SEED_URL, "utf8");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("--json prints the contract for the seed plan", async () => {
    const r = await run([SEED.pathname, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["title", "docNumber", "year", "goals", "tasks", "unknownUnits"]);
    expect(out).toMatchObject({ title: "中站区2022年水污染防治攻坚战实施方案", docNumber: "中环攻坚办〔2022〕13号", year: 2022, unknownUnits: [] });
    expect(out.tasks).toHaveLength(19);
    expect(out.goals[1]).toEqual({ text: "城市集中式饮用水水源地取水水质达标率达到100%", targets: [{ indicator: "城市集中式饮用水水源地取水水质达标率", value: 100, unit: "%", comparison: "reach" }] });
    const first = out.tasks[0];
    expect(Object.keys(first)).toEqual(["number", "section", "title", "text", "units", "deadlines"]);
    expect(first).toMatchObject({
      number: "1",
      section: "(一)深入打好城市黑臭水体治理攻坚战",
      title: "深入推进城市建成区黑臭水体整治",
      units: { lead: [], co_lead: ["区住房和城乡建设局", "中站生态环境分局"], participant: ["区发展和改革委员会", "区农业农村局"], implementer: [], responsible: [] },
      deadlines: [{ date: "2022-05-31", text: "2022年5月底前" }],
    });
    expect(out.tasks[18].units.participant).toContain("区住房和城乡建设局"); // written 住房城乡建设局
  });

  it("prints a Chinese table without --json", async () => {
    const r = await run([SEED.pathname]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("标题：中站区2022年水污染防治攻坚战实施方案");
    expect(r.stdout).toContain("任务（19项）");
    expect(r.stdout).toMatch(/\n13 +推动企业绿色发展 .*各办事处 +2022-12-31\n/);
    expect(r.stdout).toContain("【(二)巩固提升饮用水安全保障水平】");
  });

  it("reads stdin with FILE -", async () => {
    const r = await run(["-", "--json"], seed);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks).toHaveLength(19);
  });

  it("reads .docx through mammoth", async () => {
    const lines = seed.split("\n").filter((l) => l.trim());
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
    const file = join(dir, "plan.docx");
    await writeFile(file, await Packer.toBuffer(doc));
    const r = await run([file, "--json"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.tasks).toHaveLength(19);
    expect(out.tasks[12].units.co_lead).toEqual(["中站生态环境分局", "区发展和改革委员会", "区农业农村局", "区科技和工业信息化局"]);
  });

  it("lists unknown units and takes --year", async () => {
    const file = join(dir, "small.txt");
    await writeFile(file, "三、主要任务\n1.开展排查。6月底前完成。（区水务集团牵头，各办事处负责落实）");
    const r = await run([file, "--json", "--year", "2024"]);
    const out = JSON.parse(r.stdout);
    expect(out.tasks[0].deadlines).toEqual([{ date: "2024-06-30", text: "6月底前" }]);
    expect(out.unknownUnits).toEqual([{ name: "区水务集团", taskNumbers: ["1"] }]);
    const table = await run([file, "--year", "2024"]);
    expect(table.stdout).toContain("区水务集团（任务 1）");
  });

  it.each([
    ["no FILE", []],
    ["two FILEs", ["a.txt", "b.txt"]],
    ["an unknown option", ["a.txt", "--nope"]],
    ["a bad year", ["a.txt", "--year", "22"]],
    ["a missing file", ["/nonexistent/plan.txt"]],
  ])("exits 2 on %s", async (_what, argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toBe("");
  });
});
