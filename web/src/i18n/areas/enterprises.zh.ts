/**
 * @module Chinese UI strings of the second group of registries — drinking-water sources, enterprises and permits,
 * facilities (keys prefixed `drinking.`, `enterprises.`, `facilities.`), spread into the main dictionary (../zh.ts).
 */
export const enterprisesZh = {
} as const;
