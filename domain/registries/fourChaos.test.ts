import { describe, expect, it } from "vitest";
import { transitionOf } from "./lifecycle";
import { CHAOS_CATALOGUE, CHAOS_LIFECYCLE, chaosProblems, dynamicZeroBoard, type BoardProblem } from "./fourChaos";

describe("the 清四乱 catalogue (专项行动, reference §7)", () => {
  it("lists the four categories with their sub-types", () => {
    expect(Object.values(CHAOS_CATALOGUE).map((c) => [c.zh, c.subtypes.length])).toEqual([["乱占", 4], ["乱采", 2], ["乱堆", 3], ["乱建", 3]]);
  });
});

describe("workflow: 发现一处、清理一处、销号一处", () => {
  it("moves open → rectifying → rectified → verified → closed, and a failed check back to rectifying", () => {
    expect(transitionOf(CHAOS_LIFECYCLE, "open", "submitRectification")?.to).toBe("rectified");
    expect(transitionOf(CHAOS_LIFECYCLE, "rectified", "verify")).toMatchObject({ to: "verified", by: "chief" });
    expect(transitionOf(CHAOS_LIFECYCLE, "rectified", "rejectVerification")?.to).toBe("rectifying");
    expect(transitionOf(CHAOS_LIFECYCLE, "verified", "close")).toMatchObject({ to: "closed", by: "office" });
    expect(transitionOf(CHAOS_LIFECYCLE, "open", "close")).toBeNull();
  });
  it("needs the rectification described with a photo, and a reason to reject", () => {
    expect(chaosProblems("submitRectification", { rectification: " ", rectificationPhotos: 0, note: null })).toEqual(["须填写整改情况", "须上传至少一张整改后照片"]);
    expect(chaosProblems("submitRectification", { rectification: "已清运", rectificationPhotos: 1, note: null })).toEqual([]);
    expect(chaosProblems("rejectVerification", { rectification: "已清运", rectificationPhotos: 1, note: "" })).toEqual(["须说明核查未通过的原因"]);
    expect(chaosProblems("verify", { rectification: null, rectificationPhotos: 0, note: null })).toEqual([]);
  });
});

describe("dynamicZeroBoard — per river, 清零 when nothing is open", () => {
  const p = (riverId: string, status: BoardProblem["status"], deadline: string | null, category: BoardProblem["category"] = "dumping", foundOn = "2022-05-01"): BoardProblem => ({ riverId, category, status, deadline, foundOn });
  it("counts open, closed and overdue problems (a deadline is missed the day after it)", () => {
    const board = dynamicZeroBoard(["r1", "r2", "r3"], [
      p("r1", "closed", "2022-05-10"),
      p("r1", "rectifying", "2022-05-31", "mining", "2022-05-20"),
      p("r1", "open", "2022-06-01", "construction"),
      p("r1", "verified", null),
      p("r2", "closed", "2022-04-30"),
    ], "2022-06-01");
    expect(board[0]).toEqual({
      riverId: "r1", total: 4, closed: 1, open: 3, overdue: 1, cleared: false, lastFoundOn: "2022-05-20",
      openByCategory: { occupation: 0, mining: 1, dumping: 1, construction: 1 },
    });
    expect(board[1]).toMatchObject({ total: 1, closed: 1, open: 0, cleared: true });
    expect(board[2]).toMatchObject({ total: 0, open: 0, cleared: true, lastFoundOn: null });
  });
});
