import { describe, expect, it } from "vitest";
import { chineseNumber, findDeadlines } from "./deadlines";

describe("findDeadlines (plan year 2022)", () => {
  // [text, expected [date, text] pairs]
  it.each([
    ["2022年5月底前，完成排查", [["2022-05-31", "2022年5月底前"]]],
    ["5月30日前，请各办事处报送", [["2022-05-30", "5月30日前"]]],
    ["到2022年底，用水量下降2%", [["2022-12-31", "到2022年底"]]],
    ["6月份完成排查", [["2022-06-30", "6月份"]]],
    ["12月底完成", [["2022-12-31", "12月底"]]],
    ["2022年10月底前，完成改造", [["2022-10-31", "2022年10月底前"]]],
    ["2024年2月底前", [["2024-02-29", "2024年2月底前"]]], // leap year
    ["2022年6月30日前完成", [["2022-06-30", "2022年6月30日前"]]],
    ["2022年年底前完成", [["2022-12-31", "2022年年底前"]]],
    ["年底前完成", [["2022-12-31", "年底前"]]],
    ["9月上旬完成，9月下旬验收", [["2022-09-10", "9月上旬"], ["2022-09-30", "9月下旬"]]],
    ["上半年完成整改，第三季度末前验收", [["2022-06-30", "上半年"], ["2022-09-30", "第三季度末前"]]],
    ["二〇二二年五月底前", [["2022-05-31", "二〇二二年五月底前"]]],
    ["十一月底前", [["2022-11-30", "十一月底前"]]],
    ["自2022年3月1日起施行", []], // a start date
    ["较2020年下降2%", []], // a baseline year
    ["2月30日前", []], // no such day
    ["完成时限：2022年12月", [["2022-12-31", "2022年12月"]]], // a bare month: its last day
    ["2022年12月18日印发", []], // a date of issue, not a bare month
    ["2023年第二季度完成", [["2023-06-30", "2023年第二季度"]]],
    ["2022年3月至6月开展集中排查", [["2022-06-30", "2022年3月至6月"]]], // a range: its end, not its start
    ["完成时限：2022年度", [["2022-12-31", "2022年度"]]],
    ["2022年度实施方案", []], // a year named, not a deadline
    ["12月前完成全部整治", [["2022-12-31", "12月前"]]], // a yearless month: the plan year's
    ["今年年底前完成测试", [["2022-12-31", "今年年底前"]]],
    ["3个月前已部署", []], // a span of time, not a month
    ["每年6月底前报送总结", [["2022-06-30", "每年6月底前"]]], // yearly: once in the plan year, not a bare 「6月底前」
    ["每半年开展一次评估", [["2022-06-30", "每半年"], ["2022-12-31", "每半年"]]],
    ["每季度结束后10日内报送", [["2022-04-10", "每季度结束后10日内"], ["2022-07-10", "每季度结束后10日内"], ["2022-10-10", "每季度结束后10日内"], ["2023-01-10", "每季度结束后10日内"]]],
  ] as [string, [string, string][]][])("%s", (text, expected) => {
    expect(findDeadlines(text, 2022).map((d) => [d.date, d.text])).toEqual(expected);
  });

  it("keeps offsets into the text", () => {
    const [d] = findDeadlines("持续推进，2022年5月底前，完成", 2022);
    expect("持续推进，2022年5月底前，完成".slice(d.start, d.end)).toBe("2022年5月底前");
  });

  it("expands 「每月10日前」 into the plan year's months from the date of issue, marked monthly", () => {
    const found = findDeadlines("每月10日前报送上月数据", 2022, "2022-05-18");
    expect(found.map((d) => d.date)).toEqual(["2022-06-10", "2022-07-10", "2022-08-10", "2022-09-10", "2022-10-10", "2022-11-10", "2022-12-10"]);
    expect(new Set(found.map((d) => `${d.text}|${d.recurrence}|${d.start}`))).toEqual(new Set(["每月10日前|monthly|0"]));
  });

  it("reads 「每季度末」 as the four quarter ends and 「每月底」 in February as its last day", () => {
    expect(findDeadlines("每季度末调度一次", 2024).map((d) => [d.date, d.recurrence])).toEqual([
      ["2024-03-31", "quarterly"], ["2024-06-30", "quarterly"], ["2024-09-30", "quarterly"], ["2024-12-31", "quarterly"],
    ]);
    expect(findDeadlines("每月底前报送", 2024).map((d) => d.date)[1]).toBe("2024-02-29");
  });

  it("skips yearless dates without a plan year", () => {
    expect(findDeadlines("5月30日前；2022年5月底前；每月10日前；12月前", null).map((d) => d.text)).toEqual(["2022年5月底前"]);
  });
});

describe("chineseNumber", () => {
  it.each([["5", 5], ["十", 10], ["十二", 12], ["二十", 20], ["三十一", 31], ["二〇二二", 2022]] as const)("%s → %d", (s, n) =>
    expect(chineseNumber(s)).toBe(n));
});
