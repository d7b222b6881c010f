import { describe, expect, it } from "vitest";
import { canTransition, open311Status, reopenRefusal, substantiated } from "./states";
import { boxAround, metresBetween, metresToRiver, metresToSegment } from "./geo";
import { publicText, similarity } from "./text";
import { DEFAULT_FRAUD_RULES, fraudFlags, type FraudComplaint } from "./fraud";
import { approvalRefusal, rewardRefusal, tierApplies } from "./rewards";
import { formatReceipt, leadingZeroBits, normalizeReceipt, receiptFromBytes } from "./receipt";
import { chiefFor, dueAt, nearestRiver } from "./routing";
import { DEFAULT_PORTAL_SETTINGS, mergeSettings, portalSettingsProblems } from "./settings";

describe("complaint states", () => {
  it.each([
    ["received", "dispatch", "office", true],
    ["received", "dispatch", "unit", false],
    ["dispatched", "investigate", "unit", true],
    ["dispatched", "resolve", "unit", false],
    ["investigating", "resolve", "unit", true],
    ["investigating", "closeNotFixed", "unit", true],
    ["resolved", "reopen", "reporter", true],
    ["duplicate", "reopen", "reporter", false],
    ["invalid", "dispatch", "office", false],
    ["dispatched", "returnToOffice", "unit", true],
    ["received", "markDuplicate", "office", true],
  ] as const)("%s --%s by %s--> %s", (state, t, by, ok) => {
    expect(canTransition(state, t, by)).toBe(ok);
  });

  it("reopens only within 30 days and at most twice", () => {
    const closedAt = new Date("2024-05-01T00:00:00Z");
    expect(reopenRefusal({ state: "resolved", closedAt, reopenCount: 0 }, new Date("2024-05-31T00:00:00Z"))).toBeNull();
    expect(reopenRefusal({ state: "resolved", closedAt, reopenCount: 0 }, new Date("2024-05-31T00:00:01Z"))).toBe("window");
    expect(reopenRefusal({ state: "resolved", closedAt, reopenCount: 2 }, closedAt)).toBe("count");
    expect(reopenRefusal({ state: "investigating", closedAt: null, reopenCount: 0 }, closedAt)).toBe("state");
  });

  it("maps to Open311 statuses and tells substantiated outcomes", () => {
    expect(["received", "dispatched", "investigating"].map((s) => open311Status(s as "received"))).toEqual(["open", "open", "open"]);
    expect(open311Status("duplicate")).toBe("closed");
    expect(substantiated("resolved", false)).toBe(true);
    expect(substantiated("closed_not_fixed", false)).toBe(false);
    expect(substantiated("closed_not_fixed", true)).toBe(true);
    expect(substantiated("invalid", true)).toBe(false);
  });
});

describe("geo", () => {
  it("measures 0.01° of longitude at 35.196°N as ≈ 908.6 m", () => {
    // 2π·6371008.8/360 · 0.01 · cos(35.196°) = 1111.95 · 0.81714 = 908.6
    expect(metresBetween({ lon: 113.171, lat: 35.196 }, { lon: 113.181, lat: 35.196 })).toBeCloseTo(908.6, 0);
  });
  it("measures to a segment perpendicular and past its ends", () => {
    // 0.001° of latitude = 111.2 m north of a west–east segment.
    expect(metresToSegment({ lon: 113.175, lat: 35.201 }, { lon: 113.17, lat: 35.2 }, { lon: 113.18, lat: 35.2 })).toBeCloseTo(111.2, 0);
    // Past the east end by 0.01° of longitude: the end point is nearest, ≈ 908.6 m.
    expect(metresToSegment({ lon: 113.19, lat: 35.2 }, { lon: 113.17, lat: 35.2 }, { lon: 113.18, lat: 35.2 })).toBeCloseTo(908.5, 0);
  });
  it("reads LineString and MultiLineString rivers, and nothing else", () => {
    const line = { type: "LineString", coordinates: [[113.17, 35.2], [113.18, 35.2]] };
    expect(metresToRiver({ lon: 113.175, lat: 35.201 }, line)).toBeCloseTo(111.2, 0);
    expect(metresToRiver({ lon: 113.175, lat: 35.201 }, { type: "MultiLineString", coordinates: [[[0, 0], [1, 0]], line.coordinates] })).toBeCloseTo(111.2, 0);
    expect(metresToRiver({ lon: 113.175, lat: 35.201 }, { type: "Point", coordinates: [113.175, 35.201] })).toBe(Infinity);
  });
  it("boxes a radius: 1 km is 0.008993° of latitude", () => {
    const b = boxAround({ lon: 113, lat: 35 }, 1000);
    expect(b.maxLat - 35).toBeCloseTo(0.008993, 5);
    expect(b.maxLon - 113).toBeCloseTo(0.008993 / Math.cos((35 * Math.PI) / 180), 5);
  });
});

