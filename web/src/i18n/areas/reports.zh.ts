/**
 * @module Chinese UI strings of the reports area (keys prefixed `reports.`), spread into the main dictionary (../zh.ts).
 * Each area keeps its own pair of files so areas built side by side do not edit the same lines.
 */
export const reportsZh = {
} as const;
