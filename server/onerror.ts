/**
 * @module The one error handler: every failure leaves as `{ ok:false, error, status, message, data?, correlationId }`.
 * Known errors keep their id; framework and database errors are mapped; anything else is logged and becomes
 * `internal` without its stack.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  AppError,
  BadJson,
  Conflict,
  Internal,
  NotFound,
  PayloadTooLarge,
  UnsupportedMediaType,
  ValidationError,
} from "./errors";

const BODY_LIMIT = 1024 * 1024;

function toAppError(err: FastifyError & { code?: string; constraint?: string }, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  switch (err.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return PayloadTooLarge(BODY_LIMIT);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return UnsupportedMediaType(req.headers["content-type"]);
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return ValidationError([{ path: "(body)", message: "请求体为空" }]);
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return BadJson();
    case "23505": // unique_violation: a race past the command's own check
      return Conflict("与已有数据冲突", { constraint: err.constraint });
    case "22P02": // invalid_text_representation, e.g. a malformed uuid in a path
      return NotFound();
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return BadJson();
  if (err.statusCode === 413) return PayloadTooLarge(BODY_LIMIT);
  if (err.statusCode === 415) return UnsupportedMediaType(req.headers["content-type"]);
  if (err.validation) return ValidationError(err.validation.map((v) => ({ path: v.instancePath || "(body)", message: v.message ?? "" })));
  if (err.statusCode === 400) return BadJson();
  return Internal();
}

/** The body of an error response. */
export function errorBody(e: AppError, correlationId: string) {
  return { ok: false as const, error: e.id, status: e.status, message: e.message, data: e.data, correlationId };
}

/** Installs the error handler on `app`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const e = toAppError(err, req);
    if (e.status >= 500) req.log.error({ err }, "request failed");
    else req.log.info({ error: e.id, status: e.status }, "request refused");
    if (e.data && typeof e.data === "object" && "retryAfterSeconds" in e.data) {
      reply.header("retry-after", String((e.data as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    return reply.status(e.status).send(errorBody(e, req.id));
  });
}
