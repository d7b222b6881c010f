/**
 * @module What the UI offers follows what the server allows: global `abilities` come with the session
 * (/api/auth/me), per-resource `policies` with each list response. The UI hides what a user may not do; the server
 * still decides.
 */
import { useSession } from "./useSession";
import type { AbilityName, Policies } from "../api/types";

/**
 * Whether the signed-in user has a global ability (false while signed out or loading).
 * @example const canCreate = useAbility("user.create");
 */
export function useAbility(name: AbilityName): boolean {
  const { data } = useSession();
  return data?.abilities[name] === true;
}

/** The allowed actions on one resource; unknown resources and actions are denied. */
export type PolicyOf<A extends string> = Readonly<Record<A, boolean>>;

/**
 * The policy of resource `id` from a response's `policies` map. Plain function, safe in render callbacks.
 * @example policyOf(policies, user.id).resetPassword
 */
export function policyOf<A extends string>(policies: Policies<A> | undefined, id: string): PolicyOf<A> {
  const entry = policies?.[id] ?? {};
  // A Proxy turns every missing action into `false`, so callers never see undefined.
  return new Proxy(entry, { get: (target, key) => (target as Record<PropertyKey, unknown>)[key] === true }) as PolicyOf<A>;
}

/**
 * The policy of resource `id` for use in a component.
 * @example const policy = usePolicy(list.policies, user.id); policy.update && <Button>编辑</Button>
 */
export function usePolicy<A extends string>(policies: Policies<A> | undefined, id: string): PolicyOf<A> {
  return policyOf(policies, id);
}
