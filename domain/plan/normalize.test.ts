import { describe, expect, it } from "vitest";
import { normalizePlanText } from "./normalize";
import { toSimplified } from "./traditional";
import { paragraphs } from "./structure";

describe("normalizePlanText", () => {
  it.each([
    // PDF artefacts
    ["a name broken by a blank line", "（中站生\n\n态环境分局、区发展和改革委员会参与）", "（中站生态环境分局、区发展和改革委员会参与）"],
    ["a clause broken before its verb", "明确要求。（农业农村局牵头，区财政局\n\n参与，各办事处负责落实）", "明确要求。（农业农村局牵头，区财政局参与，各办事处负责落实）"],
    ["a sentence broken after a comma", "加快整改，2022年10月底前，\n\n完成改造任务。", "加快整改，2022年10月底前，完成改造任务。"],
    ["spaces inside a date", "2022 年 5 月 18 日", "2022年5月18日"],
    ["spaces around numbers", "中站区 2022 年水污染防治攻坚战 实施方案", "中站区2022年水污染防治攻坚战实施方案"],
    ["letter-spaced text", "区 财 政 局 参 与", "区财政局参与"],
    ["CRLF and ideographic spaces", "一、指导思想\r\n\u3000\u3000以习近平思想为指导。", "一、指导思想\n以习近平思想为指导。"],
    ["headings stay apart", "三、主要任务\n\n(一) 深入打好攻坚战\n\n1.深入推进整治。", "三、主要任务\n（一）深入打好攻坚战\n1.深入推进整治。"],
    ["a new numbered item after a comma", "推进整治，\n2.持续提升能力。", "推进整治，\n2.持续提升能力。"],
    ["hard-wrapped lines of one width", "一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八\n结束", "一二三四五六七八九十一二三四五六七八".repeat(6) + "结束"],
    // width
    ["half-width punctuation next to Chinese", "完成排查,制定方案;公布清单:如下(附件)", "完成排查，制定方案；公布清单：如下（附件）"],
    ["ASCII punctuation between ASCII stays", "zzhbfz@126.com, 13:30 (1)", "zzhbfz@126.com, 13:30 (1)"],
    ["full-width digits and percent", "达标率达到１００％", "达标率达到100%"],
    ["traditional characters", "區農業農村局牽頭，各辦事處負責落實", "区农业农村局牵头，各办事处负责落实"],
  ])("%s", (_what, raw, expected) => expect(normalizePlanText(raw)).toBe(expected));

  it("keeps a title line apart from the salutation below it", () => {
    expect(normalizePlanText("关于印发实施方案的通知\n\n各办事处：").split("\n")).toHaveLength(2);
  });
});

describe("toSimplified", () => {
  it.each([
    ["中站生態環境分局", "中站生态环境分局"],
    ["區住房和城鄉建設局", "区住房和城乡建设局"],
    ["區發展和改革委員會", "区发展和改革委员会"],
    ["區衛生健康委員會", "区卫生健康委员会"],
    ["區機關事務管理局", "区机关事务管理局"],
    ["區交通運輸局", "区交通运输局"],
    ["中站國土分局、中站規劃分局", "中站国土分局、中站规划分局"],
    ["馮封辦事處、龍翔辦事處、許衡辦事處", "冯封办事处、龙翔办事处、许衡办事处"],
    ["2022年5月底前", "2022年5月底前"],
  ])("%s → %s", (t, s) => expect(toSimplified(t)).toBe(s));
});

describe("paragraphs", () => {
  it("cuts ①② written on one line into paragraphs of their own, offsets kept", () => {
    const text = "1.排查：①溯源；②整治。";
    expect(paragraphs(text).map((p) => [p.text, text.slice(p.start, p.end)])).toEqual([["1.排查：", "1.排查："], ["①溯源；", "①溯源；"], ["②整治。", "②整治。"]]);
  });
  it("leaves a lone ① (a reference) and out-of-order ones alone", () => {
    expect(paragraphs("见①。").map((p) => p.text)).toEqual(["见①。"]);
    expect(paragraphs("②甲①乙").map((p) => p.text)).toEqual(["②甲①乙"]);
  });
});