describe("routing", () => {
  const rivers = [
    { id: "r1", name: "大沙河", geometry: { type: "LineString", coordinates: [[113.17, 35.2], [113.18, 35.2]] } },
    { id: "r2", name: "新河", geometry: { type: "LineString", coordinates: [[113.17, 35.203], [113.18, 35.203]] } },
  ];
  it("picks the nearest river within 500 m", () => {
    // 35.2011 is 122 m from 大沙河 and 211 m from 新河.
    expect(nearestRiver({ lon: 113.175, lat: 35.2011 }, rivers)?.river.name).toBe("大沙河");
    expect(nearestRiver({ lon: 113.175, lat: 35.2022 }, rivers)?.river.name).toBe("新河");
    expect(nearestRiver({ lon: 113.175, lat: 35.21 }, rivers)).toBeNull();
  });
  it("prefers the 办事处 chief, then village, then district", () => {
    const chiefs = [
      { id: "d", riverId: "r1", level: "district", userId: null, unitId: null },
      { id: "v", riverId: "r1", level: "village", userId: null, unitId: null },
      { id: "s", riverId: "r2", level: "subdistrict", userId: null, unitId: null },
    ] as const;
    expect(chiefFor("r1", chiefs)?.id).toBe("v");
    expect(chiefFor("r2", chiefs)?.id).toBe("s");
    expect(chiefFor("r3", chiefs)).toBeNull();
  });
  it("sets deadlines in calendar days", () => {
    expect(dueAt(new Date("2024-05-30T10:00:00Z"), 5).toISOString()).toBe("2024-06-04T10:00:00.000Z");
  });
});

describe("public text", () => {
  it.each([
    ["请联系我13912345678谢谢", "请联系我[电话已隐去]谢谢"],
    ["手机 +86 139-1234-5678", "手机 [电话已隐去]"],
    ["座机0391-3561234", "座机[电话已隐去]"],
    ["身份证41080219900101123X", "身份证[身份证号已隐去]"],
    ["邮箱 zhang.san@example.com", "邮箱 [邮箱已隐去]"],
    ["车牌豫H12345在倒废水", "车牌[车牌已隐去]在倒废水"],
    ["排口在2号桥下游100米", "排口在2号桥下游100米"],
  ])("%s", (input, out) => {
    expect(publicText(input)).toBe(out);
  });
  it("scores similar descriptions", () => {
    // Bigrams 河里 里有 有黑 黑水 水排 + 排出/排放: 5 shared of 6 each → 2·5/12.
    expect(similarity("河里有黑水排出", "河里有黑水排放")).toBeCloseTo(10 / 12, 6);
    expect(similarity("河里有黑水排出。", "河里 有黑水排出")).toBe(1);
    expect(similarity("垃圾", "噪声")).toBe(0);
    expect(similarity("", "")).toBe(0);
  });
});

