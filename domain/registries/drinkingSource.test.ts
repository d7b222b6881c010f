import { describe, expect, it } from "vitest";
import { transitionOf } from "./lifecycle";
import type { Geometry } from "./geo";
import { areaKm2, PROBLEM_LIFECYCLE, problemBoard, problemStepProblems, sourceMonths, zoneNestingProblems, zoneWithin } from "./drinkingSource";

const square = (lon: number, lat: number, d: number): Geometry => ({
  type: "Polygon",
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

describe("drinking-water source zones", () => {
  it("checks that each zone lies in the next one out, a shared edge counting as inside", () => {
    const zone1 = square(113.19, 35.24, 0.01);
    const zone2 = square(113.18, 35.23, 0.03);
    const zone3 = square(113.17, 35.22, 0.05);
    expect(zoneNestingProblems({ zone1, zone2, zone3 })).toEqual([]);
    // 一级 drawn on 二级's south-west corner: its vertices lie on the boundary, still inside.
    expect(zoneWithin(square(113.18, 35.23, 0.01), zone2)).toBe(true);
    // 一级 sticking out of 二级 by 0.001° (≈ 90 m).
    expect(zoneNestingProblems({ zone1: square(113.179, 35.24, 0.01), zone2, zone3 })).toEqual([{ zone: "zone1", message: "一级保护区须位于二级保护区内" }]);
    // Without 二级, 一级 is checked against 准保护区.
    expect(zoneNestingProblems({ zone1: square(113.3, 35.24, 0.01), zone3 })).toEqual([{ zone: "zone1", message: "一级保护区须位于准保护区内" }]);
    expect(zoneNestingProblems({ zone2: zone3, zone3: zone2 })).toEqual([{ zone: "zone2", message: "二级保护区须位于准保护区内" }]);
    expect(zoneNestingProblems({})).toEqual([]);
  });

  it("catches an edge that leaves a concave zone and comes back, not only a vertex outside", () => {
    // Hand-made, in units of 0.01° from 113.17 E 35.22 N: a U-shaped 二级 zone 3 × 3 with a notch x 1–2, y 1–3.
    const ring = (pts: [number, number][]) => [...pts, pts[0]].map(([x, y]): [number, number] => [113.17 + x * 0.01, 35.22 + y * 0.01]);
    const poly = (...pts: [number, number][]): Geometry => ({ type: "Polygon", coordinates: [ring(pts)] });
    const dot = (p: [number, number]): Geometry => ({ type: "Polygon", coordinates: [ring([p, p, p])] });
    const u = poly([0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]);
    // A bar across the notch: its four corners lie in the arms, both long edges cross the notch.
    const bar = poly([0.5, 2], [2.5, 2], [2.5, 2.5], [0.5, 2.5]);
    expect(([[0.5, 2], [2.5, 2], [2.5, 2.5], [0.5, 2.5]] as [number, number][]).every((p) => zoneWithin(dot(p), u))).toBe(true);
    expect(zoneWithin(bar, u)).toBe(false);
    expect(zoneNestingProblems({ zone1: bar, zone2: u })).toEqual([{ zone: "zone1", message: "一级保护区须位于二级保护区内" }]);
    // A square whose top edge runs along the notch's floor (y = 1, x 1–2): on the boundary counts as inside.
    expect(zoneWithin(poly([1, 0.5], [2, 0.5], [2, 1], [1, 1]), u)).toBe(true);
    // A diagonal through the notch's corner (1, 1): left arm above it, base below it — inside all along.
    expect(zoneWithin(poly([0.5, 1.5], [1.5, 0.5], [0.5, 0.5]), u)).toBe(true);
    // A diagonal from (0.5, 1.5) to (1.5, 0.9) crosses x = 1 at y = 1.2, inside the notch: outside.
    expect(zoneWithin(poly([0.5, 1.5], [1.5, 0.9], [0.5, 0.5]), u)).toBe(false);
    // The same bar in a zone of two parts (MultiPolygon, the arms): the bridge between them is outside.
    const arms: Geometry = { type: "MultiPolygon", coordinates: [[ring([[0, 0], [1, 0], [1, 3], [0, 3]])], [ring([[2, 0], [3, 0], [3, 3], [2, 3]])]] };
    expect(zoneWithin(bar, arms)).toBe(false);
    expect(zoneWithin(poly([0.2, 0.2], [0.8, 0.2], [0.8, 2.8]), arms)).toBe(true);
  });

  it("computes areas in km²", () => {
    // 0.01° × 0.01° at 35.005° N: 1.11195 km (north) × 1.11195 × cos 35.005° = 0.91085 km (east) → 1.0128 km².
    expect(areaKm2(square(113, 35, 0.01))).toBeCloseTo(1.0128, 3);
    // A hole of a quarter of it.
    const holed: Geometry = { type: "Polygon", coordinates: [(square(113, 35, 0.01) as { coordinates: number[][][] }).coordinates[0] as [number, number][], [[113, 35], [113.005, 35], [113.005, 35.005], [113, 35.005], [113, 35]]] };
    expect(areaKm2(holed)).toBeCloseTo(1.0128 * 0.75, 2);
    expect(areaKm2({ type: "Point", coordinates: [113, 35] })).toBe(0);
  });
});

describe("drinking-water source problems", () => {
  it("follows 待整改 → 整改中 → 已整改待核查 → 已销号, with the office verifying", () => {
    expect(transitionOf(PROBLEM_LIFECYCLE, "open", "submitRectification")?.to).toBe("rectified");
    expect(transitionOf(PROBLEM_LIFECYCLE, "rectified", "close")).toMatchObject({ to: "closed", by: "office" });
    expect(transitionOf(PROBLEM_LIFECYCLE, "rectified", "rejectRectification")).toMatchObject({ to: "rectifying", by: "office" });
    expect(transitionOf(PROBLEM_LIFECYCLE, "open", "close")).toBeNull();
    expect(problemStepProblems("submitRectification", { rectification: "  ", note: null })).toEqual(["须填写整改情况"]);
    expect(problemStepProblems("submitRectification", { rectification: "已拆除", note: null })).toEqual([]);
    expect(problemStepProblems("rejectRectification", { rectification: "已拆除", note: "" })).toEqual(["须说明核查未通过的原因"]);
  });

  it("counts open and overdue problems per source: a source is 清零 when none is open", () => {
    const board = problemBoard(["a", "b", "c"], [
      { sourceId: "a", status: "open", deadline: "2022-06-30" },
      { sourceId: "a", status: "rectified", deadline: "2022-07-31" },
      { sourceId: "a", status: "closed", deadline: "2022-05-31" },
      { sourceId: "b", status: "closed", deadline: null },
    ], "2022-07-01");
    expect(board.get("a")).toEqual({ open: 2, overdue: 1, closed: 1, zero: false });
    expect(board.get("b")).toEqual({ open: 0, overdue: 0, closed: 1, zero: true });
    expect(board.get("c")).toEqual({ open: 0, overdue: 0, closed: 0, zero: true });
  });
});

describe("a source's months from its intakes", () => {
  it("complies in a month only when every evaluated intake does; volumes of evaluated intakes add up", () => {
    const months = sourceMonths([
      [{ month: "2024-01", compliant: true, volume: 100 }, { month: "2024-02", compliant: true, volume: 90 }, { month: "2024-03", compliant: null, volume: 80 }],
      [{ month: "2024-01", compliant: false, volume: 40 }, { month: "2024-02", compliant: null, volume: null }, { month: "2024-03", compliant: null, volume: null }],
    ]);
    expect(months).toEqual([
      { month: "2024-01", compliant: false, intakes: 2, volume: 140 },
      { month: "2024-02", compliant: true, intakes: 1, volume: 90 },
      { month: "2024-03", compliant: null, intakes: 0, volume: 0 },
    ]);
  });
});
