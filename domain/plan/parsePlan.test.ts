import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizePlanText } from "./normalize";
import { parsePlan } from "./parsePlan";
import { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } from "./zhongzhanUnits";
import type { ParsedPlan, Span } from "./types";

const seed = readFileSync(new URL("../../../shared/seed/zhongzhan-2022-water-plan.txt", import.meta.url), "utf8");
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const options = { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES };

/** The result without spans (fixtures are written by hand from the documents; spans are checked separately). */
const withoutSpans = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(withoutSpans) : v && typeof v === "object"
    ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "span").map(([k, x]) => [k, withoutSpans(x)]))
    : v;

/** Every span in the result with the text it should cover. */
function spans(plan: ParsedPlan): [Span, string][] {
  return [
    ...plan.goals.map((g): [Span, string] => [g.span, g.text]),
    ...plan.tasks.flatMap((t): [Span, string][] => [
      [t.span, t.text],
      ...t.clauses.map((c): [Span, string] => [c.span, c.text]),
      ...t.deadlines.map((d): [Span, string] => [d.span, d.text]),
    ]),
  ];
}

describe.each([
  ["the seed plan 中环攻坚办〔2022〕13号", seed, "zhongzhan-2022.expected.json", 19],
  ["a 工作要点 with 1./2.1/2.1.1 numbering and 牵头单位：lines", readFileSync(new URL("./fixtures/zhongzhan-2023-points.txt", import.meta.url), "utf8"), "zhongzhan-2023-points.expected.json", 4],
  ["a 工作方案 with 「由…牵头」 sentences, （1）（2） sub-items and space-separated unit lists", readFileSync(new URL("./fixtures/zhongzhan-2024-clear-water.txt", import.meta.url), "utf8"), "zhongzhan-2024-clear-water.expected.json", 5],
  ["a 实施方案 with ①② on one line, recurring milestones (每月10日前, 每季度末), yearless 「12月前」「今年年底前」, sub-unit and city-level names, a qualitative goal, a 附件说明 before the signature and a task table repeated in 附件", readFileSync(new URL("./fixtures/zhongzhan-2026-blue-water.txt", import.meta.url), "utf8"), "zhongzhan-2026-blue-water.expected.json", 5],
  ["a plan in 第一章/第一条 articles with labels after commas, bare 90%以上 targets, 2025年12月 and traditional characters", readFileSync(new URL("./fixtures/zhongzhan-2025-articles.txt", import.meta.url), "utf8"), "zhongzhan-2025-articles.expected.json", 4],
])("parsePlan: %s", (_what, text, expected, taskCount) => {
  const plan = parsePlan(text, options);
  it(`reads ${taskCount} tasks`, () => expect(plan.tasks).toHaveLength(taskCount));
  it("equals the hand-written fixture", () => expect(withoutSpans(plan)).toEqual(fixture(expected)));
  it("spans point at the text they came from", () => {
    const norm = normalizePlanText(text);
    for (const [span, text] of spans(plan)) expect(norm.slice(span.start, span.end)).toBe(text);
  });
  it("is JSON-serialisable", () => expect(JSON.parse(JSON.stringify(plan))).toEqual(plan));
});

describe("parsePlan options and warnings", () => {
  it("takes the year from options for yearless dates", () => {
    const plan = parsePlan("三、主要任务\n1.开展排查。6月底前完成。（区财政局牵头）", { units: ZHONGZHAN_UNITS, year: 2024 });
    expect(plan.tasks[0].deadlines.map((d) => d.date)).toEqual(["2024-06-30"]);
  });
  it.each([
    ["no tasks", "一、指导思想\n以习近平新时代中国特色社会主义思想为指导。", "no_tasks"],
    ["no year", "三、主要任务\n1.开展排查。6月底前完成。（区财政局牵头）", "no_year"],
    ["a task without units", "三、主要任务\n1.开展排查。2024年6月底前完成。", "no_units"],
    ["a gap in numbering", "三、主要任务\n1.开展排查。（区财政局牵头）\n3.开展整治。（区财政局牵头）", "number_gap"],
    ["a weekly duty (not expanded into 52 milestones)", "三、主要任务\n1.开展巡查。每周巡查一次。（区财政局牵头）", "recurring_not_expanded"],
  ])("warns on %s", (_what, text, code) => {
    expect(parsePlan(text, { units: ZHONGZHAN_UNITS }).warnings.map((w) => w.code)).toContain(code);
  });
  it("reports unknown units with their tasks and never invents them", () => {
    const plan = parsePlan("三、主要任务\n1.甲。（区水务集团牵头）\n2.乙。（区水务集团参与，区财政局牵头）", { units: ZHONGZHAN_UNITS });
    expect(plan.unknownUnits).toEqual([{ name: "区水务集团", taskNumbers: ["1", "2"] }]);
    expect(plan.tasks[1].units.lead).toEqual(["区财政局"]);
    expect(plan.tasks[1].units.participant).toEqual([]);
  });
  it("reads tasks written at 「（一）」 when the plan has no Arabic-numbered items, numbered 1, 2 …", () => {
    const plan = parsePlan("三、主要任务\n（一）开展黑臭水体排查。6月底前完成。（区住房和城乡建设局牵头）\n（二）推进雨污分流。（区城市管理局牵头，区财政局参与）\n四、保障措施\n（一）加强组织领导。", { units: ZHONGZHAN_UNITS, year: 2024 });
    expect(plan.tasks.map((t) => [t.number, t.title, t.units.lead, t.units.participant])).toEqual([
      ["1", "开展黑臭水体排查", ["区住房和城乡建设局"], []],
      ["2", "推进雨污分流", ["区城市管理局"], ["区财政局"]],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it("keeps a heading with one line of ①② items and a 牵头单位 line as one task", () => {
    const plan = parsePlan("二、重点任务\n1.开展排查\n①完成建成区排查；②完成城乡结合部排查。\n牵头单位：区住建局\n完成时限：2024年度", { units: ZHONGZHAN_UNITS });
    expect(plan.tasks.map((t) => [t.number, t.title, t.units.lead, t.deadlines.map((d) => d.date)])).toEqual([["1", "开展排查", ["区住房和城乡建设局"], ["2024-12-31"]]]);
  });

  it("applies a standing clause only to later tasks lacking that role", () => {
    const text = "三、主要任务\n1.甲。（区财政局牵头）\n以下任务未明确具体落实单位的，均需各县区政府落实，不再专门列出。\n2.乙。（区财政局牵头）\n3.丙。（区财政局牵头，府城办事处负责落实）";
    const plan = parsePlan(text, { units: ZHONGZHAN_UNITS, year: 2022 });
    expect(plan.tasks.map((t) => t.collectives.implementer)).toEqual([[], ["各县区政府"], []]);
    expect(plan.tasks[2].units.implementer).toEqual(["府城办事处"]);
    expect(plan.tasks[1].clauses.at(-1)).toMatchObject({ role: "implementer", inherited: true });
  });
});
