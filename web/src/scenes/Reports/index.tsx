/**
 * @module The reports area: its own nested routes under /reports/* (one lazy chunk for the area's entry; its pages may
 * be lazy chunks of their own). Still the 建设中 page until the area's scenes land.
 */
import AreaScene from "../Area/AreaScene";

/** Routes of the area. */
export default function ReportsArea() {
  return <AreaScene area="reports" />;
}
