import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findDeadlines } from "./deadlines";
import { normalizePlanText } from "./normalize";
import { parsePlan } from "./parsePlan";
import { paragraphs } from "./structure";
import { addWorkingDays, isWorkingDay } from "./workingDays";
import { ZHONGZHAN_AREA_NAMES, ZHONGZHAN_UNITS } from "./zhongzhanUnits";

// Focused layouts beyond the fixtures; every expected value below is read off the input text by hand.
const options = { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES, year: 2024 };
const parse = (text: string, extra: Partial<typeof options> & { year?: number } = {}) => parsePlan(text, { ...options, ...extra });

describe("enumerations run together in one paragraph", () => {
  it("splits 「一是……；二是……；三是……」 into sub-items with their own units and deadlines", () => {
    const plan = parse("三、主要任务\n1.加强水源地保护。一是开展水源地排查，区农业农村局牵头，6月底前完成；二是整治违法建筑，区城市管理局负责，9月底前完成；三是完善标识，区交通运输局负责落实，12月底前完成。");
    expect(plan.tasks.map((t) => [t.number, t.section, t.units.lead, t.units.responsible, t.units.implementer, t.deadlines.map((d) => d.date)])).toEqual([
      ["1(1)", "1 加强水源地保护", ["区农业农村局"], [], [], ["2024-06-30"]],
      ["1(2)", "1 加强水源地保护", [], ["区城市管理局"], [], ["2024-09-30"]],
      ["1(3)", "1 加强水源地保护", [], [], ["区交通运输局"], ["2024-12-31"]],
    ]);
    expect(plan.tasks[1].text).toBe("整治违法建筑，区城市管理局负责，9月底前完成；");
    expect(plan.warnings).toEqual([]);
  });

  it("splits 「1）……2）……」 and 「(1)…(2)…」 on one line; the heading's units go to items without that role", () => {
    const plan = parse("三、主要任务\n1.推进污水治理（区财政局参与）。1）完成管网排查（区住房和城乡建设局牵头，5月底前）；2）完成雨污分流改造（区城市管理局牵头，10月底前）。\n2.强化监管，(1)开展执法检查(中站生态环境分局牵头，8月底前)；(2)公开信息(区公安局负责，11月底前)。");
    expect(plan.tasks.map((t) => [t.number, t.title, t.units.lead, t.units.participant, t.units.responsible, t.deadlines.map((d) => d.date)])).toEqual([
      ["1(1)", "完成管网排查", ["区住房和城乡建设局"], ["区财政局"], [], ["2024-05-31"]],
      ["1(2)", "完成雨污分流改造", ["区城市管理局"], ["区财政局"], [], ["2024-10-31"]],
      ["2(1)", "开展执法检查", ["中站生态环境分局"], [], [], ["2024-08-31"]],
      ["2(2)", "公开信息", [], [], ["区公安局"], ["2024-11-30"]],
    ]);
  });

  it("keeps one task when the items do not each name their units", () => {
    const plan = parse("三、主要任务\n1.加强水源地保护。一是开展排查；二是整治违法建筑，6月底前完成。（区农业农村局牵头）");
    expect(plan.tasks.map((t) => [t.number, t.units.lead, t.deadlines.map((d) => d.date)])).toEqual([["1", ["区农业农村局"], ["2024-06-30"]]]);
  });

  it("does not cut prose: 「统一是」, a lone （1）, 「2021）」", () => {
    const norm = normalizePlanText("标准统一是前提，二是指标（1）类，见2021）号文");
    expect(paragraphs(norm)).toHaveLength(1);
  });
});

