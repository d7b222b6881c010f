/**
 * @module Test data builders. They go through the real commands (so audit entries are written as in production).
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Role, UnitKind } from "../db/schema";
import { unitSaver } from "../commands/unitSaver";
import { userCreator } from "../commands/userCreator";
import type { CommandContext } from "../context";

/** The password every built user gets unless told otherwise. */
export const TEST_PASSWORD = "Qingliu-test-2026";

function systemCtx<T>(db: Kysely<DB>, fn: (ctx: CommandContext) => Promise<T>) {
  return db.transaction().execute((trx) => fn({ trx, actor: { id: null, name: "test" }, ip: null, correlationId: "test" }));
}

/** A unit with a unique name. */
export function buildUnit(db: Kysely<DB>, v: { name?: string; kind?: UnitKind; aliases?: string[] } = {}) {
  return systemCtx(db, (ctx) =>
    unitSaver(ctx, { name: v.name ?? `测试单位${randomBytes(3).toString("hex")}`, kind: v.kind ?? "department", aliases: v.aliases ?? [] }),
  );
}

/** A user with a unique username. */
export function buildUser(db: Kysely<DB>, v: { username?: string; roles: Role[]; unitIds?: string[]; password?: string; displayName?: string }) {
  const username = v.username ?? `u${randomBytes(4).toString("hex")}`;
  return systemCtx(db, (ctx) =>
    userCreator(ctx, {
      username,
      displayName: v.displayName ?? `用户${username}`,
      password: v.password ?? TEST_PASSWORD,
      roles: v.roles,
      unitIds: v.unitIds ?? [],
      mustChangePassword: false,
    }),
  );
}
