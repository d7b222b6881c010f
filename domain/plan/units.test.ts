import { describe, expect, it } from "vitest";
import { createUnitResolver, isCollective, segmentUnits, segmentWithUnknown, suggestUnit } from "./units";
import { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } from "./zhongzhanUnits";

const resolver = createUnitResolver(ZHONGZHAN_UNITS, { areaNames: ZHONGZHAN_AREA_NAMES });

describe("unit normalisation against the demo directory", () => {
  it.each([
    ["区农业农村局", "区农业农村局"],
    ["农业农村局", "区农业农村局"], // 区 dropped after the first item of a list
    ["中站生态环境局", "中站生态环境分局"], // alias
    ["中站生态环境分局", "中站生态环境分局"],
    ["住房城乡建设局", "区住房和城乡建设局"],
    ["住房和城乡建设局", "区住房和城乡建设局"],
    ["区住房城乡建设局", "区住房和城乡建设局"], // loose key: 区 and 和 dropped
    ["中站区住房和城乡建设局", "区住房和城乡建设局"], // area prefix
    ["焦作市中站区财政局", "区财政局"],
    ["发展改革委员会", "区发展和改革委员会"],
    ["区科技工业信息化局", "区科技和工业信息化局"],
    ["区住建局", "区住房和城乡建设局"],
    ["府城街道", "府城办事处"],
    ["冯封办事处", "冯封办事处"],
    ["區農業農村局", "区农业农村局"], // traditional characters
    ["区 财 政 局", "区财政局"], // letter-spaced PDF text
    ["区攻坚战办", "区污染防治攻坚战领导小组办公室"],
    ["区生态环境分局", "中站生态环境分局"], // short name: 区 dropped, then the alias 生态环境分局
    ["生态环境分局", "中站生态环境分局"],
  ])("%s → %s", (raw, name) => expect(resolver.resolve(raw)).toEqual({ kind: "unit", name }));

  it.each(["各办事处", "南水北调中线工程相关办事处", "区直有关部门", "各县区政府", "各有关部门", "各成员单位"])("%s is a collective", (name) => {
    expect(isCollective(name)).toBe(true);
    expect(resolver.resolve(name)).toEqual({ kind: "collective", name });
  });

  it.each(["区水务集团", "市生态环境局", "区教育局"])("%s is unknown", (name) => {
    expect(resolver.resolve(name)).toEqual({ kind: "unknown", name });
  });

  it("splits names run together", () => {
    expect(segmentUnits("区住建局区城管局", resolver)).toEqual(["区住房和城乡建设局", "区城市管理局"]);
    expect(segmentUnits("区住建局区水务集团", resolver)).toBeNull();
  });

  it("never matches a loose key shared by two units", () => {
    const r = createUnitResolver([{ name: "区甲局", aliases: [] }, { name: "县甲局", aliases: ["甲局"] }]);
    expect(r.resolve("区甲局")).toEqual({ kind: "unit", name: "区甲局" });
    expect(r.resolve("甲局")).toEqual({ kind: "unit", name: "县甲局" }); // an exact alias still wins
  });
});

describe("ZHONGZHAN_UNITS", () => {
  it("has unique names and aliases", () => {
    const all = ZHONGZHAN_UNITS.flatMap((u) => [u.name, ...u.aliases]);
    expect(new Set(all).size).toBe(all.length);
  });
  it("lists the nine 街道 as 办事处", () => {
    expect(ZHONGZHAN_UNITS.filter((u) => u.kind === "subdistrict").map((u) => u.name)).toEqual(
      ["府城办事处", "冯封办事处", "龙翔办事处", "许衡办事处", "李封办事处", "王封办事处", "朱村办事处", "月山办事处", "丹河办事处"]);
  });
  it("has no ambiguous loose keys", () => expect(resolver.ambiguous).toEqual([]));
});

describe("segmentWithUnknown", () => {
  const r = createUnitResolver(ZHONGZHAN_UNITS, { areaNames: ZHONGZHAN_AREA_NAMES });
  it.each([
    ["区农业农村局区水务集团", { units: ["区农业农村局"], unknown: ["区水务集团"] }],
    ["区水务集团中站生态环境分局区城管局", { units: ["中站生态环境分局", "区城市管理局"], unknown: ["区水务集团"] }],
    // A sub-unit is not a unit plus a fragment; a run of units only, or of unknown names only, is not this function's.
    ["中站生态环境分局执法大队", null],
    ["区住建局区城管局", null],
    ["区水务集团", null],
  ])("%s", (run, expected) => expect(segmentWithUnknown(run, r)).toEqual(expected));
});

describe("a city-level name is not the district's unit", () => {
  const r = createUnitResolver(ZHONGZHAN_UNITS, { areaNames: ZHONGZHAN_AREA_NAMES });
  it.each([
    ["焦作市生态环境局", { kind: "unknown", name: "焦作市生态环境局" }], // the city bureau, not 中站生态环境分局
    ["焦作市生态环境分局", { kind: "unknown", name: "焦作市生态环境分局" }], // a city-level name, even with 分局
    ["市生态环境分局", { kind: "unknown", name: "市生态环境分局" }],
    ["市住建局", { kind: "unknown", name: "市住建局" }],
    ["焦作市中站区住建局", { kind: "unit", name: "区住房和城乡建设局" }], // the city prefix before the district's name
  ])("%s", (name, expected) => expect(r.resolve(name)).toEqual(expected));
});

describe("suggestUnit", () => {
  it.each([
    ["中站生态环境分局执法大队", { unit: "中站生态环境分局", reason: "sub_unit" }],
    ["中站生态环境监测站", { unit: "中站生态环境分局", reason: "sub_unit" }],
    ["府城街道社区", { unit: "府城办事处", reason: "sub_unit" }],
    ["市生态环境局", { unit: "中站生态环境分局", reason: "other_level" }],
    ["焦作市生态环境局", { unit: "中站生态环境分局", reason: "other_level" }],
    ["市污染防治攻坚战办", { unit: "区污染防治攻坚战领导小组办公室", reason: "other_level" }],
    ["区城市管理综合执法局", { unit: "区城市管理局", reason: "similar" }],
    ["区水务集团", null], // nothing in the directory is close
    ["区教育局", null],
  ])("%s", (name, expected) => expect(suggestUnit(name, ZHONGZHAN_UNITS, ZHONGZHAN_AREA_NAMES)).toEqual(expected));
});
