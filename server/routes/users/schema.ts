/**
 * @module Requests of the user administration routes.
 */
import { z } from "zod";
import { ROLES, type Role } from "../../db/schema";

const RoleSchema = z.enum(ROLES as [Role, ...Role[]]);
const Uuid = z.uuid("不是有效的编号");
/** An e-mail address (the SMTP channel's); "" or null clears it. Stored lower-case. */
const Email = z
  .union([z.literal(""), z.email("邮箱地址格式不正确").max(254)])
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null));

/** List filters. */
export const ListUsersQuery = z.object({
  /** Part of the username or display name. */
  q: z.string().trim().max(100).optional(),
  /** Only members of this unit. */
  unitId: Uuid.optional(),
  /** Only holders of this role. */
  role: RoleSchema.optional(),
});

/** A new account. */
export const CreateUserSchema = z.object({
  /** Login name: letters, digits, dot, dash, underscore. */
  username: z
    .string()
    .trim()
    .min(2, "用户名至少 2 个字符")
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "用户名只能包含字母、数字、点、短横线和下划线"),
  /** Name shown in the UI, e.g. 张三. */
  displayName: z.string().trim().min(1, "请输入显示名").max(64),
  /** Initial password; changed by the user at first sign-in. */
  password: z.string().max(200),
  /** Roles granted. */
  roles: z.array(RoleSchema).min(1, "至少选择一个角色").max(6),
  /** Units the user belongs to. */
  unitIds: z.array(Uuid).max(50).default([]),
  /** E-mail address for notifications and reports; optional. */
  email: Email.optional(),
});

/** Changes to an account; absent fields stay. */
export const UpdateUserSchema = z
  .object({
    /** Name shown in the UI. */
    displayName: z.string().trim().min(1).max(64).optional(),
    /** Replaces the roles. */
    roles: z.array(RoleSchema).min(1, "至少选择一个角色").max(6).optional(),
    /** Replaces the units. */
    unitIds: z.array(Uuid).max(50).optional(),
    /** Disables (true) or re-enables the account; disabling ends its sessions. */
    disabled: z.boolean().optional(),
    /** E-mail address; null or "" removes it. */
    email: Email.optional(),
  })
  .strict();

/** An administrator's password reset. */
export const ResetPasswordSchema = z.object({
  /** The new password, to be changed by the user at next sign-in. */
  newPassword: z.string().max(200),
});

/** Path parameter. */
export const IdParams = z.object({ id: Uuid });
