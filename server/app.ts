/**
 * @module Builds the Fastify app of the web service: request ids, JSON-only bodies up to 1 MB, security headers,
 * authentication and CSRF, the API routes, operations endpoints and the built web client with SPA fallback.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import type { Kysely } from "kysely";
import type { DB } from "./db/schema";
import type { Config } from "./env";
import { installErrorHandler, errorBody } from "./onerror";
import { installAuthentication } from "./auth/authenticate";
import { Metrics } from "./metrics";
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from "./commands/sessionStarter";
import { NotFound } from "./errors";
import type { RouteDeps } from "./routes/types";
import { authRoutes } from "./routes/auth/auth";
import { userRoutes } from "./routes/users/users";
import { unitRoutes } from "./routes/units/units";
import { auditRoutes } from "./routes/audit/audit";
import { monitoringRoutes } from "./routes/monitoring/monitoring";
import { readingRoutes } from "./routes/readings/readings";
import { labImportRoutes } from "./routes/readings/labImports";
import { opsRoutes, type ReadinessCheck } from "./routes/ops/ops";
import { deviceCommandRoutes } from "./routes/monitoring/deviceCommands";
import { planRoutes } from "./routes/plans/plans";
import { roundRoutes } from "./routes/rounds/rounds";
import { taskRoutes } from "./routes/tasks/tasks";
import { supervisionRoutes } from "./routes/supervision/supervision";
import { documentRoutes } from "./routes/supervision/documents";
import { inboxRoutes } from "./routes/inbox/inbox";
import { reportRoutes } from "./routes/reports/reports";
import { qualityRoutes } from "./routes/quality/quality";
import { reviewRoutes } from "./routes/review/review";
import { alarmRoutes } from "./routes/alarms/alarms";
import { emergencyRoutes } from "./routes/emergency/emergency";
import { registriesRoutes } from "./routes/registries";
import { settingsRoutes } from "./routes/settings/settings";
import { checkRoutes } from "./routes/supervision/checks";
import { indicatorRoutes } from "./routes/indicators/indicators";
import { publicComplaintRoutes } from "./routes/public/complaints";
import { publicPortalRoutes } from "./routes/public/portal";
import { complaintRoutes } from "./routes/complaints/complaints";
import { rewardRoutes } from "./routes/complaints/rewards";
import { open311Routes } from "./routes/open311/open311";
import { FileStore, SHARED_TEMP_FILES_DIR } from "./repositories/file.repository";
import { join, resolve } from "node:path";

/**
 * Where the built web client lives: web/dist, or QINGLIU_WEB_DIST (a build made elsewhere, e.g. by
 * `vite build --outDir`, so that several checkouts' e2e runs on one machine do not rebuild each other's files).
 */
export const WEB_DIST = process.env.QINGLIU_WEB_DIST
  ? `${resolve(process.env.QINGLIU_WEB_DIST)}/`
  : fileURLToPath(new URL("../web/dist/", import.meta.url));

/** What the app needs. */
export interface AppOptions {
  db: Kysely<DB>;
  /** Read-only handle for public routes: the streaming replica (DATABASE_REPLICA_URL); default `db`. */
  readDb?: Kysely<DB>;
  config: Pick<Config, "cookieSecure" | "testRoutes" | "logLevel">;
  loginPolicy?: LoginPolicy;
  /** Extra /readyz checks from other services in the process. */
  readinessChecks?: ReadinessCheck[];
  /** Metrics of other services in the process (the gateway), served with the web's on /metrics. */
  extraMetrics?: import("prom-client").Registry[];
  /** The gateway of this process, when it runs one: device requests go through it. */
  gateway?: import("./gateway/gateway").Gateway;
  /** Pino logger options; tests pass `false`. */
  logger?: boolean | object;
  /**
   * Where uploaded and generated files live: DATA_DIR/files when the config carries `dataDir` (the web service),
   * else a shared temp directory — safe to share because files are content-addressed (tests).
   */
  filesDir?: string;
}

