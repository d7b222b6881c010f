/**
 * @module /api/units: the district's unit directory.
 */
import { request } from "./client";
import type { Unit, UnitAction, UnitKind } from "./types";

/** A unit as created or edited. */
export interface UnitInput {
  name: string;
  kind: UnitKind;
  aliases: string[];
}

/** Lists every unit with per-unit policies. */
export function listUnits() {
  return request<Unit[], UnitAction>("GET", "/api/units");
}

/** Creates a unit. */
export function createUnit(body: UnitInput) {
  return request<Unit, UnitAction>("POST", "/api/units", { body });
}

/** Updates a unit; absent fields stay. */
export function updateUnit(id: string, body: Partial<UnitInput>) {
  return request<Unit, UnitAction>("PATCH", `/api/units/${encodeURIComponent(id)}`, { body });
}
