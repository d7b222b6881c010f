/**
 * @module The web service: the HTTP API and the built web client.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { Config } from "../env";
import { buildApp, type App } from "../app";
import type { ReadinessCheck } from "../routes/ops/ops";

/** A running web service. */
export interface WebService {
  app: App;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops accepting connections and waits for requests in flight. */
  stop(): Promise<void>;
}

/** Starts the web service on config.host:config.port. */
export async function startWeb(db: Kysely<DB>, config: Config, readinessChecks: ReadinessCheck[] = []): Promise<WebService> {
  const app = await buildApp({ db, config, readinessChecks });
  const address = await app.listen({ port: config.port, host: config.host });
  return { app, url: address, stop: () => app.close() };
}
