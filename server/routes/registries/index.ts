/**
 * @module Registers every registry's routes: the common ones of each module (server/registries/routes.ts), each
 * registry's own actions, the follow-up tasks and the public read-only APIs.
 */
import type { FastifyInstance } from "fastify";
import type { FileStore } from "../../repositories/file.repository";
import { registryRoutes } from "../../registries/routes";
import type { RouteDeps } from "../types";
import { REGISTRY_MODULES } from "./modules";
import { registryTaskRoutes } from "./tasks";
import { blackOdorousRoutes } from "./blackOdorous/routes";
import { outfallRoutes } from "./outfalls/routes";
import { fourChaosRoutes } from "./fourChaos/routes";
import { secondGroupRoutes } from "./enterprises/group";

/** Registers /api/registries/* and /api/public/registries/*. */
export function registriesRoutes(app: FastifyInstance, deps: RouteDeps, files: FileStore) {
  for (const m of REGISTRY_MODULES) registryRoutes(app, deps, files, m);
  registryTaskRoutes(app, deps);
  blackOdorousRoutes(app, deps, files);
  outfallRoutes(app, deps);
  fourChaosRoutes(app, deps);
  secondGroupRoutes(app, deps);
}
