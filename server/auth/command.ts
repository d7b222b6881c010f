/**
 * @module Runs a command for a request: one transaction, the signed-in user as actor, the request id as
 * correlation id — so the change and its audit entry commit or roll back together.
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema";
import type { CommandContext } from "../context";

/** Runs `fn` in a transaction with a command context built from `req`. */
export function inCommand<T>(db: Kysely<DB>, req: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) =>
    fn({
      trx,
      actor: req.auth ? { id: req.auth.user.id, name: req.auth.user.display_name } : null,
      ip: req.ip,
      correlationId: req.id,
    }),
  );
}
