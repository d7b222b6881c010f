import { describe, expect, it } from "vitest";
import { planDashboard, type DashboardMilestone, type DashboardRequirement } from "./dashboard";

const tasks = [
  { id: "t1", number: "1", title: "黑臭水体整治", section: "(一)城市黑臭水体" },
  { id: "t2", number: "2", title: "污水收集处理", section: "(一)城市黑臭水体" },
  { id: "t11", number: "11", title: "美丽河湖创建", section: "(三)河湖治理" },
  { id: "t12", number: "12", title: "调整优化产业结构", section: "(四)其他" }, // no deadline: counted as a task, no milestone
];
const m = (taskId: string, unitId: string, dueOn: string, completedOn: string | null = null): DashboardMilestone => ({
  taskId, unitId, unitName: unitId === "eco" ? "中站生态环境分局" : "区住房和城乡建设局", dueOn, text: dueOn, completedOn,
});
const r = (unitId: string, dueOn: string, firstSubmittedAt: string | null, taskId: string | null = "t1"): DashboardRequirement => ({
  roundId: `r-${dueOn}`, roundTitle: `调度${dueOn}`, taskId, unitId, unitName: unitId === "eco" ? "中站生态环境分局" : "区住房和城乡建设局", dueOn, firstSubmittedAt,
});

describe("planDashboard", () => {
  // Today 2022-06-01. Horizon 14 days: 06-01 … 06-15 are "due soon"; 06-16 is not.
  const d = planDashboard({
    tasks,
    milestones: [
      m("t1", "eco", "2022-05-31"), // overdue by 1 day
      m("t1", "housing", "2022-05-31", "2022-05-30"), // done on time
      m("t2", "housing", "2022-06-15"), // due soon, 14 days left
      m("t2", "housing", "2022-06-16"), // open, beyond the horizon
      m("t11", "eco", "2022-05-20", "2022-06-02"), // reported done for tomorrow: still overdue today (12 days)
    ],
    requirements: [
      r("eco", "2022-05-25", null), // missing
      r("housing", "2022-05-25", "2022-05-27"), // late
      r("eco", "2022-06-01", null), // due today: due soon, 0 days left
    ],
    ladders: [{ taskId: "t1", unitId: "eco", step: "reminder" }, { taskId: "t11", unitId: "eco", step: "notice" }],
    today: "2022-06-01",
  });

  it("counts by section", () => {
    expect(d.bySection).toEqual([
      { section: "(一)城市黑臭水体", tasks: 2, milestones: 4, done: 1, overdue: 1, dueSoon: 1 },
      { section: "(三)河湖治理", tasks: 1, milestones: 1, done: 0, overdue: 1, dueSoon: 0 },
      { section: "(四)其他", tasks: 1, milestones: 0, done: 0, overdue: 0, dueSoon: 0 },
    ]);
    expect(d.totals).toEqual({ tasks: 4, milestones: 5, done: 1, overdue: 2, dueSoon: 1, roundsMissing: 1 });
  });

  it("counts by unit, most overdue first, with rounds and the strongest open rung", () => {
    expect(d.byUnit).toEqual([
      { unitId: "eco", unitName: "中站生态环境分局", tasks: 2, milestones: 2, done: 0, overdue: 2, dueSoon: 0, roundsRequired: 2, roundsMissing: 1, roundsLate: 0, ladderStep: "notice" },
      { unitId: "housing", unitName: "区住房和城乡建设局", tasks: 2, milestones: 3, done: 1, overdue: 0, dueSoon: 1, roundsRequired: 1, roundsMissing: 0, roundsLate: 1, ladderStep: null },
    ]);
  });

  it("lists overdue milestones, longest first", () => {
    expect(d.overdue.map((o) => [o.taskNumber, o.unitId, o.days])).toEqual([["11", "eco", 12], ["1", "eco", 1]]);
  });

  it("lists what falls due within 14 days, soonest first", () => {
    expect(d.upcoming.map((u) => [u.kind, u.dueOn, u.daysLeft, u.unitId])).toEqual([
      ["round", "2022-06-01", 0, "eco"],
      ["milestone", "2022-06-15", 14, "housing"],
    ]);
  });

  it("takes another horizon", () => {
    const seven = planDashboard({ tasks, milestones: [m("t2", "housing", "2022-06-15"), m("t2", "housing", "2022-06-08")], requirements: [], ladders: [], today: "2022-06-01", horizonDays: 7 });
    expect(seven.upcoming.map((u) => u.dueOn)).toEqual(["2022-06-08"]);
  });
});
