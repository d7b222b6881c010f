/**
 * @module GeoJSON geometries of registry records (RFC 7946, WGS-84 lon/lat): points (outfalls, problems), lines
 * (rivers, black-odorous stretches) and polygons (lakes, protection zones). Validation of stored geometry, a
 * representative point for list rows and map labels, bounding boxes for framing a map, and line length on the
 * sphere. Pure: no I/O, shared by server and web.
 */

/** A position: [longitude, latitude]. */
export type Position = [number, number];

/** A point. */
export interface PointGeometry {
  type: "Point";
  coordinates: Position;
}
/** A polyline. */
export interface LineGeometry {
  type: "LineString";
  coordinates: Position[];
}
/** Several polylines (a river with branches). */
export interface MultiLineGeometry {
  type: "MultiLineString";
  coordinates: Position[][];
}
/** A polygon: outer ring first, then holes; rings closed (first = last). */
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Position[][];
}
/** Several polygons. */
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Position[][][];
}

/** Any geometry a registry stores. */
export type Geometry = PointGeometry | LineGeometry | MultiLineGeometry | PolygonGeometry | MultiPolygonGeometry;

/** A feature as the map draws it. */
export interface Feature<P = Record<string, unknown>> {
  type: "Feature";
  /** The record's id. */
  id: string;
  geometry: Geometry;
  properties: P;
}

/** A collection of features. */
export interface FeatureCollection<P = Record<string, unknown>> {
  type: "FeatureCollection";
  features: Feature<P>[];
}

/** Geometry types a registry field accepts. */
export type GeometryType = Geometry["type"];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === "number" && typeof p[1] === "number" &&
  Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90;

function lineProblem(line: unknown, what: string): string | null {
  if (!Array.isArray(line) || line.length < 2) return `${what}至少需要 2 个坐标点`;
  if (!line.every(isPosition)) return `${what}含无效坐标（经度 −180～180，纬度 −90～90）`;
  return null;
}

function ringProblem(ring: unknown, what: string): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return `${what}至少需要 4 个坐标点（首尾相同）`;
  if (!ring.every(isPosition)) return `${what}含无效坐标（经度 −180～180，纬度 −90～90）`;
  const [a, b] = [ring[0] as Position, ring[ring.length - 1] as Position];
  if (a[0] !== b[0] || a[1] !== b[1]) return `${what}未闭合（首尾坐标须相同）`;
  return null;
}

/**
 * What is wrong with a geometry, in Chinese, or null when it is valid and of an allowed type.
 * @example geometryProblem({ type: "Point", coordinates: [113.2, 35.2] }, ["Point"]) // null
 * @example geometryProblem({ type: "Point", coordinates: [213, 35] }, ["Point"]) // "坐标无效（经度 −180～180，纬度 −90～90）"
 */
export function geometryProblem(g: unknown, allowed: readonly GeometryType[]): string | null {
  if (!g || typeof g !== "object") return "不是 GeoJSON 几何对象";
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (typeof type !== "string" || !allowed.includes(type as GeometryType)) return `几何类型须为 ${allowed.join(" / ")}`;
  switch (type) {
    case "Point":
      return isPosition(coordinates) ? null : "坐标无效（经度 −180～180，纬度 −90～90）";
    case "LineString":
      return lineProblem(coordinates, "线");
    case "MultiLineString":
      if (!Array.isArray(coordinates) || coordinates.length === 0) return "多线至少需要一条线";
      return coordinates.map((l, i) => lineProblem(l, `第 ${i + 1} 条线`)).find(Boolean) ?? null;
    case "Polygon":
      if (!Array.isArray(coordinates) || coordinates.length === 0) return "面至少需要一个外环";
      return coordinates.map((r, i) => ringProblem(r, i === 0 ? "外环" : `第 ${i} 个内环`)).find(Boolean) ?? null;
    case "MultiPolygon":
      if (!Array.isArray(coordinates) || coordinates.length === 0) return "多面至少需要一个面";
      for (const [i, poly] of (coordinates as unknown[]).entries()) {
        if (!Array.isArray(poly) || poly.length === 0) return `第 ${i + 1} 个面缺少外环`;
        const p = poly.map((r, j) => ringProblem(r, `第 ${i + 1} 个面的${j === 0 ? "外环" : `第 ${j} 个内环`}`)).find(Boolean);
        if (p) return p;
      }
      return null;
  }
  return `几何类型须为 ${allowed.join(" / ")}`;
}

/** Every position of a geometry. */
export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case "Point":
      return [g.coordinates];
    case "LineString":
      return g.coordinates;
    case "MultiLineString":
    case "Polygon":
      return g.coordinates.flat();
    case "MultiPolygon":
      return g.coordinates.flat(2);
  }
}

/** [minLon, minLat, maxLon, maxLat] of geometries, or null when there are none. */
export function bbox(gs: readonly Geometry[]): [number, number, number, number] | null {
  const ps = gs.flatMap(positionsOf);
  if (!ps.length) return null;
  return [
    Math.min(...ps.map((p) => p[0])), Math.min(...ps.map((p) => p[1])),
    Math.max(...ps.map((p) => p[0])), Math.max(...ps.map((p) => p[1])),
  ];
}

/** Mean Earth radius, km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two positions, km (haversine).
 * @example Math.round(distanceKm([113, 35], [113, 36])) // 111
 */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a line or lines, km (0 for points and polygons). */
export function lengthKm(g: Geometry): number {
  const lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [];
  let km = 0;
  for (const l of lines) for (let i = 1; i < l.length; i++) km += distanceKm(l[i - 1], l[i]);
  return km;
}

/**
 * A position to put a label or a list's "location" on: the point itself, the middle vertex of a line, the mean
 * of a polygon's outer ring (without the closing repeat).
 */
export function representativePoint(g: Geometry): Position {
  switch (g.type) {
    case "Point":
      return g.coordinates;
    case "LineString":
      return g.coordinates[Math.floor(g.coordinates.length / 2)];
    case "MultiLineString":
      return representativePoint({ type: "LineString", coordinates: g.coordinates[0] });
    case "Polygon": {
      const ring = g.coordinates[0].slice(0, -1);
      return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    }
    case "MultiPolygon":
      return representativePoint({ type: "Polygon", coordinates: g.coordinates[0] });
  }
}

/** A point geometry from lon/lat, or null when either is missing. */
export function pointOf(lon: number | null | undefined, lat: number | null | undefined): PointGeometry | null {
  return lon == null || lat == null ? null : { type: "Point", coordinates: [lon, lat] };
}
