/**
 * @module Distances on the Earth for complaints: haversine between two points (WGS 84, mean radius 6 371 008.8 m, IUGG),
 * and the distance from a point to a river drawn as a GeoJSON LineString / MultiLineString (local equirectangular
 * projection per segment — accurate to well under 1 % at district scale).
 */

/** A position, degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/**
 * Great-circle distance in metres.
 * @example metresBetween({ lon: 113.171, lat: 35.196 }, { lon: 113.181, lat: 35.196 }) // ≈ 909
 */
export function metresBetween(a: LonLat, b: LonLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance in metres from `p` to the segment a–b (projected around `p`). */
export function metresToSegment(p: LonLat, a: LonLat, b: LonLat): number {
  const kx = Math.cos(rad(p.lat)) * (Math.PI / 180) * R;
  const ky = (Math.PI / 180) * R;
  const ax = (a.lon - p.lon) * kx, ay = (a.lat - p.lat) * ky;
  const bx = (b.lon - p.lon) * kx, by = (b.lat - p.lat) * ky;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** A GeoJSON geometry as stored for a river (only lines count; anything else is ignored). */
export type RiverGeometry = { type: string; coordinates?: unknown; geometries?: RiverGeometry[] } | null | undefined;

function lines(g: RiverGeometry): [number, number][][] {
  if (!g || typeof g !== "object") return [];
  if (g.type === "LineString" && Array.isArray(g.coordinates)) return [g.coordinates as [number, number][]];
  if (g.type === "MultiLineString" && Array.isArray(g.coordinates)) return g.coordinates as [number, number][][];
  if (g.type === "GeometryCollection" && Array.isArray(g.geometries)) return g.geometries.flatMap(lines);
  if (g.type === "Feature") return lines((g as unknown as { geometry: RiverGeometry }).geometry);
  return [];
}

/** Metres from `p` to the nearest part of a river line, or Infinity when the geometry has no lines. */
export function metresToRiver(p: LonLat, g: RiverGeometry): number {
  let best = Infinity;
  for (const line of lines(g)) {
    for (let i = 0; i + 1 < line.length; i++) {
      const [x1, y1] = line[i], [x2, y2] = line[i + 1];
      best = Math.min(best, metresToSegment(p, { lon: x1, lat: y1 }, { lon: x2, lat: y2 }));
    }
    if (line.length === 1) best = Math.min(best, metresBetween(p, { lon: line[0][0], lat: line[0][1] }));
  }
  return best;
}

/** A rough bounding box of `metres` around `p`, for a first filter in SQL. */
export function boxAround(p: LonLat, metres: number): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const dLat = (metres / R) * (180 / Math.PI);
  const dLon = dLat / Math.max(0.01, Math.cos(rad(p.lat)));
  return { minLon: p.lon - dLon, maxLon: p.lon + dLon, minLat: p.lat - dLat, maxLat: p.lat + dLat };
}
