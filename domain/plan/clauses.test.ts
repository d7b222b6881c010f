import { describe, expect, it } from "vitest";
import { findClauses } from "./clauses";
import { findTargets } from "./targets";
import { createUnitResolver } from "./units";
import { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } from "./zhongzhanUnits";
import type { Role } from "./types";

const resolver = createUnitResolver(ZHONGZHAN_UNITS, { areaNames: ZHONGZHAN_AREA_NAMES });
const roles = (text: string) =>
  findClauses(text, 0, resolver).map((c) => [c.role, [...c.units, ...c.collectives.map((n) => `*${n}`), ...c.unknown.map((n) => `?${n}`)]]);

describe("findClauses", () => {
  it.each([
    ["verb after the list", "整治。（区住房和城乡建设局牵头，区财政局、农业农村局参与，各办事处负责落实）",
      [["lead", ["区住房和城乡建设局"]], ["participant", ["区财政局", "区农业农村局"]], ["implementer", ["*各办事处"]]]],
    ["按职责分工负责 / 按照职责分工负责", "（区财政局、城市管理局按职责分工负责，区公安局按照职责分工负责）",
      [["co_lead", ["区财政局", "区城市管理局"]], ["co_lead", ["区公安局"]]]],
    ["配合 and plain 负责", "（区财政局配合，区公安局负责）", [["participant", ["区财政局"]], ["responsible", ["区公安局"]]]],
    ["落实 without 负责", "（府城办事处落实）", [["implementer", ["府城办事处"]]]],
    ["由 … 牵头", "（由区应急管理局牵头）", [["lead", ["区应急管理局"]]]],
    ["labels on one line, ; list", "牵头单位:区住建局  责任单位:区城管局;中站生态环境分局",
      [["lead", ["区住房和城乡建设局"]], ["responsible", ["区城市管理局", "中站生态环境分局"]]]],
    ["labels on separate lines", "巡查。\n牵头单位：区农业农村局\n配合单位：各办事处\n落实单位：府城街道\n完成时限：6月底",
      [["lead", ["区农业农村局"]], ["participant", ["*各办事处"]], ["implementer", ["府城办事处"]]]],
    ["labels inside a parenthesis", "（牵头单位：中站生态环境分局；配合单位：府城街道、龙翔街道）",
      [["lead", ["中站生态环境分局"]], ["participant", ["府城办事处", "龙翔办事处"]]]],
    ["unknown names are kept apart", "（区水务集团牵头）", [["lead", ["?区水务集团"]]]],
    ["a role in parentheses after each name of a label", "责任单位：区农业农村局（牵头），各办事处（配合），区财政局。时间：长期坚持",
      [["lead", ["区农业农村局"]], ["participant", ["*各办事处"]], ["responsible", ["区财政局"]]]],
    ["names run together", "（区住建局区城管局参与）", [["participant", ["区住房和城乡建设局", "区城市管理局"]]]],
    ["parentheses of prose are not clauses", "依法依规划定（调整）饮用水水源保护区（范围）。开展城镇（工业）污水处理厂检查", []],
    ["a parenthesis with a date is not a list", "（2022年底前负责完成）", []],
    ["由 … 牵头 in a plain sentence, then 配合 and 负责落实", "排查。由区住房和城乡建设局牵头，区城市管理局、中站生态环境分局配合，各办事处负责落实。",
      [["lead", ["区住房和城乡建设局"]], ["participant", ["区城市管理局", "中站生态环境分局"]], ["implementer", ["*各办事处"]]]],
    ["该项工作由 … 负责", "设置标志。该项工作由中站生态环境分局负责。", [["responsible", ["中站生态环境分局"]]]],
    ["由 introduces unknown names too", "由区水务集团负责。", [["responsible", ["?区水务集团"]]]],
    ["prose ending in a verb is not a clause", "区直有关部门要依据职责分工负责。各级政府要加大投入。持续推进并组织实施。按照属地管理原则负责", []],
    ["a standing rule is not the task's own clause", "以下任务未明确具体落实单位的，均需各县区政府落实，不再专门列出。", []],
    ["space-separated names with an unknown one", "配合单位：区农业农村局  区水务集团", [["participant", ["区农业农村局", "?区水务集团"]]]],
    // 会同: the first-named unit leads, the units it acts jointly with share the duty (co_lead, see jointGroup).
    ["由A会同B + an activity", "由中站生态环境分局会同区农业农村局开展排查，6月底前完成。", [["lead", ["中站生态环境分局"]], ["co_lead", ["区农业农村局"]]]],
    ["A会同B、C负责 in a sentence", "区财政局会同区发展和改革委员会、各办事处负责资金保障。", [["lead", ["区财政局"]], ["co_lead", ["区发展和改革委员会", "*各办事处"]]]],
    ["A会同B负责 in a parenthesis, then 参与", "（区住建局会同区城管局负责，区公安局参与）", [["lead", ["区住房和城乡建设局"]], ["co_lead", ["区城市管理局"]], ["participant", ["区公安局"]]]],
    ["由A会同B等部门负责 with an unknown B", "由区应急管理局会同区水务集团等部门负责。", [["lead", ["区应急管理局"]], ["co_lead", ["?区水务集团"]]]],
    ["prose with 会同 is not a clause", "要会同有关部门开展排查。各单位会同相关部门研究", []],
  ] as [string, string, [Role, string[]][]][])("%s", (_what, text, expected) => expect(roles(text)).toEqual(expected));

  it("keeps the spans of a 会同 clause", () => {
    const text = "由中站生态环境分局会同区农业农村局开展排查";
    expect(findClauses(text, 0, resolver).map((c) => text.slice(c.span.start, c.span.end))).toEqual(["中站生态环境分局", "会同区农业农村局"]);
  });

  it("keeps each clause's span", () => {
    const text = "整治。（区财政局牵头，各办事处负责落实）";
    for (const c of findClauses(text, 100, resolver)) expect(text.slice(c.span.start - 100, c.span.end - 100)).toBe(c.text);
  });
});

