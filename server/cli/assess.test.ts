import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assess } from "./assess";
import { runCli } from "../test/runCli";

/** Runs `qingliu assess` in-process; `input` is fed on stdin (use FILE "-"). */
const run = (argv: string[], input = "") => runCli(assess, argv, input);

const json = (v: unknown) => JSON.stringify(v);

describe("qingliu assess --json", () => {
  // [what, input, expected output]
  const cases: [string, unknown, unknown][] = [
    [
      // DO 4.8 Ⅳ, NH3-N 1.2 Ⅳ ((1.2 − 1)/1 = 0.2); DO has no multiple and follows in its class
      "the brief's example",
      [{ body: "river", sample: { w01009: 4.8, w21003: 1.2 } }],
      [{ class: 4, perFactor: { w01009: 4, w21003: 4 }, mainPollutants: [{ code: "w21003", multiple: 0.2 }, { code: "w01009", multiple: null }], separate: {} }],
    ],
    [
      // NH3-N 3.0 vs Ⅲ 1.0 → 2.0; lake TP 0.04 Ⅲ; lake TN 1.6 Ⅴ separate
      "劣Ⅴ with multiple 2, lake TN separate",
      [{ body: "lake", sample: { w21003: 3.0, w21011: 0.04, w21001: 1.6 } }],
      [{ class: 6, perFactor: { w21003: 6, w21011: 3 }, mainPollutants: [{ code: "w21003", multiple: 2 }], separate: { w21001: 5 } }],
    ],
    [
      "one output per input, Ⅱ class without pollutants",
      [{ body: "river", sample: { w21011: 0.06 } }, { body: "lake", sample: { w21011: 0.06 } }],
      [
        { class: 2, perFactor: { w21011: 2 }, mainPollutants: [], separate: {} },
        // (0.06 − 0.05)/0.05 = 0.2
        { class: 4, perFactor: { w21011: 4 }, mainPollutants: [{ code: "w21011", multiple: 0.2 }], separate: {} },
      ],
    ],
  ];
  it.each(cases)("%s", async (_what, input, expected) => {
    const r = await run(["-", "--json"], json(input));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });
});

describe("qingliu assess FILE", () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), "qingliu-assess-"))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads a file and prints a Chinese table", async () => {
    const file = join(dir, "in.json");
    await writeFile(file, json([
      { body: "river", sample: { w01009: 4.8, w21003: 1.2 } },
      { body: "river", sample: { w21003: 2.5, w01019: 5 } },
      { body: "lake", sample: { w21003: 0.4, w02003: 30000 } },
    ]));
    const r = await run([file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^序号\s+水体\s+水质类别\s+水质状况\s+主要污染指标\(超标倍数\)\s+单项类别$/);
    expect(lines[1]).toMatch(/^1\s+河流\s+Ⅳ类\s+轻度污染\s+氨氮\(0\.20\)、溶解氧\s+溶解氧 Ⅳ类，氨氮 Ⅳ类$/);
    expect(lines[2]).toMatch(/^2\s+河流\s+劣Ⅴ类\s+重度污染\s+氨氮\(1\.50\)\s/);
    expect(lines[3]).toMatch(/^3\s+湖库\s+Ⅱ类\s+优\s+—\s+氨氮 Ⅱ类，粪大肠菌群\* Ⅴ类$/);
    expect(r.stdout).toContain("* 参考指标");
  });

  it("a missing file is invalid input", async () => {
    const r = await run([join(dir, "nope.json"), "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });
});

describe("invalid input → stderr, exit 2", () => {
  // [what, stdin text, message pattern]
  const cases: [string, string, RegExp][] = [
    ["not JSON", "{oops", /invalid JSON/],
    ["not an array", json({ body: "river" }), /must be a JSON array/],
    ["empty array", "[]", /empty/],
    ["item not an object", json([1]), /\[0\]: .*must be an object/],
    ["bad body", json([{ body: "sea", sample: { w21003: 1 } }]), /\[0\]\.body: .*"river" or "lake"/],
    ["missing sample", json([{ body: "river" }]), /\[0\]\.sample: /],
    ["unknown code", json([{ body: "river", sample: { w21003: 1, x1: 2 } }]), /\[0\]\.sample\.x1: .*unknown HJ 212 factor code/],
    ["negative value", json([{ body: "river", sample: { w21003: -1 } }]), /\[0\]\.sample\.w21003: .*non-negative number, got -1/],
    ["string value", json([{ body: "river", sample: { w21003: "1.2" } }]), /non-negative number, got "1.2"/],
    ["pH over 14", json([{ body: "river", sample: { w01001: 15 } }]), /pH must be 0–14/],
    ["nothing to class (river TN only)", json([{ body: "river", sample: { w21001: 3, w01010: 20 } }]), /no routine/],
    ["same item twice (total and dissolved Hg)", json([{ body: "river", sample: { w20111: 0.0001, w20142: 0.0001 } }]), /twice/],
    ["every problem is listed", json([{ body: "sea", sample: { w21003: 1 } }, { body: "river", sample: { w21003: -1 } }]), /\[0\]\.body[\s\S]*\[1\]\.sample\.w21003/],
  ];
  it.each(cases)("%s", async (_what, input, pattern) => {
    const r = await run(["-", "--json"], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(pattern);
  });

  it.each([[[] as string[]], [["a.json", "b.json"]], [["-", "--bogus"]]])("arguments %j", async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: qingliu assess FILE");
  });
});
