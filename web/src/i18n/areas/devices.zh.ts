/**
 * @module Chinese UI strings of the devices area (keys prefixed `devices.`), spread into the main dictionary (../zh.ts).
 * Each area keeps its own pair of files so areas built side by side do not edit the same lines.
 */
export const devicesZh = {
} as const;
