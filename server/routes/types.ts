/**
 * @module What every route module receives.
 */
import type { Kysely } from "kysely";
import type { Config } from "../env";
import type { DB } from "../db/schema";
import type { LoginPolicy } from "../commands/sessionStarter";

/** Dependencies shared by route modules. */
export interface RouteDeps {
  db: Kysely<DB>;
  config: Pick<Config, "cookieSecure" | "testRoutes">;
  loginPolicy: LoginPolicy;
}
