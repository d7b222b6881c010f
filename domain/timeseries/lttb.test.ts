import { describe, expect, it } from "vitest";
import { lttb, lttbIndices } from "./lttb";

describe("lttbIndices", () => {
  it("keeps every point when there are no more than the threshold", () => {
    expect(lttbIndices([0, 1, 2], [1, 2, 3], 5)).toEqual([0, 1, 2]);
    expect(lttbIndices([0, 1, 2, 3], [1, 2, 3, 4], 2)).toEqual([0, 1, 2, 3]);
    expect(lttbIndices([], [], 10)).toEqual([]);
  });

  it("keeps first, last and the spike", () => {
    expect(lttbIndices([0, 1, 2, 3, 4], [0, 5, 0, 0, 0], 3)).toEqual([0, 1, 4]);
    const ys = Array.from({ length: 1000 }, (_, i) => (i === 637 ? 100 : i === 211 ? -80 : Math.sin(i / 50)));
    const kept = lttbIndices(ys.map((_, i) => i), ys, 50);
    expect(kept).toHaveLength(50);
    expect(kept[0]).toBe(0);
    expect(kept[49]).toBe(999);
    expect(kept).toContain(637);
    expect(kept).toContain(211);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });

  it("rejects mismatched arrays", () => {
    expect(() => lttbIndices([0, 1], [1], 5)).toThrow(RangeError);
  });
});

describe("lttb", () => {
  it("turns a year of minute data into at most 2,000 points, keeping the extremes", () => {
    const start = Date.UTC(2024, 0, 1);
    const n = 366 * 24 * 60;
    const rows = Array.from({ length: n }, (_, i) => ({
      t: start + i * 60_000,
      v: i === 123_456 ? 9.9 : i === 400_000 ? 0.01 : 1 + 0.5 * Math.sin(i / 1440),
      flag: i === 123_456 ? "T" : "N",
    }));
    const out = lttb(rows, 2000, (r) => r.t, (r) => r.v);
    expect(out.length).toBe(2000);
    expect(out[0]).toBe(rows[0]);
    expect(out[out.length - 1]).toBe(rows[n - 1]);
    expect(out.find((r) => r.v === 9.9)?.flag).toBe("T");
    expect(out.some((r) => r.v === 0.01)).toBe(true);
  });

  it("leaves out points without a value", () => {
    const rows = [{ t: 0, v: 1 }, { t: 1, v: null }, { t: 2, v: 3 }];
    expect(lttb(rows, 10, (r) => r.t, (r) => r.v)).toEqual([{ t: 0, v: 1 }, { t: 2, v: 3 }]);
  });
});
