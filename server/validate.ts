/**
 * @module Request validation with zod: parse or throw a {@link ValidationError} whose issues carry dotted field paths.
 */
import type { z } from "zod";
import { ValidationError } from "./errors";

/**
 * Parses `input` with `schema`.
 * @example const body = parse(CreateUserSchema, req.body);
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw ValidationError(
    result.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message })),
  );
}
