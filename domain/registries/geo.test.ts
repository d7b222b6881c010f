import { describe, expect, it } from "vitest";
import { bbox, distanceKm, geometryProblem, lengthKm, representativePoint } from "./geo";

describe("geometryProblem — GeoJSON as registries store it", () => {
  const line = { type: "LineString", coordinates: [[113.1, 35.2], [113.2, 35.2]] };
  // [geometry, allowed, problem or null]
  const cases: [unknown, string[], string | null][] = [
    [{ type: "Point", coordinates: [113.17, 35.19] }, ["Point"], null],
    [{ type: "Point", coordinates: [213, 35] }, ["Point"], "坐标无效（经度 −180～180，纬度 −90～90）"],
    [line, ["Point"], "几何类型须为 Point"],
    [line, ["LineString"], null],
    [{ type: "LineString", coordinates: [[113, 35]] }, ["LineString"], "线至少需要 2 个坐标点"],
    [{ type: "Polygon", coordinates: [[[113, 35], [113.1, 35], [113.1, 35.1], [113, 35]]] }, ["Polygon"], null],
    [{ type: "Polygon", coordinates: [[[113, 35], [113.1, 35], [113.1, 35.1], [113, 35.1]]] }, ["Polygon"], "外环未闭合（首尾坐标须相同）"],
    [{ type: "Polygon", coordinates: [[[113, 35], [113.1, 35], [113, 35]]] }, ["Polygon"], "外环至少需要 4 个坐标点（首尾相同）"],
    [{ type: "MultiLineString", coordinates: [line.coordinates, [[1, 1]]] }, ["MultiLineString"], "第 2 条线至少需要 2 个坐标点"],
    ["LINESTRING(1 2, 3 4)", ["LineString"], "不是 GeoJSON 几何对象"],
  ];
  it.each(cases)("%j %j → %s", (g, allowed, problem) => expect(geometryProblem(g, allowed as never)).toBe(problem));
});

describe("measures", () => {
  it("one degree of latitude is 111.2 km (2π × 6371.0088 / 360)", () => expect(distanceKm([113, 35], [113, 36])).toBeCloseTo(111.195, 2));
  it("a line's length is the sum of its legs", () => {
    // Two legs of 0.1° latitude each: 2 × 11.1195 km.
    expect(lengthKm({ type: "LineString", coordinates: [[113, 35], [113, 35.1], [113, 35.2]] })).toBeCloseTo(22.239, 2);
    expect(lengthKm({ type: "Point", coordinates: [113, 35] })).toBe(0);
  });
  it("frames and labels", () => {
    expect(bbox([{ type: "Point", coordinates: [113.2, 35.1] }, { type: "LineString", coordinates: [[113.1, 35.3], [113.3, 35.2]] }])).toEqual([113.1, 35.1, 113.3, 35.3]);
    expect(representativePoint({ type: "LineString", coordinates: [[1, 1], [2, 2], [3, 3]] })).toEqual([2, 2]);
    // Mean of the outer ring without its closing repeat: (0+2+2+0)/4, (0+0+2+2)/4.
    expect(representativePoint({ type: "Polygon", coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
  });
});
