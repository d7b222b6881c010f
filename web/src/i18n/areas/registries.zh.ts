/**
 * @module Chinese UI strings of the registries area (keys prefixed `registries.`), spread into the main dictionary (../zh.ts).
 * Each area keeps its own pair of files so areas built side by side do not edit the same lines.
 */
export const registriesZh = {
} as const;
