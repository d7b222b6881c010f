/**
 * @module Request bodies of the authentication routes.
 */
import { z } from "zod";

/** Sign-in. */
export const LoginSchema = z.object({
  /** Login name (case-insensitive). */
  username: z.string().trim().min(1, "请输入用户名").max(64),
  /** Password as typed. */
  password: z.string().min(1, "请输入密码").max(200),
});

/** A user changing their own password. */
export const ChangePasswordSchema = z.object({
  /** The password in use now. */
  currentPassword: z.string().min(1, "请输入当前密码").max(200),
  /** The new password (rules in auth/password.ts). */
  newPassword: z.string().max(200),
});