describe("fraud checks", () => {
  const base: FraudComplaint = {
    id: "c", number: "2024-0010", receivedAt: new Date("2024-05-10T10:00:00Z"), categoryCode: "sewage",
    description: "大沙河桥下有黑水直排", location: { lon: 113.175, lat: 35.2 }, ipHash: "ip1", contactHash: "k1",
  };
  const noParties = { reporter: null, enterprise: null };
  it("flags the fourth claim of one reporter in a year", () => {
    expect(fraudFlags(base, noParties, 2, [])).toEqual([]);
    expect(fraudFlags(base, noParties, 3, [])).toEqual([{ kind: "many_claims", count: 4 }]);
  });
  it("flags a reporter tied to the enterprise by phone, e-mail, domain or name", () => {
    const enterprise = { name: "某化工厂", phones: ["0391-3561234", "+86 13912345678"], emails: ["boss@corp.cn"], people: ["王五"], domains: ["chem.cn"] };
    const r = (reporter: object) => fraudFlags(base, { reporter, enterprise }, 0, []);
    expect(r({ phone: "139 1234 5678" })).toEqual([{ kind: "tied_to_enterprise", how: "phone" }]);
    expect(r({ email: "BOSS@corp.cn" })).toEqual([{ kind: "tied_to_enterprise", how: "email" }]);
    expect(r({ email: "li@chem.cn" })).toEqual([{ kind: "tied_to_enterprise", how: "domain" }]);
    expect(r({ name: "王五" })).toEqual([{ kind: "tied_to_enterprise", how: "name" }]);
    expect(r({ name: "赵六", phone: "13800000000" })).toEqual([]);
  });
  it("flags a near-duplicate of an earlier complaint and ignores later or distant ones", () => {
    const earlier = { ...base, id: "e", number: "2024-0008", receivedAt: new Date("2024-05-09T10:00:00Z"), description: "大沙河桥下有黑水直排！", location: { lon: 113.176, lat: 35.2 }, ipHash: "ip2" };
    const flags = fraudFlags(base, noParties, 0, [earlier]);
    // 0.001° of longitude at 35.2° ≈ 90.8 m; same bigrams once punctuation is dropped.
    expect(flags).toEqual([{ kind: "near_duplicate", number: "2024-0008", metres: 91, similarity: 1 }]);
    expect(fraudFlags(base, noParties, 0, [{ ...earlier, receivedAt: new Date("2024-05-11T10:00:00Z") }])).toEqual([]);
    expect(fraudFlags(base, noParties, 0, [{ ...earlier, location: { lon: 113.19, lat: 35.2 } }])).toEqual([]);
    expect(fraudFlags(base, noParties, 0, [{ ...earlier, receivedAt: new Date("2024-04-20T10:00:00Z") }])).toEqual([]);
  });
  it("flags a burst of three from one address within an hour", () => {
    const o = (id: string, minutes: number) => ({ ...base, id, number: id, description: `其他问题${id}`, location: null, receivedAt: new Date(base.receivedAt.getTime() + minutes * 60_000) });
    expect(fraudFlags(base, noParties, 0, [o("a", -30)])).toEqual([]);
    expect(fraudFlags(base, noParties, 0, [o("a", -30), o("b", 50)])).toEqual([{ kind: "burst", count: 3 }]);
    expect(fraudFlags(base, noParties, 0, [o("a", -30), o("b", 61)])).toEqual([]);
    expect(DEFAULT_FRAUD_RULES.burstCount).toBe(3);
  });
});

describe("rewards", () => {
  it("requires a substantiated, non-duplicate complaint with a contact and a request", () => {
    const ok = { substantiated: true, hasContact: true, wantsReward: true, anonymous: true, duplicateOf: null };
    expect(rewardRefusal(ok)).toBeNull();
    expect(rewardRefusal({ ...ok, substantiated: false })).toBe("not_substantiated");
    expect(rewardRefusal({ ...ok, hasContact: false })).toBe("no_contact");
    expect(rewardRefusal({ ...ok, wantsReward: false })).toBe("not_requested");
    expect(rewardRefusal({ ...ok, duplicateOf: "x" })).toBe("duplicate");
  });
  it("applies tiers by category", () => {
    const t = { id: "t", name: "一般", amount: 200, categoryCode: "sewage", active: true };
    expect(tierApplies(t, "sewage")).toBe(true);
    expect(tierApplies(t, "waste")).toBe(false);
    expect(tierApplies({ ...t, categoryCode: null }, "waste")).toBe(true);
    expect(tierApplies({ ...t, active: false }, "sewage")).toBe(false);
  });
  it("keeps four eyes and asks for a review note on flagged claims", () => {
    const r = { state: "proposed" as const, proposedBy: "u1", flagged: false, reviewNote: null };
    expect(approvalRefusal(r, "u2")).toBeNull();
    expect(approvalRefusal(r, "u1")).toBe("same_person");
    expect(approvalRefusal({ ...r, flagged: true }, "u2")).toBe("review_needed");
    expect(approvalRefusal({ ...r, flagged: true, reviewNote: "已电话核实，非企业员工" }, "u2")).toBeNull();
    expect(approvalRefusal({ ...r, state: "paid" }, "u2")).toBe("state");
  });
});