describe("a 附件说明 list after the body", () => {
  const body = "三、主要任务\n1.开展排查。6月底前完成。（区财政局牵头）\n2.开展整治。9月底前完成。（区公安局牵头）\n";
  it("at the very end: its numbered lines are not tasks, the titles are listed", () => {
    const plan = parse(`${body}附件：1.中站区饮用水水源地名录\n2.中站区入河排污口清单\n3.任务分解表`);
    expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2"]);
    expect(plan.attachments).toEqual(["中站区饮用水水源地名录", "中站区入河排污口清单", "任务分解表"]);
    expect(plan.warnings).toEqual([]);
  });
  it("before the signature and the attachments themselves, the list wrapped by a PDF's indentation", () => {
    const plan = parse(`${body}\n附件：1.中站区饮用水水源地名录\n\n      2.中站区入河排污口清单\n\n中站区污染防治攻坚战领导小组办公室\n2024年3月1日\n附件1\n中站区饮用水水源地名录\n1.府城水源地\n2.龙翔水源地`);
    expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2"]);
    expect(plan.attachments).toEqual(["中站区饮用水水源地名录", "中站区入河排污口清单"]);
    expect(plan.date).toBe("2024-03-01");
    expect(plan.issuer).toBe("中站区污染防治攻坚战领导小组办公室");
  });
  it("「附件：」 alone above the list at the end", () => {
    const plan = parse(`${body}附件：\n1.中站区饮用水水源地名录\n2.中站区入河排污口清单`);
    expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2"]);
    expect(plan.attachments).toEqual(["中站区饮用水水源地名录", "中站区入河排污口清单"]);
  });
  it("「附件：」 heading an attachment of written tasks is not a list", () => {
    const plan = parse("中站区2024年水源地保护工作方案\n附件：\n1.开展排查。6月底前完成。（区财政局牵头）\n2.开展整治。（区公安局牵头）");
    expect(plan.tasks.map((t) => [t.number, t.units.lead])).toEqual([["1", ["区财政局"]], ["2", ["区公安局"]]]);
    expect(plan.attachments).toBeUndefined();
  });
});

describe("weekly and daily duties", () => {
  it("expands 「6月至9月每周五前」 into each Friday of the period, marked weekly", () => {
    const plan = parse("三、主要任务\n1.加强汛期巡查。6月至9月每周五前报送巡查记录。（区农业农村局牵头）");
    const fridays = ["06-07", "06-14", "06-21", "06-28", "07-05", "07-12", "07-19", "07-26", "08-02", "08-09", "08-16", "08-23", "08-30", "09-06", "09-13", "09-20", "09-27"];
    expect(plan.tasks[0].deadlines.map((d) => [d.date, d.text, d.recurrence])).toEqual(fridays.map((d) => [`2024-${d}`, "每周五前", "weekly"]));
    expect(plan.warnings).toEqual([]);
  });
  it("a plain 「每周」 is the last day (Sunday) of each ISO week, up to the task's deadline, from the date of issue", () => {
    const plan = parse("中站区2024年水源地整治方案\n2024年5月18日\n三、主要任务\n1.整治水源地。每周报送进展，6月底前完成整治。（区农业农村局牵头）");
    expect(plan.date).toBe("2024-05-18");
    expect(plan.tasks[0].deadlines.map((d) => [d.date, d.recurrence ?? null])).toEqual([
      ["2024-05-19", "weekly"], ["2024-05-26", "weekly"], ["2024-06-02", "weekly"], ["2024-06-09", "weekly"], ["2024-06-16", "weekly"],
      ["2024-06-23", "weekly"], ["2024-06-30", "weekly"], ["2024-06-30", null],
    ]);
  });
  it("汛期 is 6月1日–9月30日 (Sundays); 「每日」 stays one warning, not 122 milestones", () => {
    const plan = parse("三、主要任务\n1.加强巡查。汛期每日巡查，每周汇总上报。（区农业农村局牵头）");
    const dates = plan.tasks[0].deadlines.map((d) => d.date);
    expect([dates.length, dates[0], dates.at(-1)]).toEqual([18, "2024-06-02", "2024-09-29"]);
    expect(plan.warnings.map((w) => [w.code, w.message])).toEqual([["recurring_not_expanded", "任务1的“每日”要求未展开为节点，请按需设置调度"]]);
  });
  it("without any period 「每周」 is not expanded and is reported", () => {
    const plan = parse("三、主要任务\n1.开展巡查。每周巡查一次。（区财政局牵头）");
    expect(plan.tasks[0].deadlines).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual(["recurring_not_expanded"]);
  });
});

