import { describe, expect, it } from "vitest";
import { checkPacket, Framer, parseHjTime, parsePacket, readingsOf, splitPacketText } from "../../domain/hj212";
import { buildFleet, DEFAULT_FLEET, simulateRegistered } from "./devices";
import { Tally } from "./summary";
import { FAULT_KINDS, NO_FAULTS, faultRatesProblem, type FaultKind } from "./faults";
import { DeviceScript, type Outgoing } from "./script";

const T0 = Date.parse("2024-06-01T07:30:00+08:00");
const fleet = buildFleet({ ...DEFAULT_FLEET, devices: 6, seed: 3 });

/** All packets of `device` over `minutes` simulated minutes, advanced in 7-second steps like a runner would. */
function run(deviceIndex: number, minutes: number, faults = NO_FAULTS, intervalMs = 60_000): Outgoing[] {
  const s = new DeviceScript(fleet[deviceIndex], { intervalMs, faults }, T0);
  const out: Outgoing[] = [];
  const end = T0 + minutes * 60_000;
  for (let t = T0; t < end; t += 7_000) out.push(...s.advance(t));
  return [...out, ...s.advance(end), ...s.flush()];
}

const only = (k: FaultKind, rate = 0.2) => ({ ...NO_FAULTS, [k]: rate });
const dataTimeOf = (text: string) => parsePacket(splitPacketText(text).segment);
/** The parsed packet of a well-formed text. */
const packetOf = (text: string) => {
  const p = dataTimeOf(text);
  if (!p.ok) throw new Error(p.reason.code);
  return p.packet;
};

describe("device script: schedule and packets", () => {
  it("sends 2011 every interval, 2051 every minute and 2061 every hour, DataTime the sampling instant or period start", () => {
    const out = run(0, 120, NO_FAULTS, 300_000);
    const count = (cn: string) => out.filter((o) => o.cn === cn).length;
    expect(count("2011")).toBe(24);
    expect(count("2051")).toBe(120);
    expect(count("2061")).toBe(2);
    const hours = out.filter((o) => o.cn === "2061");
    expect(hours.map((o) => new Date(o.dataTime).toISOString())).toEqual(["2024-05-31T23:00:00.000Z", "2024-06-01T00:00:00.000Z"]); // 07:00 and 08:00 China time
    for (const o of hours) expect(o.at - o.dataTime).toBe(3_600_000);
    for (const o of out.filter((o) => o.cn === "2051")) expect(o.at - o.dataTime).toBe(60_000);
    const rts = out.filter((o) => o.cn === "2011");
    for (let i = 1; i < rts.length; i++) expect(rts[i].dataTime - rts[i - 1].dataTime).toBe(300_000);
  });

  it("every packet frames, passes the CRC and parses, with Flag=5, the device's header and a reading per factor", () => {
    for (let i = 0; i < fleet.length; i++) {
      const d = fleet[i];
      for (const o of run(i, 90)) {
        const check = checkPacket(o.text);
        expect(check.reason, o.text).toBeNull();
        expect(check).toMatchObject({ ok: true, crcOk: true, lengthOk: true, version: "2017", st: d.st, cn: o.cn, mn: d.mn, qn: o.qn, warnings: [] });
        expect(o.text.endsWith("\r\n")).toBe(true);
        expect(splitPacketText(o.text).segment.length).toBeLessThanOrEqual(1024);
        const p = dataTimeOf(o.text);
        if (!p.ok) throw new Error(p.reason.code);
        expect(p.packet).toMatchObject({ pw: d.pw, flag: { value: 5, version: 1, a: true, d: false } });
        expect(parseHjTime(p.packet.cp.dataTime!)).not.toBeNull();
        expect(new Date(parseHjTime(p.packet.cp.dataTime!)!).getTime()).toBe(o.dataTime);
        const r = readingsOf(p.packet);
        expect(r.rejections).toEqual([]);
        const kinds = o.cn === "2011" ? ["rtd"] : d.kind === "enterprise" ? ["min", "avg", "max", "cou"] : ["min", "avg", "max"];
        expect(r.readings).toHaveLength(d.factors.length * kinds.length);
        expect(new Set(r.readings.map((x) => x.kind))).toEqual(new Set(kinds));
        expect(r.readings.every((x) => x.flag === "N")).toBe(true);
      }
    }
  });

  it("QNs come from simulated time and strictly increase per device; packets are deterministic", () => {
    const out = run(1, 180);
    for (let i = 1; i < out.length; i++) expect(out[i].qn > out[i - 1].qn).toBe(true);
    expect(out[0].qn.slice(0, 12)).toBe("202406010730");
    expect(run(1, 180).map((o) => o.text)).toEqual(out.map((o) => o.text));
    // minute and real-time upload at the same instant: QN one millisecond apart
    const at = out.filter((o) => o.at === out.find((x) => x.cn === "2051")!.at);
    if (at.length > 1) expect(Number(at[1].qn) - Number(at[0].qn)).toBe(1);
  });

  it("sends minute statistics consistent with the real-time values of that minute", () => {
    const out = run(1, 10, NO_FAULTS, 10_000);
    const minute = out.find((o) => o.cn === "2051")!;
    const rts = out.filter((o) => o.cn === "2011" && o.dataTime >= minute.dataTime && o.dataTime < minute.dataTime + 60_000);
    expect(rts).toHaveLength(6);
    const rtdOf = (o: Outgoing) => Number(readingsOf(packetOf(o.text)).readings[0].value);
    const stats = readingsOf(packetOf(minute.text)).readings.filter((r) => r.factor === "w01018");
    const [min, avg, max] = ["min", "avg", "max"].map((k) => stats.find((r) => r.kind === k)!.value);
    expect(min).toBeLessThanOrEqual(avg);
    expect(avg).toBeLessThanOrEqual(max);
    // both sample the same signal a few seconds apart: they differ by the noise only
    const noise = fleet[1].factors[0].noise;
    expect(Math.abs(avg - rts.reduce((s, o) => s + rtdOf(o), 0) / 6)).toBeLessThan(3 * noise);
  });
});