describe("receipt codes", () => {
  it("normalises what people type", () => {
    expect(normalizeReceipt("ab1c-o2de fghj")).toBe("AB1C02DEFGHJ");
    expect(normalizeReceipt("LIO0-0000-0000")).toBe("110000000000");
    expect(normalizeReceipt("AB1C-02DE-FGH")).toBeNull();
    expect(normalizeReceipt("AB1C-02DE-FGHU")).toBeNull();
  });
  it("maps bytes uniformly onto the alphabet and groups by four", () => {
    const code = receiptFromBytes(Uint8Array.from([0, 1, 31, 32, 33, 255, 10, 17, 18, 19, 20, 21]));
    // 0→0 1→1 31→Z 32→0 33→1 255(31)→Z 10→A 17→H 18→J 19→K 20→M 21→N
    expect(code).toBe("01Z01ZAHJKMN");
    expect(formatReceipt(code)).toBe("01Z0-1ZAH-JKMN");
  });
  it("counts leading zero bits", () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0x10, 0xff]))).toBe(11);
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });
});

import { cwqi, rankSections } from "./publicRanking";

describe("public ranking (CWQI)", () => {
  it("indexes a month's means by the 2017 ranking rules", () => {
    // NH3-N 0.5/1.0, COD_Mn 4/6, DO 5/6.25 (=0.8), pH 7.6 → 0.6/2 = 0.3; TN left out.
    const r = cwqi({ w21003: 0.5, w01019: 4, w01009: 6.25, w01001: 7.6, w21001: 3 }, "river");
    expect(r?.items).toEqual({ w21003: 0.5, w01019: 0.667, w01009: 0.8, w01001: 0.3 });
    expect(r?.index).toBeCloseTo(0.5 + 4 / 6 + 0.8 + 0.3, 3);
    // pH below 7: (7 − 6.5)/1.
    expect(cwqi({ w01001: 6.5 }, "river")?.index).toBe(0.5);
    expect(cwqi({ w21001: 2 }, "river")).toBeNull();
  });
  it("ranks lower indices first and leaves sections without data unranked", () => {
    const out = rankSections([{ id: "a", index: 3.2, class: 3 }, { id: "b", index: null, class: null }, { id: "c", index: 2.1, class: 2 }]);
    expect(out.map((r) => [r.id, r.rank])).toEqual([["c", 1], ["a", 2], ["b", null]]);
  });
});

describe("portal settings checks", () => {
  it("accepts the defaults and names each field out of range", () => {
    expect(portalSettingsProblems(DEFAULT_PORTAL_SETTINGS)).toEqual([]);
    const s = mergeSettings({ limits: { perAddressPerHour: 0, challengeDifficulty: 30, maxPhotos: 2.5 }, fraud: { nearSimilarity: 0.05, burstMinutes: 1440 }, jurisdictionId: "中站区" });
    expect(portalSettingsProblems(s).map((p) => p.path)).toEqual(["limits.perAddressPerHour", "limits.challengeDifficulty", "limits.maxPhotos", "fraud.nearSimilarity", "jurisdictionId"]);
    // The bounds themselves are allowed (1440 minutes, similarity 1, 8 bits).
    expect(portalSettingsProblems(mergeSettings({ limits: { challengeDifficulty: 8 }, fraud: { nearSimilarity: 1, burstMinutes: 1440 } }))).toEqual([]);
  });
});
