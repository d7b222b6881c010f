/**
 * @module Where a complaint goes: its category names the handling unit and the deadline (处理时限); its location
 * names the river it is on (nearest river line within a distance) and so that river's chief (河长制: the
 * 办事处-level chief first, then the village, then the district chief).
 */
import { metresToRiver, type LonLat, type RiverGeometry } from "./geo";

/** A river as routing sees it. */
export interface RoutingRiver {
  id: string;
  name: string;
  geometry: RiverGeometry;
}

/** A river chief as routing sees it. */
export interface RoutingChief {
  id: string;
  riverId: string;
  level: "district" | "subdistrict" | "village";
  userId: string | null;
  unitId: string | null;
}

/** How far from a river line a complaint still counts as "on" it. */
export const RIVER_MATCH_METRES = 500;

/**
 * The nearest river within `maxMetres` of `p`, with its distance, or null.
 * @example nearestRiver({ lon: 113.17, lat: 35.2 }, rivers) // { river, metres: 120 }
 */
export function nearestRiver(p: LonLat, rivers: readonly RoutingRiver[], maxMetres = RIVER_MATCH_METRES): { river: RoutingRiver; metres: number } | null {
  let best: { river: RoutingRiver; metres: number } | null = null;
  for (const river of rivers) {
    const metres = metresToRiver(p, river.geometry);
    if (metres <= maxMetres && (!best || metres < best.metres)) best = { river, metres };
  }
  return best;
}

const LEVEL_ORDER = { subdistrict: 0, village: 1, district: 2 } as const;

/** The chief of `riverId` who answers for a complaint: 办事处 level, else village, else district. */
export function chiefFor(riverId: string, chiefs: readonly RoutingChief[]): RoutingChief | null {
  const mine = chiefs.filter((c) => c.riverId === riverId).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  return mine[0] ?? null;
}

/** The deadline of a complaint received at `at` with `days` to handle it (calendar days, to the minute). */
export function dueAt(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
