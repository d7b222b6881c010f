/**
 * @module Shapes of the registries' records as the API presents them (server/routes/registries/*). Kept by hand
 * beside the modules' presenters.
 */
import type { Geometry } from "../../../../../domain/registries/geo";
import type { ChiefLevel, RiverKind } from "../../../../../domain/registries/rivers";

/** A chief as embedded in a river or record. */
export interface ChiefRef {
  id: string;
  level: ChiefLevel;
  name: string;
  position: string;
  reach?: string | null;
}

/** A river of the register. */
export interface RiverRecord {
  id: string;
  name: string;
  kind: RiverKind;
  geometry: Geometry | null;
  lengthKm: number | null;
  basin: string | null;
  unitId: string | null;
  unitName: string | null;
  note: string | null;
  demo: boolean;
  chiefs: ChiefRef[];
  createdAt: string;
  updatedAt: string;
}

/** A river's detail page data. */
export interface RiverDetail extends RiverRecord {
  allChiefs: (ChiefRef & { phone: string | null; active: boolean })[];
  points: { id: string; code: string; name: string; kind: string }[];
  registries: { key: string; title: string; total: number; items: { id: string; name: string; status?: string }[] }[];
}

/** An entry of the 河湖长 directory. */
export interface ChiefRecord {
  id: string;
  riverId: string;
  riverName: string | null;
  level: ChiefLevel;
  name: string;
  position: string;
  reach: string | null;
  phone: string | null;
  userId: string | null;
  username: string | null;
  unitId: string | null;
  unitName: string | null;
  active: boolean;
  demo: boolean;
}
