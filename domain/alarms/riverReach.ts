/**
 * @module Where things lie along a river (一河一策一图): each record is placed at its chainage — the distance along
 * the river's course to the nearest point of the course — so that, relative to a monitoring section, outfalls and
 * enterprises are upstream (possible sources of what the section measured) and drinking-water sources downstream
 * (receptors to warn). Project decision: a river's stored course runs from upstream to downstream; a plan can say
 * its course is drawn the other way. A MultiLineString is read as one course, its parts in order. Distances use a
 * local equirectangular projection (errors well under 1% over a district) and the sphere's radius of 6371 km.
 */
import type { Geometry, Position } from "../registries/geo";

const R = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** The course of a river as one polyline (null for points and polygons: a lake has no up- and downstream). */
export function courseOf(g: Geometry | null | undefined): Position[] | null {
  if (!g) return null;
  if (g.type === "LineString") return g.coordinates.length >= 2 ? g.coordinates : null;
  if (g.type === "MultiLineString") {
    const all = g.coordinates.flat();
    return all.length >= 2 ? all : null;
  }
  return null;
}

/** Where a position falls on a course: its chainage (km from the course's start) and its distance from the course. */
export interface Placement {
  chainageKm: number;
  offsetKm: number;
}

/**
 * Places a position on a course.
 * @example place([[113, 35], [113.1, 35]], [113.05, 35.001]).chainageKm // ≈ 4.55
 */
export function place(course: readonly Position[], p: Position): Placement {
  // One projection per course (its first latitude), so chainages of different positions compare exactly.
  const lat0 = rad(course[0][1]);
  const xy = (q: Position): [number, number] => [R * rad(q[0]) * Math.cos(lat0), R * rad(q[1])];
  const [px, py] = xy(p);
  let best = { chainageKm: 0, offsetKm: Infinity };
  let along = 0;
  for (let i = 1; i < course.length; i++) {
    const [ax, ay] = xy(course[i - 1]);
    const [bx, by] = xy(course[i]);
    const dx = bx - ax, dy = by - ay;
    const len = Math.hypot(dx, dy);
    const u = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (len * len)));
    const d = Math.hypot(px - (ax + u * dx), py - (ay + u * dy));
    if (d < best.offsetKm) best = { chainageKm: along + u * len, offsetKm: d };
    along += len;
  }
  return best;
}

/** The total length of a course (km, same projection as `place`). */
export function courseLengthKm(course: readonly Position[]): number {
  return place(course, course[course.length - 1]).chainageKm;
}

/** Which side of a reference a record lies on. */
export type Side = "upstream" | "downstream" | "unknown";

/** A record placed relative to a reference point. */
export interface Relative<T> {
  item: T;
  side: Side;
  /** Distance along the river from the reference (km, positive), null when unknown. */
  distanceKm: number | null;
  /** Distance from the course (km), null when unknown. */
  offsetKm: number | null;
}

/**
 * Places records relative to a reference on the same river: upstream when their chainage is smaller (or larger, with
 * `reversed`), downstream otherwise; unknown without a course or a position.
 * @example relativeTo(course, section, outfalls, (o) => o.position, false).filter((r) => r.side === "upstream")
 */
export function relativeTo<T>(
  course: readonly Position[] | null, ref: Position | null, items: readonly T[], positionOf: (t: T) => Position | null, reversed: boolean,
): Relative<T>[] {
  const r0 = course && ref ? place(course, ref).chainageKm : null;
  return items.map((item) => {
    const p = positionOf(item);
    if (!course || r0 === null || !p) return { item, side: "unknown", distanceKm: null, offsetKm: null };
    const at = place(course, p);
    const delta = (at.chainageKm - r0) * (reversed ? -1 : 1);
    return { item, side: delta < 0 ? "upstream" : "downstream", distanceKm: Math.abs(delta), offsetKm: at.offsetKm };
  });
}
