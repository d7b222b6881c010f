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
  /**
   * Read-only handle for public (anonymous, read-only) routes: the streaming replica when DATABASE_REPLICA_URL is
   * set, else `db`. It lags the primary slightly; never use it to read what the same request wrote.
   */
  readDb: Kysely<DB>;
  config: Pick<Config, "cookieSecure" | "testRoutes">;
  loginPolicy: LoginPolicy;
}
