/**
 * @module Route guards: `RequireAuth` sends signed-out visitors to /login (remembering where they were going);
 * `RequireAbility` shows a 403 page, without requesting the page's data, when the role lacks the ability.
 */
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { wasSignedOut, useSession } from "../hooks/useSession";
import { useAbility } from "../hooks/usePolicy";
import type { AbilityName } from "../api/types";
import { Forbidden, LoadError, PageLoading } from "./Status";

/** Location state passed to /login: where to go after signing in. */
export interface LoginState {
  from?: string;
}

/** Renders children only with a session. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoading />;
  if (session.isError) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    // After a deliberate sign-out the next user starts at the dashboard; after an expired session, where they were.
    const state: LoginState | null = wasSignedOut() ? null : { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}

/** Renders children only when the user has `ability`. */
export function RequireAbility({ ability, children }: { ability: AbilityName; children: ReactNode }) {
  return useAbility(ability) ? <>{children}</> : <Forbidden />;
}
