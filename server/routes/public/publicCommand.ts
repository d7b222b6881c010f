/**
 * @module Runs a command for a public (sessionless) request: one transaction, the public as actor — never the
 * session that may ride along in the visitor's cookie, so a public post is never attributed to (or authorised by) a
 * signed-in user.
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CommandContext } from "../../context";

/** Runs `fn` in a transaction acting as `who` (default 公众, the public). */
export function publicCommand<T>(db: Kysely<DB>, req: FastifyRequest, fn: (ctx: CommandContext) => Promise<T>, who = "公众"): Promise<T> {
  return db.transaction().execute((trx) => fn({ trx, actor: { id: null, name: who }, ip: req.ip, correlationId: req.id }));
}
