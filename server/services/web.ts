/**
 * @module The web service: the HTTP API and the built web client.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { Config } from "../env";
import { buildApp, type App } from "../app";
import type { ReadinessCheck } from "../routes/ops/ops";
import type { Registry } from "prom-client";
import type { Gateway } from "../gateway/gateway";

/** How long requests in flight may take to finish after SIGTERM. */
const GRACE_MS = 10_000;

/** A running web service. */
export interface WebService {
  app: App;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops accepting connections and waits for requests in flight. */
  stop(): Promise<void>;
}

/** Starts the web service on config.host:config.port. */
export async function startWeb(
  db: Kysely<DB>,
  config: Config,
  readinessChecks: ReadinessCheck[] = [],
  extraMetrics: Registry[] = [],
  gateway?: Gateway,
  /** Read-only handle for public routes (the streaming replica); default `db`. */
  readDb?: Kysely<DB>,
): Promise<WebService> {
  const app = await buildApp({ db, readDb, config, readinessChecks, extraMetrics, gateway });
  let closing = false;
  // Responses finished during shutdown close their connection, so keep-alive clients cannot hold the server open.
  app.addHook("onSend", async (_req, reply) => {
    if (closing) reply.header("connection", "close");
  });
  const address = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    url: address,
    async stop() {
      closing = true;
      // In-flight requests get a grace period; a client that still holds a connection after it is cut off.
      const deadline = setTimeout(() => app.server.closeAllConnections(), GRACE_MS);
      await app.close();
      clearTimeout(deadline);
    },
  };
}
