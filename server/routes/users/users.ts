/**
 * @module User administration: list, create, update, reset password.
 */
import type { FastifyInstance } from "fastify";
import { requireAuth } from "../../auth/authenticate";
import { inCommand } from "../../auth/command";
import { userCreator } from "../../commands/userCreator";
import { userUpdater } from "../../commands/userUpdater";
import { passwordResetter } from "../../commands/passwordSetter";
import { Forbidden } from "../../errors";
import { authorize, can, presentPolicies } from "../../policies/cancan";
import { canCreateUsers, canListUsers, userPolicy } from "../../policies/user.policy";
import { presentUser } from "../../presenters/presentUser";
import { findUserById, listUsers, type UserWithAccess } from "../../repositories/user.repository";
import { parse } from "../../validate";
import type { RouteDeps } from "../types";
import * as S from "./schema";

/** Registers /api/users*. */
export function userRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const policiesOf = (actor: ReturnType<typeof requireAuth>["actor"], users: UserWithAccess[]) =>
    presentPolicies(userPolicy, actor, users, (u) => u.id);

  app.get("/api/users", async (req) => {
    const { actor } = requireAuth(req);
    if (!canListUsers(actor)) throw Forbidden();
    const filter = parse(S.ListUsersQuery, req.query);
    const users = (await listUsers(db, filter)).filter((u) => can(userPolicy, actor, "read", u));
    return { ok: true, data: users.map(presentUser), policies: policiesOf(actor, users) };
  });

  app.get("/api/users/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const user = await findUserById(db, id);
    // Unknown and not-allowed answer alike, so ids cannot be probed.
    if (!user || !can(userPolicy, actor, "read", user)) throw Forbidden();
    return { ok: true, data: presentUser(user), policies: policiesOf(actor, [user]) };
  });

  app.post("/api/users", async (req) => {
    const { actor } = requireAuth(req);
    if (!canCreateUsers(actor)) throw Forbidden();
    const body = parse(S.CreateUserSchema, req.body);
    const user = await inCommand(db, req, (ctx) => userCreator(ctx, body));
    return { ok: true, data: presentUser(user), policies: policiesOf(actor, [user]) };
  });

  app.patch("/api/users/:id", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.UpdateUserSchema, req.body);
    const user = await inCommand(db, req, async (ctx) => {
      const target = await findUserById(ctx.trx, id);
      if (!target) throw Forbidden();
      authorize(userPolicy, actor, "update", target);
      if (body.disabled !== undefined) authorize(userPolicy, actor, "disable", target);
      return userUpdater(ctx, { user: target, ...body });
    });
    return { ok: true, data: presentUser(user), policies: policiesOf(actor, [user]) };
  });

  app.post("/api/users/:id/password", async (req) => {
    const { actor } = requireAuth(req);
    const { id } = parse(S.IdParams, req.params);
    const body = parse(S.ResetPasswordSchema, req.body);
    await inCommand(db, req, async (ctx) => {
      const target = await findUserById(ctx.trx, id);
      if (!target) throw Forbidden();
      authorize(userPolicy, actor, "resetPassword", target);
      await passwordResetter(ctx, { user: target, newPassword: body.newPassword });
    });
    return { ok: true, data: null };
  });
}
