/**
 * @module /api/auth/*: sign-in, sign-out, the current session, password change.
 */
import { ApiError, request, setCsrfToken } from "./client";
import type { Session } from "./types";

/** Signs in; the session cookie is set by the server. */
export async function login(username: string, password: string): Promise<Session> {
  const { data } = await request<Session>("POST", "/api/auth/login", { body: { username, password } });
  setCsrfToken(data.csrfToken);
  return data;
}

/** Signs out (ends the server session). */
export async function logout(): Promise<void> {
  await request<null>("POST", "/api/auth/logout");
  setCsrfToken(null);
}

/** The current session, or null when not signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const { data } = await request<Session>("GET", "/api/auth/me");
    setCsrfToken(data.csrfToken);
    return data;
  } catch (e) {
    if (e instanceof ApiError && e.id === "auth.required") {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Changes the signed-in user's password. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<null>("POST", "/api/auth/password", { body: { currentPassword, newPassword } });
}
