/**
 * @module Cancan-style authorization: per resource, a typed table of actions to rules. `authorize` asserts, `can`
 * answers, and `presentPolicies` evaluates every action for a list of resources so the UI shows only what the user
 * may do. Denials and "not found" share 403 where existence itself is sensitive.
 */
import { Forbidden } from "../errors";
import type { Role } from "../db/schema";

/** The signed-in user, as policies see it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  unitIds: readonly string[];
}

/** A rule: may `actor` do this to `resource`? */
export type Rule<R> = (actor: Actor, resource: R) => boolean;

/** A resource policy: one rule per action. */
export type Policy<R, A extends string> = { readonly [K in A]: Rule<R> };

/** The actions of a policy. */
export type ActionOf<P> = P extends Policy<unknown, infer A> ? A : never;

/**
 * Declares a policy with a typed action union.
 * @example export const userPolicy = definePolicy<UserWithAccess>()({ read: (u) => isOffice(u), … });
 */
export function definePolicy<R>() {
  return <A extends string>(rules: Policy<R, A>): Policy<R, A> => rules;
}

/** Whether `actor` may do `action` to `resource`. */
export function can<R, A extends string>(policy: Policy<R, A>, actor: Actor, action: A, resource: R): boolean {
  return policy[action](actor, resource);
}

/** Throws {@link Forbidden} unless `actor` may do `action` to `resource`. */
export function authorize<R, A extends string>(
  policy: Policy<R, A>,
  actor: Actor,
  action: A,
  resource: R,
): void {
  if (!policy[action](actor, resource)) throw Forbidden();
}

/** Every action of `policy` evaluated for each resource, keyed by id. */
export function presentPolicies<R, A extends string>(
  policy: Policy<R, A>,
  actor: Actor,
  resources: readonly R[],
  idOf: (r: R) => string,
): Record<string, Record<A, boolean>> {
  const out: Record<string, Record<A, boolean>> = {};
  const actions = Object.keys(policy) as A[];
  for (const r of resources) {
    const evaluated = {} as Record<A, boolean>;
    for (const a of actions) evaluated[a] = policy[a](actor, r);
    out[idOf(r)] = evaluated;
  }
  return out;
}

/** Small rules that policies are built from. */
export const has = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
/** Combinators. */
export const and = (...xs: boolean[]) => xs.every(Boolean);
export const or = (...xs: boolean[]) => xs.some(Boolean);
/** Whether the actor belongs to any of the units. */
export const inAnyUnit = (actor: Actor, unitIds: readonly string[]) => unitIds.some((id) => actor.unitIds.includes(id));
