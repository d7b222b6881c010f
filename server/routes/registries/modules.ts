/**
 * @module Every registry module, in menu order. The routes, the river page's links and the authorization matrix
 * all read this list; a new registry is added here (docs/REGISTRIES.md).
 */
import type { AnyRegistryModule } from "../../registries/definition";
import { riverModule } from "./rivers/module";
import { riverChiefModule } from "./rivers/chiefModule";
import { blackOdorousModule } from "./blackOdorous/module";
import { outfallModule } from "./outfalls/module";
import { fourChaosModule } from "./fourChaos/module";
import { SECOND_GROUP_MODULES } from "./enterprises/group";

/** The registries. */
export const REGISTRY_MODULES: AnyRegistryModule[] = [riverModule, riverChiefModule, blackOdorousModule, outfallModule, fourChaosModule, ...SECOND_GROUP_MODULES];
