/**
 * @module Who may see and act on data quality: QC flags, settings, anti-fabrication findings and the review queue.
 * The office, monitoring operators and auditors read them (findings name enterprises' data, so not every unit);
 * the office and operators set the QC settings; only monitoring operators decide on values (accept, reject,
 * correct) — as only they correct readings (monitoring.policy.ts); the office and operators decide findings.
 * Published (reviewed) figures are read by everyone signed in.
 */
import type { FindingRow } from "../db/tables/quality";
import { definePolicy, has, type Actor } from "./cancan";
import { canCorrectReadings } from "./monitoring.policy";

/** Whether the actor may read QC flags, findings and the review queue. */
export const canReadQuality = (a: Actor) => has(a, "office_admin", "monitoring_operator", "auditor");
/** Whether the actor may change QC settings. */
export const canConfigureQc = (a: Actor) => has(a, "office_admin", "monitoring_operator");
/** Whether the actor may accept, reject or correct flagged values. */
export const canReviewReadings = (a: Actor) => canCorrectReadings(a);
/** Whether the actor may confirm or dismiss findings. */
export const canDecideFindings = (a: Actor) => has(a, "office_admin", "monitoring_operator");

/** Rules for one finding. */
export const findingPolicy = definePolicy<Pick<FindingRow, "status">>()({
  read: (a) => canReadQuality(a),
  decide: (a, f) => canDecideFindings(a) && f.status === "open",
  /** Rejecting the window's values is a review decision. */
  rejectData: (a, f) => canDecideFindings(a) && canReviewReadings(a) && f.status === "open",
});
