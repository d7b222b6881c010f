import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPacket } from "./check";
import { Framer } from "./frame";
import { parsePacket, serialisePacket } from "./packet";
import { readingsOf } from "./readings";

// shared test data lives beside the repo: ../shared/hj212 from the repo root
const packets = readFileSync(new URL("../../../shared/hj212/device-log.tsv", import.meta.url), "utf8")
  .split("\n").slice(1).filter((l) => l.trim()).map((l) => l.split("\t")[2]);

// The last row (scada-distribute.log:762) is CRC-valid as the README says, but its writer dropped the closing "&&"
// after computing the length: 121 declared, 119 sent, CP unterminated. It is the one packet that must be refused.
const BROKEN = packets.length - 1;

describe("device-log.tsv (4,505 packets from a device simulator)", () => {
  it("has 4,505 packets, all CRC-valid", () => {
    expect(packets).toHaveLength(4505);
    expect(packets.filter((p) => !checkPacket(p).crcOk)).toEqual([]);
  });

  it("every packet but the broken one is accepted, parses, and serialise→parse round-trips", () => {
    const refused: number[] = [];
    const rewritten: number[] = [];
    for (let i = 0; i < packets.length; i++) {
      const c = checkPacket(packets[i]);
      if (!c.ok) { refused.push(i); continue; }
      const segment = packets[i].slice(6, -4);
      const first = parsePacket(segment);
      if (!first.ok) throw new Error(`row ${i}: ${first.reason.code}`);
      const text = serialisePacket(first.packet);
      if (text !== segment) rewritten.push(i);
      const again = parsePacket(text);
      // same parser, same order of keys: JSON text equality is deep equality here, and 20× cheaper than toEqual
      if (!again.ok || JSON.stringify(again.packet) !== JSON.stringify(first.packet)) throw new Error(`row ${i} does not round-trip`);
    }
    expect(refused).toEqual([BROKEN]);
    // byte-identical too, except the row that sends a bare "Flag=N" after its factor: plain parameters are
    // written before factor groups, so that one comes back as "DataTime=…;Flag=N;a34001-Rtd=92"
    expect(rewritten).toEqual([BROKEN - 1]);
    expect(checkPacket(packets[BROKEN]).reason?.code).toBe("frame.length_mismatch");
    expect(parsePacket(packets[BROKEN].slice(6, -4))).toMatchObject({ ok: false, reason: { code: "packet.cp_unterminated" } });
  });

  it("frames the whole log as one stream in 1 KiB chunks", () => {
    const bytes = new TextEncoder().encode(packets.map((p) => p + "\r\n").join(""));
    const framer = new Framer();
    let good = 0, other = 0;
    for (let at = 0; at < bytes.length; at += 1024) {
      for (const ev of framer.feed(bytes.subarray(at, at + 1024))) {
        if (ev.type === "frame" && ev.reason === null) good++;
        else other++;
      }
    }
    expect(good).toBe(4504);
    expect(other).toBe(1); // the broken row: length mismatch
  });

  it("real-time uploads give five water readings each, none refused", () => {
    let readings = 0, uploads = 0;
    for (const p of packets.slice(0, -2)) {
      const r = parsePacket(p.slice(6, -4));
      if (!r.ok || r.packet.cn !== "2011") continue;
      uploads++;
      const out = readingsOf(r.packet);
      expect(out.rejections).toEqual([]);
      readings += out.readings.length;
    }
    expect(readings).toBe(uploads * 5);
  });
});
