/**
 * @module Colours of QARTOD flags: pass green, not evaluated grey, suspect orange, fail red, missing dark grey.
 */
import type { QcFlag } from "../../api/quality";

/** Flag → colour. */
export const QC_COLOUR: Record<QcFlag, string> = { 1: "#52c41a", 2: "#8c8c8c", 3: "#fa8c16", 4: "#f5222d", 9: "#595959" };