/** A route as registered, for the authorization matrix. */
export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route as registered (method + URL pattern), for the authorization matrix. */
    routesList: RegisteredRoute[];
  }
}

/** The built app. */
export type App = FastifyInstance;

/** Builds (does not start) the app. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Keep a client's id when it sends a sane one, so a support call can quote it; otherwise make one.
    genReqId: (req) => {
      const h = req.headers["x-request-id"];
      return typeof h === "string" && REQUEST_ID.test(h) ? h : randomUUID();
    },
    trustProxy: false,
    forceCloseConnections: "idle",
  });
  const metrics = new Metrics();
  const routesList: RegisteredRoute[] = [];
  app.decorate("routesList", routesList);
  app.addHook("onRoute", (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === "HEAD" || !r.url.startsWith("/api/")) continue;
      routesList.push({ method: m, url: r.url, public: Boolean((r.config as { public?: boolean } | undefined)?.public) });
    }
  });

  // JSON only: a form post or text body gets 415 rather than a confusing parse.
  app.removeContentTypeParser(["text/plain"]);
  installErrorHandler(app);
  await app.register(cookie);

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    reply.header(
      "content-security-policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
    );
    (req as { startedAt?: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    const started = (req as { startedAt?: bigint }).startedAt ?? process.hrtime.bigint();
    metrics.requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.latency.observe({ method: req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
  });

  const loginPolicy = opts.loginPolicy ?? DEFAULT_LOGIN_POLICY;
  installAuthentication(app, opts.db, loginPolicy.sessionHours);
  const deps: RouteDeps = { db: opts.db, readDb: opts.readDb ?? opts.db, config: opts.config, loginPolicy };
  authRoutes(app, deps);
  userRoutes(app, deps);
  unitRoutes(app, deps);
  auditRoutes(app, deps);
  monitoringRoutes(app, deps);
  deviceCommandRoutes(app, deps, opts.gateway);
  planRoutes(app, deps);
  readingRoutes(app, deps);
  labImportRoutes(app, deps);
  const files = new FileStore(opts.filesDir ?? ("dataDir" in opts.config ? join(String(opts.config.dataDir), "files") : SHARED_TEMP_FILES_DIR));
  roundRoutes(app, deps, files);
  taskRoutes(app, deps, files);
  supervisionRoutes(app, deps, files);
  documentRoutes(app, deps, files);
  inboxRoutes(app, deps);
  qualityRoutes(app, deps);
  reviewRoutes(app, deps);
  alarmRoutes(app, deps);
  emergencyRoutes(app, deps);
  registriesRoutes(app, deps, files);
  settingsRoutes(app, deps);
  checkRoutes(app, deps, files);
  indicatorRoutes(app, deps);
  publicComplaintRoutes(app, deps, files);
  publicPortalRoutes(app, deps);
  complaintRoutes(app, deps, files);
  rewardRoutes(app, deps);
  open311Routes(app, deps, files);
  reportRoutes(app, deps, files);
  opsRoutes(app, deps, metrics, opts.readinessChecks ?? [], opts.extraMetrics ?? []);

  const hasWeb = existsSync(`${WEB_DIST}index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed asset names never change content: cache them for a year; index.html is never cached.
        res.header("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  const indexHtml = hasWeb
    ? () => readFileSync(`${WEB_DIST}index.html`, "utf8")
    : () =>
        '<!doctype html><meta charset="utf-8"><title>清流</title><p>前端尚未构建：请运行 <code>npm run build:web</code>。' +
        "<br>The web client is not built: run <code>npm run build:web</code>.</p>";
  app.setNotFoundHandler((req, reply) => {
    if (req.method === "GET" && !req.url.startsWith("/api/") && req.url !== "/metrics") {
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml());
    }
    return reply.status(404).send(errorBody(NotFound("接口不存在"), req.id));
  });
  return app;
}