describe("「N个工作日内」 counted in working days (Monday–Friday; statutory holidays not known)", () => {
  it("「每季度结束后10个工作日内」: the 10th working day after each quarter end", () => {
    expect(findDeadlines("每季度结束后10个工作日内报送", 2024).map((d) => [d.date, d.recurrence])).toEqual([
      ["2024-04-12", "quarterly"], ["2024-07-12", "quarterly"], ["2024-10-14", "quarterly"], ["2025-01-14", "quarterly"],
    ]);
  });
  it("「印发后5个工作日内」 from a Saturday's date of issue ends on Friday; 「印发之日起10日内」 in calendar days", () => {
    expect(findDeadlines("本方案印发后5个工作日内报送联络员名单", 2024, "2024-05-18").map((d) => [d.date, d.text])).toEqual([["2024-05-24", "本方案印发后5个工作日内"]]);
    expect(findDeadlines("自印发之日起10日内完成", 2024, "2024-05-18").map((d) => d.date)).toEqual(["2024-05-28"]);
    expect(findDeadlines("印发后5个工作日内报送", 2024, null)).toEqual([]); // no date of issue, no date
  });
  it("「每月前5个工作日内」 and 「每月结束后5个工作日内」", () => {
    expect(findDeadlines("每月前5个工作日内报送上月数据", 2024, "2024-05-18").map((d) => d.date).slice(0, 2)).toEqual(["2024-06-07", "2024-07-05"]);
    expect(findDeadlines("每月结束后5个工作日内报送", 2024).map((d) => d.date)[0]).toBe("2024-02-07");
  });
  it("counts across a weekend and does not count the start day", () => {
    expect([addWorkingDays("2024-03-31", 10), addWorkingDays("2024-05-17", 1), isWorkingDay("2024-06-01"), isWorkingDay("2024-06-03")]).toEqual(["2024-04-12", "2024-05-20", false, true]);
  });
});

describe("a task table extracted from a PDF one cell per line (fixtures/zhongzhan-2025-pdf-table.txt)", () => {
  const text = readFileSync(new URL("./fixtures/zhongzhan-2025-pdf-table.txt", import.meta.url), "utf8");
  const plan = parsePlan(text, { units: ZHONGZHAN_UNITS, areaNames: ZHONGZHAN_AREA_NAMES });
  it("reads the head, the goal and one task per row with its roles and deadline", () => {
    expect([plan.title, plan.docNumber, plan.date, plan.year]).toEqual(["中站区2025年水污染防治攻坚战重点任务分解方案", "中环攻坚办〔2025〕7号", "2025-03-10", 2025]);
    expect(plan.goals.map((g) => g.targets)).toEqual([[{ indicator: "全区地表水考核断面水质达标率", value: 100, unit: "%", comparison: "reach" }]]);
    expect(plan.tasks.map((t) => [t.number, t.section, t.title, t.units.lead, t.units.participant, t.collectives.participant, t.deadlines.map((d) => [d.date, d.text])])).toEqual([
      // the task cell wrapped over two lines, the 配合单位 cell after 「、」
      ["1", "二、重点任务", "开展城市建成区黑臭水体排查，建立问题清单", ["区住房和城乡建设局"], ["区城市管理局", "中站生态环境分局"], [], [["2025-06-30", "2025年6月底前"]]],
      ["2", "二、重点任务", "推进入河排污口规范化整治", ["中站生态环境分局"], [], ["各办事处"], [["2025-10-31", "2025年10月底前"]]],
      // after a page number and the header repeated; the empty 配合单位 cell dropped by the PDF
      ["3", "二、重点任务", "完成饮用水水源地标志设置", ["区农业农村局"], [], [], [["2025-09-30", "2025年9月30日前"]]],
      ["4", "二、重点任务", "加强工业企业节水管理", ["区科技和工业信息化局"], [], [], [["2025-12-31", "12月底前"]]],
    ]);
    expect(plan.unknownUnits).toEqual([{ name: "区水务集团", taskNumbers: ["4"] }]);
    expect(plan.warnings).toEqual([]);
  });
  it("keeps the prose after the table as sections, and spans on the cells", () => {
    expect(plan.sections.map((s) => s.label)).toEqual(["一、工作目标", "二、重点任务", "三、保障措施"]);
    const norm = normalizePlanText(text);
    for (const t of plan.tasks) {
      expect(norm.slice(t.span.start, t.span.end)).toBe(t.text);
      for (const c of t.clauses) expect(norm.slice(c.span.start, c.span.end)).toBe(c.text);
      for (const d of t.deadlines) expect(norm.slice(d.span.start, d.span.end)).toBe(d.text);
    }
    expect(plan.tasks[0].clauses.map((c) => [c.role, c.text])).toEqual([["lead", "区住房和城乡建设局"], ["participant", "区城市管理局、\n中站生态环境分局"]]);
  });
  it("needs the header: the same lines without it are prose, not a table", () => {
    const prose = parse("三、主要任务\n1.开展排查，建立\n问题清单。（区住房和城乡建设局牵头）\n2\n区城市管理局");
    expect(prose.tasks.map((t) => [t.number, t.units.lead])).toEqual([["1", ["区住房和城乡建设局"]]]);
  });
});

