import { describe, expect, it } from "vitest";
import { DEFAULT_DOC_SERIES, formatDocNumber, nextDocNumber, nextSequence, parseDocNumber } from "./docNumber";

describe("parseDocNumber", () => {
  it.each([
    ["中环攻坚办〔2022〕13号", { prefix: "中环攻坚办", year: 2022, number: 13 }], // the seed plan's own number
    ["中环攻坚督〔2022〕1号", { prefix: "中环攻坚督", year: 2022, number: 1 }],
    ["中环攻坚督[2022]05号", { prefix: "中环攻坚督", year: 2022, number: 5 }], // typed brackets, leading zero
    ["中环攻坚督【2022】5号", { prefix: "中环攻坚督", year: 2022, number: 5 }],
    ["中环攻坚督（2022）第5号", { prefix: "中环攻坚督", year: 2022, number: 5 }],
    [" 环办监测函〔2020〕82号 ", { prefix: "环办监测函", year: 2020, number: 82 }],
    ["中环攻坚办〔22〕13号", null], // two-digit year
    ["中环攻坚办〔2022〕0号", null],
    ["〔2022〕13号", null], // no prefix
    ["中环攻坚办〔2022〕13", null], // no 号
    ["中环攻坚办2022年13号", null],
  ] as const)("%s", (text, expected) => expect(parseDocNumber(text)).toEqual(expected));
});

describe("formatDocNumber", () => {
  it("writes the canonical form and round-trips", () => {
    const d = { prefix: "中环攻坚办", year: 2022, number: 13 };
    expect(formatDocNumber(d)).toBe("中环攻坚办〔2022〕13号");
    expect(parseDocNumber(formatDocNumber(d))).toEqual(d);
  });
  it.each([
    [{ prefix: "", year: 2022, number: 1 }],
    [{ prefix: "中环攻坚办", year: 22, number: 1 }],
    [{ prefix: "中环攻坚办", year: 2022, number: 0 }],
    [{ prefix: "中环攻坚办", year: 2022, number: 1.5 }],
  ])("rejects %j", (d) => expect(() => formatDocNumber(d)).toThrow(RangeError));
});

describe("nextSequence / nextDocNumber (per series, per year)", () => {
  const issued = [
    "中环攻坚督〔2022〕1号", "中环攻坚督〔2022〕2号", "中环攻坚督〔2022〕4号", // 3 withdrawn: not refilled
    "中环攻坚办〔2022〕13号", "中环攻坚督〔2021〕30号", "not a number",
  ];
  it.each([
    ["中环攻坚督", 2022, 5],
    ["中环攻坚办", 2022, 14],
    ["中环攻坚督", 2021, 31],
    ["中环攻坚督", 2023, 1], // a new year starts at 1
    ["中环攻坚办函", 2022, 1], // a series with nothing issued
  ] as const)("%s %s → %s", (prefix, year, n) => expect(nextSequence(issued, prefix, year)).toBe(n));

  it("takes the year in Shanghai time", () => {
    // 2022-12-31 16:30 UTC = 2023-01-01 00:30 in Shanghai
    expect(nextDocNumber(issued, DEFAULT_DOC_SERIES.supervision, Date.UTC(2022, 11, 31, 16, 30))).toBe("中环攻坚督〔2023〕1号");
    expect(nextDocNumber(issued, DEFAULT_DOC_SERIES.supervision, "2022-12-31")).toBe("中环攻坚督〔2022〕5号");
  });

  it("reads numbers typed with other brackets", () =>
    expect(nextSequence(["中环攻坚督[2022]07号"], "中环攻坚督", 2022)).toBe(8));
});
