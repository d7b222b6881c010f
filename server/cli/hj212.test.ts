import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hj212Check } from "./hj212";
import { runCli } from "../test/runCli";

/** Runs `qingliu hj212 check` in-process; its output lines parsed as JSON in `json`. */
async function run(argv: string[], input = "") {
  const r = await runCli(hj212Check, argv, input);
  return { ...r, json: r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l)) };
}

const GOOD = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";
const BAD_CRC = GOOD.replace(/1C80$/, "1C81");
const LOWER = "##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&f001";

describe("qingliu hj212 check", () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "hj212-")); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it("has the words and a help text", () => {
    expect(hj212Check.words).toEqual(["hj212", "check"]);
    expect(hj212Check.help).toContain("qingliu hj212 check");
  });

  it("checks stdin line by line, CR LF optional, blank lines skipped", async () => {
    const r = await run([], `${GOOD}\r\n\r\n${BAD_CRC}\n${LOWER}`);
    expect(r.code).toBe(1);
    expect(r.json.map((j) => [j.line, j.ok, j.crcOk, j.lengthOk, j.reason?.code ?? null])).toEqual([
      [1, true, true, true, null], [3, false, false, true, "frame.crc_mismatch"], [4, true, true, true, null],
    ]);
    expect(r.json[0]).toMatchObject({ version: "2017", st: "32", cn: "1062", mn: "010000A8900016F000169DC0", qn: "20160801085857223" });
    expect(r.json[2].warnings).toEqual(["crc.lower_case"]);
    expect(r.json[1].reason.message.zh).toBe("CRC校验错误");
  });

  it("reads a FILE and exits 0 when every packet is good", async () => {
    const file = join(dir, "p.txt");
    await writeFile(file, `${GOOD}\r\n${LOWER}\r\n`);
    const r = await run([file]);
    expect(r.code).toBe(0);
    expect(r.json).toHaveLength(2);
  });

  it("reads stdin for '-', and survives garbage lines", async () => {
    const r = await run(["-"], "hello\n##12\n");
    expect(r.code).toBe(1);
    expect(r.json.map((j) => j.reason.code)).toEqual(["frame.header_missing", "frame.length_invalid"]);
  });

  it("exits 2 on a missing file or extra arguments", async () => {
    expect((await run([join(dir, "nope.txt")])).code).toBe(2);
    expect((await run(["a", "b"])).code).toBe(2);
    expect((await run(["--bogus"])).code).toBe(2);
  });
});