describe("fault injection", () => {
  it("validates rates", () => {
    expect(faultRatesProblem(NO_FAULTS)).toBeNull();
    expect(faultRatesProblem({ ...NO_FAULTS, badCrc: 0.6, garbage: 0.6 })).toMatch(/more than 1/);
    expect(faultRatesProblem({ ...NO_FAULTS, badCrc: -1 })).toMatch(/badCrc/);
  });

  it("draws each fault at about its rate and at most one per packet, reproducibly", () => {
    const rates = { badCrc: 0.05, garbage: 0.05, disconnect: 0.05, retransmit: 0.05, outOfOrder: 0.1 };
    const out = run(2, 24 * 60, rates);
    const firsts = out.filter((o) => !o.repeat);
    for (const k of FAULT_KINDS) {
      const n = firsts.filter((o) => o.fault === k).length;
      const eligible = k === "outOfOrder" ? firsts.filter((o) => o.cn !== "2011").length : firsts.length;
      expect(n / eligible, k).toBeGreaterThan(rates[k] * 0.6);
      expect(n / eligible, k).toBeLessThan(rates[k] * 1.5);
    }
    expect(run(2, 24 * 60, rates).map((o) => [o.qn, o.fault])).toEqual(out.map((o) => [o.qn, o.fault]));
  });

  it("badCrc: only the 4 CRC digits differ; length and data segment intact; the codec reports a CRC mismatch", () => {
    const bad = run(3, 60, only("badCrc")).filter((o) => o.fault === "badCrc");
    expect(bad.length).toBeGreaterThan(5);
    for (const o of bad) {
      const w = o.wire!;
      expect(w.length).toBe(o.text.length);
      expect(w.slice(0, -6)).toBe(o.text.slice(0, -6));
      expect(w.slice(-6, -2)).not.toBe(o.text.slice(-6, -2));
      expect(w.slice(-6, -2)).toMatch(/^[0-9A-F]{4}$/);
      const c = checkPacket(w);
      expect(c).toMatchObject({ ok: false, crcOk: false, lengthOk: true, qn: o.qn, mn: o.mn });
      expect(c.reason?.code).toBe("frame.crc_mismatch");
    }
  });

  it("garbage: junk without '#', CR or LF before an intact packet; the framer drops exactly those bytes", () => {
    const junk = run(4, 60, only("garbage")).filter((o) => o.fault === "garbage");
    expect(junk.length).toBeGreaterThan(5);
    for (const o of junk) {
      const g = o.garbage!;
      expect(g.length).toBeGreaterThan(0);
      expect([...g].some((b) => b === 0x23 || b === 0x0d || b === 0x0a)).toBe(false);
      const bytes = new Uint8Array([...g, ...new TextEncoder().encode(o.text)]);
      const events = [...new Framer().feed(bytes)];
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ type: "error", reason: { code: "frame.garbage" }, skipped: g.length });
      expect(events[1]).toMatchObject({ type: "frame", reason: null, crcOk: true });
    }
  });

  it("disconnect: a strict prefix is written, which the framer holds as incomplete", () => {
    const cut = run(5, 60, only("disconnect")).filter((o) => o.fault === "disconnect");
    expect(cut.length).toBeGreaterThan(5);
    for (const o of cut) {
      expect(o.cutAt).toBeGreaterThanOrEqual(1);
      expect(o.cutAt).toBeLessThan(o.text.length);
      const framer = new Framer();
      const events = [...framer.feed(o.text.slice(0, o.cutAt))];
      expect(events.filter((e) => e.type === "frame")).toEqual([]);
      expect(framer.buffered).toBeGreaterThan(0);
    }
  });

  it("retransmit: the identical packet (same QN) again, after one newer packet", () => {
    const out = run(1, 60, only("retransmit"));
    const originals = out.filter((o) => o.fault === "retransmit" && !o.repeat);
    expect(originals.length).toBeGreaterThan(5);
    for (const o of originals) {
      const copies = out.filter((x) => x.qn === o.qn);
      expect(copies).toHaveLength(2);
      expect(copies[1]).toMatchObject({ repeat: true, text: o.text });
      const gap = out.indexOf(copies[1]) - out.indexOf(copies[0]);
      expect(gap).toBeGreaterThanOrEqual(2); // the next event's packet (and perhaps a released one) in between
    }
  });

  it("outOfOrder: a minute/hour upload sent late, after newer data, with its old DataTime and a fresh, larger QN", () => {
    const out = run(2, 3 * 60, only("outOfOrder", 0.3));
    const late = out.filter((o) => o.fault === "outOfOrder");
    expect(late.length).toBeGreaterThan(5);
    // (those still held when the run ends are flushed at its last instant)
    for (const o of late.filter((x) => x.at < T0 + 3 * 3_600_000)) {
      expect(o.cn).not.toBe("2011");
      const i = out.indexOf(o);
      const due = o.dataTime + (o.cn === "2051" ? 60_000 : 3_600_000);
      expect(o.at).toBeGreaterThan(due);
      // packets of later events went out first
      expect(out.slice(0, i).some((x) => x.at > due && x.dataTime > o.dataTime)).toBe(true);
      expect(out.slice(0, i).every((x) => x.qn < o.qn)).toBe(true);
      expect(checkPacket(o.text).ok).toBe(true);
    }
    // nothing lost: every minute of the run is sent exactly once
    const minutes = out.filter((o) => o.cn === "2051").map((o) => o.dataTime);
    expect(new Set(minutes).size).toBe(minutes.length);
    expect(minutes.length).toBe(180);
  });
});

