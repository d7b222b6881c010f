import { describe, expect, it } from "vitest";
import type { Position } from "../registries/geo";
import { courseLengthKm, courseOf, place, relativeTo } from "./riverReach";

// A river running east along 35°N from 113.00°E to 113.20°E with a bend north at 113.10°E.
const course: Position[] = [[113.0, 35.0], [113.1, 35.0], [113.1, 35.05], [113.2, 35.05]];
// 0.1° of longitude at 35°N: 6371 · π/180 · 0.1 · cos 35° = 9.108 km; 0.05° of latitude: 5.560 km
const KM_LON = 6371 * (Math.PI / 180) * 0.1 * Math.cos((35 * Math.PI) / 180);
const KM_LAT = 6371 * (Math.PI / 180) * 0.05;

describe("placing positions along a course", () => {
  it("chainage and offset of positions near each leg", () => {
    const a = place(course, [113.05, 35.0]);
    expect(a.chainageKm).toBeCloseTo(KM_LON / 2, 2);
    expect(a.offsetKm).toBeCloseTo(0, 6);
    // 1 km north of the middle of the second leg (the bend): chainage 9.108 + 2.78
    const b = place(course, [113.1 + 1 / (6371 * (Math.PI / 180) * Math.cos((35.025 * Math.PI) / 180)), 35.025]);
    expect(b.chainageKm).toBeCloseTo(KM_LON + KM_LAT / 2, 1);
    expect(b.offsetKm).toBeCloseTo(1, 2);
    expect(courseLengthKm(course)).toBeCloseTo(2 * KM_LON + KM_LAT, 1);
  });
  it("before the start and after the end clamp to the ends", () => {
    expect(place(course, [112.9, 35.0]).chainageKm).toBeCloseTo(0, 6);
    expect(place(course, [113.3, 35.05]).chainageKm).toBeCloseTo(2 * KM_LON + KM_LAT, 1);
  });
  it("a lake (polygon) or a point has no course", () => {
    expect(courseOf({ type: "Polygon", coordinates: [[[113, 35], [113.1, 35], [113.1, 35.1], [113, 35]]] })).toBeNull();
    expect(courseOf({ type: "Point", coordinates: [113, 35] })).toBeNull();
    expect(courseOf({ type: "MultiLineString", coordinates: [[[113, 35], [113.1, 35]], [[113.1, 35], [113.2, 35]]] })).toHaveLength(4);
  });
});

describe("up- and downstream of a section", () => {
  const section: Position = [113.1, 35.02]; // on the bend, chainage 9.108 + 2.224
  const items = [
    { name: "A 排口", p: [113.02, 35.0] as Position }, // chainage 1.82 → upstream 9.51 km
    { name: "B 排口", p: [113.15, 35.05] as Position }, // chainage 9.108 + 5.56 + 4.554 → downstream
    { name: "C 无坐标", p: null },
  ];
  it("splits by chainage; the course direction can be reversed", () => {
    const r = relativeTo(course, section, items, (x) => x.p, false);
    expect(r.map((x) => [x.item.name, x.side])).toEqual([["A 排口", "upstream"], ["B 排口", "downstream"], ["C 无坐标", "unknown"]]);
    expect(r[0].distanceKm).toBeCloseTo(KM_LON * 0.8 + 0.02 / 0.05 * KM_LAT, 1);
    expect(r[1].distanceKm).toBeCloseTo(KM_LON * 0.5 + 0.03 / 0.05 * KM_LAT, 1);
    const back = relativeTo(course, section, items, (x) => x.p, true);
    expect(back.map((x) => x.side)).toEqual(["downstream", "upstream", "unknown"]);
  });
  it("without a course or a reference position everything is unknown", () => {
    expect(relativeTo(null, section, items, (x) => x.p, false).map((x) => x.side)).toEqual(["unknown", "unknown", "unknown"]);
    expect(relativeTo(course, null, items, (x) => x.p, false).map((x) => x.side)).toEqual(["unknown", "unknown", "unknown"]);
  });
});