describe("enumerations in prose and in 「（一）」 tasks", () => {
  it("一是/二是 in 保障措施 or under a heading add no tasks and no sections", () => {
    const plan = parse("三、主要任务\n1.开展排查。（区财政局牵头）\n四、保障措施\n（一）加强领导。一是压实责任；二是强化督查。\n五、工作要求\n一是加强调度；二是严格考核。");
    expect(plan.tasks.map((t) => t.number)).toEqual(["1"]);
    expect(plan.sections.map((s) => [s.label, s.children.map((c) => c.label)])).toEqual([["三、主要任务", []], ["四、保障措施", ["(一)加强领导"]], ["五、工作要求", []]]);
    expect(plan.warnings).toEqual([]);
  });
  it("a plan of 「（一）」 tasks: one with an enumeration naming units per item splits into 1(1), 1(2)", () => {
    const plan = parse("三、主要任务\n（一）加强水源保护：一是开展排查（区农业农村局牵头）；二是设置标志（区交通运输局牵头）。\n（二）推进雨污分流。一是完成排查；二是完成改造。（区城市管理局牵头）");
    expect(plan.tasks.map((t) => [t.number, t.units.lead])).toEqual([["1(1)", ["区农业农村局"]], ["1(2)", ["区交通运输局"]], ["2", ["区城市管理局"]]]);
    expect(plan.warnings).toEqual([]);
  });
});

describe("a cell-per-line table in an attachment", () => {
  const table = "附件\n重点任务分解表\n序号\n工作任务\n牵头单位\n责任单位\n完成时间\n1\n开展排查\n区财政局\n各办事处\n2024年6月底\n2\n开展整治\n区公安局\n府城街道\n长期坚持";
  it("repeats the body's tasks: left out with a warning", () => {
    const plan = parse(`三、主要任务\n1.开展排查。2024年6月底前完成。（区财政局牵头）\n2.开展整治。（区公安局牵头）\n${table}`);
    expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2"]);
    expect(plan.warnings).toEqual([{ code: "annex_tasks_ignored", message: "附件中的任务表（2 项）与正文任务重复，未作为任务读取" }]);
  });
  it("is the plan's tasks when the body has none (a 责任单位 column, a deadline of 长期坚持; the section labelled 「附件」 as in the 2026 fixture)", () => {
    const plan = parse(`中站区2024年水源地整治方案\n一、总体要求\n全面完成整治。\n${table}`);
    expect(plan.tasks.map((t) => [t.number, t.section, t.units.lead, t.units.responsible, t.collectives.responsible, t.deadlines.map((d) => d.date)])).toEqual([
      ["1", "附件", ["区财政局"], [], ["各办事处"], ["2024-06-30"]],
      ["2", "附件", ["区公安局"], ["府城办事处"], [], []],
    ]);
  });
});