describe("findTargets", () => {
  it.each([
    ["城市集中式饮用水水源地取水水质达标率达到100%", [{ indicator: "城市集中式饮用水水源地取水水质达标率", value: 100, unit: "%", comparison: "reach" }]],
    ["到2022年底，万元工业增加值用水量较2020年下降2%", [{ indicator: "万元工业增加值用水量", value: 2, unit: "%", comparison: "decrease", baselineYear: 2020 }]],
    ["城镇生活污水集中收集率不低于70%", [{ indicator: "城镇生活污水集中收集率", value: 70, unit: "%", comparison: "at_least" }]],
    ["劣Ⅴ类水体比例控制在5%以内", [{ indicator: "劣Ⅴ类水体比例", value: 5, unit: "%", comparison: "at_most" }]],
    ["优良水体比例达到60%以上", [{ indicator: "优良水体比例", value: 60, unit: "%", comparison: "at_least" }]],
    ["再生水利用率较2020年提高5个百分点", [{ indicator: "再生水利用率", value: 5, unit: "个百分点", comparison: "increase", baselineYear: 2020 }]],
    ["完成市级下达的地表水环境质量考核目标", []],
    ["到2025年底，全区水质优良比例90%以上", [{ indicator: "全区水质优良比例", value: 90, unit: "%", comparison: "at_least" }]],
    ["城市建成区黑臭水体消除比例保持100%", [{ indicator: "城市建成区黑臭水体消除比例", value: 100, unit: "%", comparison: "reach" }]],
    ["新建管网12公里以上", [{ indicator: "新建管网", value: 12, unit: "公里", comparison: "at_least" }]],
    ["切实做到稳定达标排放", []],
  ])("%s", (text, expected) => expect(findTargets(text)).toEqual(expected));
});
