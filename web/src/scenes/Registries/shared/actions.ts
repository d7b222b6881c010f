/**
 * @module Names of the audit actions a record's history shows: the common verbs (create, update, attach, import,
 * closing a follow-up task) and every registry lifecycle's own steps, by the last part of `<entity>.<verb>`.
 */
import type { Lifecycle } from "../../../../../domain/registries/lifecycle";
import type { MessageKey, Translate } from "../../../i18n";
import { BODY_LIFECYCLE } from "../../../../../domain/blackOdorous/lifecycle";
import { OUTFALL_LIFECYCLE } from "../../../../../domain/registries/outfallLifecycle";
import { CHAOS_LIFECYCLE } from "../../../../../domain/registries/fourChaos";
import { PROBLEM_LIFECYCLE } from "../../../../../domain/registries/drinkingSource";

const VERBS: Record<string, MessageKey> = {
  create: "registries.verb.create",
  update: "registries.verb.update",
  attach: "registries.verb.attach",
  import: "registries.verb.import",
  task_close: "registries.verb.taskClose",
  round: "registries.verb.round",
  test: "registries.verb.test",
  trace: "registries.verb.trace",
  plan: "registries.verb.plan",
  relapse_raised: "registries.verb.relapse",
};

/** Lifecycles whose step names the history uses; a new registry adds its own. */
export const LIFECYCLES: Lifecycle<string, string>[] = [BODY_LIFECYCLE, OUTFALL_LIFECYCLE, CHAOS_LIFECYCLE, PROBLEM_LIFECYCLE];

/** The name of an audit action. */
export function actionText(action: string, t: Translate): string {
  const verb = action.slice(action.indexOf(".") + 1);
  if (VERBS[verb]) return t(VERBS[verb]);
  for (const lc of LIFECYCLES) {
    const step = lc.transitions.find((x) => x.action === verb);
    if (step) return step.label[t.lang];
  }
  return action;
}