describe("device script: history (补发) and minute data off", () => {
  it("history sends the whole hours between two instants, oldest first, with QNs before the live ones", () => {
    const s = new DeviceScript(fleet[0], { intervalMs: 300_000, faults: NO_FAULTS, minuteData: false }, T0);
    // T0 is 07:30: from 04:10 the whole hours are 05:00, 06:00 (06:00–07:00 ended; 07:00–08:00 has not).
    const past = s.history(T0 - (3 * 60 + 20) * 60_000, T0);
    expect(past.map((o) => [o.cn, new Date(o.dataTime).toISOString()])).toEqual([
      ["2061", "2024-05-31T21:00:00.000Z"], ["2061", "2024-05-31T22:00:00.000Z"],
    ]);
    expect(past.every((o) => o.fault === null)).toBe(true);
    const live = s.advance(T0 + 60 * 60_000);
    // Minute data off: real-time every 5 minutes and the 08:00 hour upload only.
    expect(new Set(live.map((o) => o.cn))).toEqual(new Set(["2011", "2061"]));
    expect(live.filter((o) => o.cn === "2011")).toHaveLength(12);
    const qns = [...past, ...live].map((o) => o.qn);
    expect([...qns].sort()).toEqual(qns);
    expect(new Set(qns).size).toBe(qns.length);
  });

  it("simulates a registered device with the profiles of its registered factors only", () => {
    const d = simulateRegistered({ mn: "ZZDEMO00000007", pw: "abc123", st: "32", name: "排口", factors: ["w01018", "w21017", "w99999"] }, 0, 1);
    expect(d).toMatchObject({ mn: "ZZDEMO00000007", pw: "abc123", st: "32", kind: "enterprise" });
    expect(d.factors.map((f) => f.code)).toEqual(["w01018", "w21017"]);
  });

  it("a tally that keeps no records still counts what was answered", () => {
    const t = new Tally(false);
    const o = (qn: string) => ({ mn: "M", cn: "2011", qn, dataTime: 0, at: 0, text: "", fault: null, repeat: false }) as Outgoing;
    t.wrote(o("1"), null);
    t.wrote(o("2"), null);
    t.wrote(o("3"), null);
    t.ack("M", "1");
    t.refuse("M", "2", 9);
    expect(t.records.size).toBe(1);
    expect(t.summary({ devices: 1, durationMs: 1000, simulatedFrom: 0, simulatedTo: 0, backlog: 0 })).toMatchObject({
      packets: 3, acked: 1, refused: { "9": 1 }, unacknowledged: 1,
    });
  });
});
