/**
 * @module Chart helpers of the area without React components (kept apart so FlagChart imports no tags).
 */
export { beijingText, factorLabel } from "../Monitoring/quality";
export { QC_COLOUR } from "./colours";
