/**
 * @module Sign-in, sign-out, the current user and password change.
 */
import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE, requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { sessionStarter } from "../../commands/sessionStarter";
import { passwordChanger } from "../../commands/passwordSetter";
import { abilitiesOf } from "../../policies/abilities";
import { actorOf } from "../../auth/authenticate";
import { presentUser } from "../../presenters/presentUser";
import { deleteSession } from "../../repositories/session.repository";
import { audit } from "../../context";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/auth/*. */
export function authRoutes(app: FastifyInstance, { db, config, loginPolicy }: RouteDeps) {
  app.post("/api/auth/login", { config: { public: true, csrfExempt: true } }, async (req, reply) => {
    const body = parse(S.LoginSchema, req.body);
    const result = await inCommand(db, req, (ctx) =>
      sessionStarter(ctx, {
        ...body,
        ip: req.ip,
        userAgent: req.headers["user-agent"] ?? null,
        policy: loginPolicy,
      }),
    );
    // The failure was recorded and committed above; only now is it raised.
    if (!result.ok) throw result.error;
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.cookieSecure,
      expires: result.expiresAt,
    });
    return {
      ok: true,
      data: { user: presentUser(result.user), csrfToken: result.csrfToken, abilities: abilitiesOf(actorOf(result.user)) },
    };
  });

  app.post("/api/auth/logout", async (req, reply) => {
    const auth = requireAuth(req);
    await inCommand(db, req, async (ctx) => {
      await deleteSession(ctx.trx, auth.sessionId);
      await audit(ctx, { action: "auth.logout", entityType: "user", entityId: auth.user.id });
    });
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true, data: null };
  });

  app.get("/api/auth/me", async (req) => {
    const auth = requireAuth(req);
    return { ok: true, data: { user: presentUser(auth.user), csrfToken: auth.csrfToken, abilities: abilitiesOf(auth.actor) } };
  });

  app.post("/api/auth/password", async (req) => {
    const auth = requireAuth(req);
    const body = parse(S.ChangePasswordSchema, req.body);
    await inCommand(db, req, (ctx) => passwordChanger(ctx, { user: auth.user, ...body, keepSessionId: auth.sessionId }));
    return { ok: true, data: null };
  });
}
