import { describe, expect, it } from "vitest";
import { classColour } from "./colours";

describe("class colours (project decision 5)", () => {
  it.each([[1, "蓝"], [2, "蓝"], [3, "绿"], [4, "黄"], [5, "橙"], [6, "红"]] as const)("%s → %s", (c, name) => {
    expect(classColour(c).nameZh).toBe(name);
    expect(classColour(c).hex).toMatch(/^#[0-9a-f]{6}$/);
  });
});
