import { describe, expect, it } from "vitest";
import { contentDisposition } from "./download";

describe("contentDisposition", () => {
  it("gives old clients an ASCII name and the others the real one (RFC 6266 / 5987)", () => {
    expect(contentDisposition("ledger-2022.xlsx", "任务台账-2022.xlsx")).toBe(
      "attachment; filename=\"ledger-2022.xlsx\"; filename*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6-2022.xlsx",
    );
    expect(contentDisposition("a.png", "现场 照片.png", "inline")).toBe("inline; filename=\"a.png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20%E7%85%A7%E7%89%87.png");
  });

  it("cannot be broken out of by a quote or a line break in the fallback name", () => {
    expect(contentDisposition('a"b\r\nc.txt', "x.txt")).toBe("attachment; filename=\"a_b__c.txt\"; filename*=UTF-8''x.txt");
  });
});
