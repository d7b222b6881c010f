import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPacket } from "./check";

// shared test data lives beside the repo: ../shared/hj212 from the repo root
const rows = readFileSync(new URL("../../../shared/hj212/corpus.tsv", import.meta.url), "utf8")
  .split("\n").slice(1).filter((l) => l.trim())
  .map((l) => {
    const [id, crcOk, lenOk, source, packet] = l.split("\t");
    return { id, crcOk: crcOk === "True", lenOk: lenOk === "True", source, packet };
  });

describe("corpus.tsv (packets from other implementations)", () => {
  it("has 116 packets", () => expect(rows).toHaveLength(116));

  it.each(rows.map((r) => [r.id, r] as const))("packet %s is classified as its crc_ok/len_ok columns say", (_id, r) => {
    const c = checkPacket(r.packet);
    expect({ crcOk: c.crcOk, lengthOk: c.lengthOk }).toEqual({ crcOk: r.crcOk, lengthOk: r.lenOk });
    if (!r.crcOk || !r.lenOk) {
      expect(c.ok).toBe(false);
      expect(c.reason?.code).toBe(r.lenOk ? "frame.crc_mismatch" : "frame.length_mismatch");
    }
    expect(c.ok).toBe(c.reason === null);
  });

  it("accepts lower-case CRC hex with a warning", () => {
    for (const id of ["9", "21", "33"]) {
      const c = checkPacket(rows.find((r) => r.id === id)!.packet);
      expect(c.crcOk).toBe(true);
      expect(c.warnings).toContain("crc.lower_case");
    }
  });

  // how the corpus's deliberate oddities are read (see report)
  it.each([
    ["21", true, "2005", null], // 2005 packet without QN or Flag
    ["9", false, null, "packet.version_unsupported"], // Flag=8 (HJ 212-2025 per one library): not accepted yet
    ["225", false, null, "packet.version_unsupported"],
    ["105", true, "2017", null], // "Flag=5CP=&&": missing ';' tolerated
    ["111", true, "2017", null], // "QN=…,ST=32": ',' between header fields tolerated
    ["25", true, "2005", null], // Flag=3 without PNUM/PNO (2005 examples): read as unsplit
    ["23", true, "2017", null], // Flag=7 without PNUM/PNO
    ["167", false, "2005", "packet.field_missing"], // 2005 9014 without PW/MN
    ["31", false, "2005", "frame.crc_mismatch"], // 1623-char segment: also over 1024
  ] as const)("packet %s → ok %s, version %s, reason %s", (id, ok, version, reason) => {
    const c = checkPacket(rows.find((r) => r.id === id)!.packet);
    expect(c.ok).toBe(ok);
    expect(c.version).toBe(version);
    expect(c.reason?.code ?? null).toBe(reason);
  });

  it("reports header fields of good packets", () => {
    const c = checkPacket(rows.find((r) => r.id === "19")!.packet);
    expect(c).toMatchObject({ ok: true, st: "32", cn: "1062", mn: "010000A8900016F000169DC0", qn: "20160801085857223", version: "2017" });
  });
});
