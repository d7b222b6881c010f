import { describe, expect, it } from "vitest";
import { buildFleet, DEFAULT_FLEET, fleetProblem, listDevices } from "./devices";
import { formatValue, periodStats, valueAt } from "./values";
import { waterFactor } from "../../domain/hj212";
import { parseDuration, parseExceed, parseRate } from "./parse";

const DAY = 86_400_000;
const T0 = Date.parse("2024-06-01T00:00:00+08:00");

/** Plausible bounds of every value sent, per system code and factor. */
const BOUNDS: Record<string, Record<string, [number, number]>> = {
  "21": {
    w01001: [6.5, 8.8], w01009: [2, 14], w01019: [1, 9], w21003: [0, 1.6], w21011: [0, 0.3], w21001: [0.2, 2.5],
    w21017: [0.1, 1.1], w01010: [8, 30], w01014: [250, 700], w01003: [0, 40],
  },
  "32": { w01018: [5, 90], w21003: [0, 7], w21017: [0, 3], w00000: [0, 70] },
};

describe("simulated fleet", () => {
  it("mixes stations (every third) and enterprises with the factors of the brief, all in Table B.1 (turbidity aside)", () => {
    const fleet = buildFleet({ ...DEFAULT_FLEET, devices: 6 });
    expect(fleet.map((d) => [d.mn, d.st, d.kind])).toEqual([
      ["QLSIM0001", "21", "station"], ["QLSIM0002", "32", "enterprise"], ["QLSIM0003", "32", "enterprise"],
      ["QLSIM0004", "21", "station"], ["QLSIM0005", "32", "enterprise"], ["QLSIM0006", "32", "enterprise"],
    ]);
    expect(fleet[0].factors.map((f) => f.code)).toEqual(["w01001", "w01009", "w01019", "w21003", "w21011", "w21001", "w21017", "w01010", "w01014", "w01003"]);
    expect(fleet[1].factors.map((f) => f.code)).toEqual(["w01018", "w21003", "w21017", "w00000"]);
    for (const f of [...fleet[0].factors, ...fleet[1].factors]) expect(waterFactor(f.code), f.code).toBeDefined();
    expect(waterFactor("w01003")?.nonStandard).toBe(true);
  });

  it("lists what to register: MN, password, ST, expected factors and a point", () => {
    const list = listDevices({ ...DEFAULT_FLEET, devices: 2, mnPrefix: "AB", pw: "654321" });
    expect(list[1]).toEqual({
      mn: "AB0002", pw: "654321", st: "32", kind: "enterprise", name: "模拟企业排口2",
      expectedFactors: ["w01018", "w21003", "w21017", "w00000"],
      point: { code: "SIM-AB0002", name: "模拟企业排口2", kind: "outlet" },
    });
    expect(list[0].point.kind).toBe("auto_station");
  });

  it("refuses MNs over 24 characters and unsafe prefixes or passwords", () => {
    expect(fleetProblem({ ...DEFAULT_FLEET, mnPrefix: "X".repeat(21) })).toMatch(/24/);
    expect(fleetProblem({ ...DEFAULT_FLEET, mnPrefix: "A;B" })).toMatch(/mn-prefix/);
    expect(fleetProblem({ ...DEFAULT_FLEET, pw: "a=b" })).toMatch(/pw/);
    expect(fleetProblem({ ...DEFAULT_FLEET, devices: 0 })).toMatch(/devices/);
    expect(() => buildFleet({ ...DEFAULT_FLEET, mnPrefix: "X".repeat(30) })).toThrow();
  });
});

