/**
 * @module The offer of a river's emergency plan on a severe alarm of a section. Filled in once the emergency plans
 * exist (0019); until then nothing is shown.
 */
import type { AlarmDetail } from "../../api/alarms";

/** The offer (none yet). */
export function PlanOffer(_props: { alarm: AlarmDetail }) {
  return null;
}
