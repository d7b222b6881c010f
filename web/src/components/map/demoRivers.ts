/**
 * @module The waters of the demo district as GeoJSON polylines — DEMO DATA (演示数据). The one copy lives in
 * domain/registries/demoRivers.ts (the server seeds the river register from it); this file re-exports it for the maps.
 */
export { DEMO_RIVERS, type RiverCollection, type RiverFeature } from "../../../../domain/registries/demoRivers";
