/**
 * @module Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) and the password rules.
 */
import { hash, verify } from "@node-rs/argon2";
import type { FieldIssue } from "../errors";

const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable with isolatedModules) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password into a PHC string ($argon2id$…). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored PHC string; false for malformed hashes. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so both answers take the same time.
let dummyHash: Promise<string> | null = null;
/** Spends the time of one verification without a user (defeats username probing by timing). */
export async function verifyNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword("qingliu-no-such-user");
  await verifyPassword(await dummyHash, password);
}

/** The minimum password length. */
export const MIN_PASSWORD_LENGTH = 10;

/** Problems with a new password, as field issues under `field`. */
export function passwordIssues(password: string, username: string | undefined, field: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) issues.push({ path: field, message: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符` });
  if (password.length > 200) issues.push({ path: field, message: "密码不能超过 200 个字符" });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    issues.push({ path: field, message: "密码不能包含用户名" });
  if (new Set(password).size < 4) issues.push({ path: field, message: "密码过于简单" });
  return issues;
}