describe("value generator", () => {
  const fleet = buildFleet({ ...DEFAULT_FLEET, devices: 30, seed: 7 });

  it("is deterministic by seed and differs between seeds and devices", () => {
    const again = buildFleet({ ...DEFAULT_FLEET, devices: 30, seed: 7 });
    const other = buildFleet({ ...DEFAULT_FLEET, devices: 30, seed: 8 });
    const sample = (fl: typeof fleet) => fl.map((d) => d.factors.map((f) => valueAt(f, T0 + 12_345_000)));
    expect(sample(again)).toEqual(sample(fleet));
    expect(sample(other)).not.toEqual(sample(fleet));
    expect(valueAt(fleet[1].factors[0], T0)).not.toBe(valueAt(fleet[2].factors[0], T0));
  });

  it("stays within plausible ranges over a week, sampled every 7 minutes", () => {
    for (const d of fleet) {
      for (const f of d.factors) {
        const [lo, hi] = BOUNDS[d.st][f.code];
        for (let t = T0; t < T0 + 7 * DAY; t += 7 * 60_000) {
          const v = valueAt(f, t);
          if (v < lo || v > hi) expect.fail(`${d.mn} ${f.code} = ${v} at ${new Date(t).toISOString()} outside [${lo}, ${hi}]`);
        }
      }
    }
  });

  it("follows the day: DO and pH peak in the afternoon, NH3-N at stations in the morning, enterprise flow by day", () => {
    /** Mean over 14 days of the value at `hour` China time. */
    const meanAt = (f: (typeof fleet)[0]["factors"][0], hour: number) => {
      let s = 0;
      for (let day = 0; day < 14; day++) s += valueAt(f, T0 + day * DAY + hour * 3_600_000);
      return s / 14;
    };
    const stations = fleet.filter((d) => d.kind === "station");
    const enterprises = fleet.filter((d) => d.kind === "enterprise");
    const of = (d: (typeof fleet)[0], code: string) => d.factors.find((f) => f.code === code)!;
    for (const d of stations) {
      expect(meanAt(of(d, "w01009"), 15)).toBeGreaterThan(meanAt(of(d, "w01009"), 3) + 1);
      expect(meanAt(of(d, "w01001"), 15)).toBeGreaterThan(meanAt(of(d, "w01001"), 3));
      expect(meanAt(of(d, "w21003"), 8)).toBeGreaterThan(meanAt(of(d, "w21003"), 20));
    }
    for (const d of enterprises) expect(meanAt(of(d, "w00000"), 13)).toBeGreaterThan(meanAt(of(d, "w00000"), 1) + 10);
  });

  it("has noise: consecutive seconds differ, and a minute's min ≤ avg ≤ max with min < max", () => {
    const f = fleet[0].factors[1];
    expect(valueAt(f, T0)).not.toBe(valueAt(f, T0 + 1000));
    const s = periodStats(f, T0, 10_000, 6);
    expect(s.min).toBeLessThanOrEqual(s.avg);
    expect(s.avg).toBeLessThanOrEqual(s.max);
    expect(s.min).toBeLessThan(s.max);
  });

  it("--exceed holds a factor at or up to a few percent above the value, on every device or one MN", () => {
    const ex = buildFleet({ ...DEFAULT_FLEET, devices: 6, exceed: [{ factor: "w21003", value: 8 }, { mn: "QLSIM0002", factor: "w01018", value: 120 }] });
    for (const d of ex) {
      const nh3 = d.factors.find((f) => f.code === "w21003")!;
      for (let t = T0; t < T0 + DAY; t += 61_000) {
        const v = valueAt(nh3, t);
        expect(v).toBeGreaterThanOrEqual(8);
        expect(v).toBeLessThan(8 * 1.05);
      }
    }
    expect(valueAt(ex[1].factors[0], T0)).toBeGreaterThanOrEqual(120);
    expect(valueAt(ex[2].factors[0], T0)).toBeLessThan(120);
  });

  it("formats with the factor's decimals and never as -0", () => {
    expect(formatValue(7.125, 2)).toBe("7.13");
    expect(formatValue(-0.0001, 2)).toBe("0.00");
  });
});

describe("option values", () => {
  it.each([["60s", 60_000], ["5m", 300_000], ["1h", 3_600_000], ["500ms", 500], ["2", 2000], ["1.5s", 1500], ["x", null], ["-1s", null]])(
    "duration %s → %s", (s, ms) => expect(parseDuration(s)).toBe(ms));
  it.each([["0.05", 0.05], ["5%", 0.05], ["0", 0], ["1", 1], ["2", null], ["", null], ["abc", null]])(
    "rate %s → %s", (s, r) => expect(parseRate(s)).toBe(r));
  it("exceedances", () => {
    expect(parseExceed("w21003=8")).toEqual({ factor: "w21003", value: 8 });
    expect(parseExceed("QLSIM0002:w01018=120.5")).toEqual({ mn: "QLSIM0002", factor: "w01018", value: 120.5 });
    expect(parseExceed("w99999=1")).toBeNull();
    expect(parseExceed("w21003")).toBeNull();
  });
});
