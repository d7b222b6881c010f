/**
 * @module /api/users: the account administration.
 */
import { request } from "./client";
import type { Role, User, UserAction } from "./types";

/** Filters of the user list. */
export interface UserFilter {
  /** Part of the username or display name. */
  q?: string;
  /** Only members of this unit. */
  unitId?: string;
  /** Only holders of this role. */
  role?: Role;
}

/** A new account. */
export interface NewUser {
  username: string;
  displayName: string;
  /** Initial password, changed by the user at first sign-in. */
  password: string;
  roles: Role[];
  unitIds: string[];
  /** E-mail address; "" or absent: none. */
  email?: string;
}

/** Changes to an account; absent fields stay. */
export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  unitIds?: string[];
  disabled?: boolean;
  /** E-mail address; "" removes it. */
  email?: string;
}

/** Lists users the actor may see, with per-user policies. */
export function listUsers(filter: UserFilter) {
  return request<User[], UserAction>("GET", "/api/users", { query: { ...filter } });
}

/** Creates an account. */
export function createUser(body: NewUser) {
  return request<User, UserAction>("POST", "/api/users", { body });
}

/** Updates an account. */
export function updateUser(id: string, body: UserChanges) {
  return request<User, UserAction>("PATCH", `/api/users/${encodeURIComponent(id)}`, { body });
}

/** Sets a new password for another user (administrator reset). */
export async function resetPassword(id: string, newPassword: string): Promise<void> {
  await request<null>("POST", `/api/users/${encodeURIComponent(id)}/password`, { body: { newPassword } });
}
