/**
 * @module The signed-in session as a react-query cache entry: `useSession()` reads it, sign-in and sign-out write it.
 * Any request answered with `auth.required` clears it (see queryClient.ts), which sends the user to /login.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchSession, login, logout } from "../api/auth";
import type { Session } from "../api/types";

/** Cache key of the session. */
export const SESSION_KEY = ["session"] as const;

/** The current session: `data` is null when signed out, undefined while loading. */
export function useSession() {
  return useQuery<Session | null>({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

/** The signed-in session; only for components rendered inside `RequireAuth`. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentSession outside RequireAuth");
  return data;
}

/** Signs in and stores the session. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { username: string; password: string }) => login(v.username, v.password),
    onSuccess: (session) => {
      signedOut = false;
      // Data of a previous user must not leak into this session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, session);
    },
  });
}

let signedOut = false;

/**
 * True after a deliberate sign-out until the next sign-in, so the next user does not land on the previous user's
 * page. (A module flag, not state: it only steers where /login sends you next.)
 */
export function wasSignedOut(): boolean {
  return signedOut;
}

/** Signs out and forgets every cached response; the auth guard then shows /login. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      signedOut = true;
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}
