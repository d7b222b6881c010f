/**
 * @module The second group of registries (issue 5 §4–6) as the registry index registers them: their modules, in
 * menu order — drinking-water sources and their problems, enterprises and their years, the facility kinds and WWTP sludge years — and
 * their own routes.
 */
import type { FastifyInstance } from "fastify";
import type { AnyRegistryModule } from "../../../registries/definition";
import type { RouteDeps } from "../../types";
import { drinkingSourceModule } from "../drinkingSources/module";
import { drinkingProblemModule } from "../drinkingSources/problemModule";
import { drinkingSourceRoutes } from "../drinkingSources/routes";
import { FACILITY_MODULES } from "../facilities/module";
import { facilityRoutes } from "../facilities/routes";
import { wwtpSludgeModule } from "../facilities/sludgeModule";
import { enterpriseModule } from "./module";
import { enterpriseRoutes } from "./routes";
import { enterpriseYearModule } from "./yearModule";

/** The group's modules. */
export const SECOND_GROUP_MODULES: AnyRegistryModule[] = [drinkingSourceModule, drinkingProblemModule, enterpriseModule, enterpriseYearModule, ...FACILITY_MODULES, wwtpSludgeModule];

/** Registers the group's own routes (the common ones come from the modules). */
export function secondGroupRoutes(app: FastifyInstance, deps: RouteDeps) {
  drinkingSourceRoutes(app, deps);
  enterpriseRoutes(app, deps);
  facilityRoutes(app, deps);
}
