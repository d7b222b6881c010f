/**
 * @module Session authentication and CSRF protection for /api routes. A route is private unless its config says
 * `public: true`. The session cookie is HttpOnly and SameSite=Lax; state-changing requests must also carry the
 * session's CSRF token in `x-csrf-token` (the synchroniser-token pattern).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import { AuthenticationRequired, CsrfFailed } from "../errors";
import type { Actor } from "../policies/cancan";
import { touchSession } from "../repositories/session.repository";
import { findSessionUser, type UserWithAccess } from "../repositories/user.repository";
import { safeEqual, tokenHash } from "./tokens";

/** The cookie that carries the session token. */
export const SESSION_COOKIE = "qingliu_sid";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The signed-in user on a request. */
export interface AuthInfo {
  user: UserWithAccess;
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set for authenticated requests; null on public routes without a session. */
    auth: AuthInfo | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. */
    public?: boolean;
    /** Exempt from the CSRF check (only login: it has no session yet; JSON-only bodies block cross-site forms). */
    csrfExempt?: boolean;
  }
}

/** The policy view of a user. */
export function actorOf(u: UserWithAccess): Actor {
  return { id: u.id, username: u.username, displayName: u.display_name, roles: u.roles, unitIds: u.units.map((x) => x.id) };
}

/** The signed-in user or a 401. */
export function requireAuth(req: FastifyRequest): AuthInfo {
  if (!req.auth) throw AuthenticationRequired();
  return req.auth;
}

/** Installs the hooks. Sessions slide: each use extends them, at most once a minute. */
export function installAuthentication(app: FastifyInstance, db: Kysely<DB>, sessionHours: number) {
  app.decorateRequest("auth", null);
  app.addHook("preHandler", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const cfg = req.routeOptions.config;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const now = new Date();
      const found = await findSessionUser(db, tokenHash(token), now);
      if (found && !found.user.disabled) {
        const { session, user } = found;
        req.auth = { user, actor: actorOf(user), sessionId: session.id, csrfToken: session.csrf_token };
        if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
          await touchSession(db, session.id, now, new Date(now.getTime() + sessionHours * 3_600_000));
        }
      }
    }
    if (cfg.public) return;
    if (!req.auth) throw AuthenticationRequired();
    if (UNSAFE.has(req.method) && !cfg.csrfExempt) {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, req.auth.csrfToken)) throw CsrfFailed();
    }
  });
}
