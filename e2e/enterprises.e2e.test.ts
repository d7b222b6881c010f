import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./harness";

/**
 * The second group of registries in real Chromium against a real server with the demo district: the fluoride
 * coverage report (seed plan task 18) shows a 涉氟企业 without fluoride online monitoring, a device sending w21017
 * is registered for its outlet from the report, and the report shows it covered; a drinking-water source's
 * protection zones on the map, and a 准保护区 drawn on the map by clicking its corners; the facilities with the
 * 二级 medical institutions past 2022-10-31. Screenshots are saved as test-results/enterprises-*.png.
 */
describe("enterprises, drinking sources and facilities e2e", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ DEMO_SIMULATOR: "false" });
  }, 120_000);
  afterAll(() => e?.close());

  let e2ePage: Page | null = null;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && e2ePage) await e.shot(e2ePage, "enterprises-failed").catch(() => {});
    e2ePage = null;
  });

  /** Waits until no table or card shows its loading overlay (screenshots of settled pages). */
  const settled = (page: Page) => page.waitForFunction(() => document.querySelectorAll(".ant-spin-spinning").length === 0);

  it("reports a fluoride enterprise without fluoride online monitoring until a w21017 device is registered for its outlet", async () => {
    const page = (e2ePage = await e.newPage());
    await e.signIn(page, "admin");
    await page.goto(`${e.server.url}/registries/enterprises`);
    await page.getByTestId("enterprise-row-ZZ-QY-002").waitFor();
    await expect.poll(() => page.getByTestId("enterprise-fluoride-ZZ-QY-002").getAttribute("data-state")).toBe("none");
    await page.getByTestId("registry-map-enterprises").locator("[data-testid^='map-feature-']").first().waitFor();
    await settled(page);
    await e.shot(page, "enterprises-list");

    await page.getByTestId("fluoride-coverage-link").click();
    await page.waitForURL(/fluoride-coverage$/);
    const state = (code: string) => page.getByTestId(`coverage-state-${code}`).getAttribute("data-state");
    await expect.poll(() => state("ZZ-QY-002")).toBe("none");
    expect(await state("ZZ-QY-001")).toBe("connected");
    expect(await state("ZZ-QY-003")).toBe("declared");
    await expect.poll(() => page.getByTestId("coverage-summary").textContent()).toContain("66.7%");
    await settled(page);
    await e.shot(page, "enterprises-coverage-before");

    await page.getByTestId("coverage-register-ZZ-OUT-02").click();
    await page.getByTestId("device-mn").fill("E2EFLUORIDE0002");
    await page.getByTestId("device-pw").fill("123456");
    // Fluoride is preselected: the report's purpose.
    await expect.poll(() => page.getByTestId("device-factors").textContent()).toContain("氟化物");
    await page.getByTestId("device-submit").click();
    await page.getByTestId("device-submit").waitFor({ state: "detached" });
    await expect.poll(() => state("ZZ-QY-002")).toBe("connected");
    await expect.poll(() => page.getByTestId("coverage-row-ZZ-QY-002").textContent()).toContain("E2EFLUORIDE0002");
    // 2 of 3 connected, 3 of 3 installed.
    await expect.poll(() => page.getByTestId("coverage-summary").textContent()).toContain("100.0%");
    await settled(page);
    await e.shot(page, "enterprises-coverage-after");

    // The enterprise page: fluoride now connected, the outlet's device and GB 8978 fluoride limit.
    await page.getByRole("link", { name: "某钛白粉有限公司（演示）" }).click();
    await page.getByTestId("outlet-ZZ-OUT-02").waitFor();
    await expect.poll(() => page.getByTestId("monitor-w21017").getAttribute("data-state")).toBe("connected");
    expect(await page.getByTestId("outlet-ZZ-OUT-02").textContent()).toContain("GB 8978-1996 表4 一级（其他排污单位）");
    expect(await page.getByTestId("outlet-ZZ-OUT-02").textContent()).toContain("E2EFLUORIDE0002");
    await settled(page);
    await e.shot(page, "enterprises-detail");
  });

  it("shows a source's protection zones on the map and draws a 准保护区 by clicking on the map", async () => {
    const page = (e2ePage = await e.newPage());
    await e.signIn(page, "admin");
    await page.goto(`${e.server.url}/registries/drinking-sources`);
    await page.getByTestId("source-row-ZZ-SY-01").waitFor();
    await expect.poll(() => page.getByTestId("drinking-compliance-summary").textContent()).toMatch(/\d+\.\d%/);
    expect(await page.getByTestId("source-open-ZZ-SY-01").textContent()).toContain("2 个问题未销号");
    expect(await page.getByTestId("source-zero-ZZ-SY-02").textContent()).toContain("动态清零");
    await settled(page);
    await e.shot(page, "enterprises-drinking-list");

    await page.getByRole("link", { name: "南水北调总干渠府城水源地（演示）" }).click();
    const map = page.getByTestId("record-map");
    // Three zones, the intake and three problems with a position.
    await expect.poll(() => map.getAttribute("data-features")).toBe("7");
    for (const z of ["zone1", "zone2", "zone3"]) expect(await map.locator(`[data-testid$=':${z}']`).count()).toBe(1);
    expect(await page.getByTestId("zone-legend").textContent()).toContain("准保护区");
    await expect.poll(() => page.getByTestId("source-compliance").textContent()).toContain("取水水质达标率");
    await settled(page);
    await e.shot(page, "enterprises-drinking-source");

    // The reserve source has 一级 and 二级 zones; draw its 准保护区 around both.
    await page.goto(`${e.server.url}/registries/drinking-sources`);
    await page.getByRole("link", { name: "新河备用水源地（演示）" }).click();
    await expect.poll(() => page.getByTestId("zone-areas").textContent()).toContain("准保护区 未划定");
    await page.getByTestId("zones-draw").click();
    await page.getByTestId("zone-pick-zone3").click();
    const canvas = page.getByTestId("zone-editor-map").locator("svg");
    // The dialog zooms in when it opens: measure the map once it has stopped moving.
    let box = (await canvas.boundingBox())!;
    await expect.poll(async () => {
      const now = (await canvas.boundingBox())!;
      const still = now.x === box.x && now.width === box.width;
      box = now;
      return still;
    }).toBe(true);
    // The map frames the drawn zones with 36 px around them: corners 5 px in from the edges enclose them (and
    // miss the north arrow, scale bar and caption).
    for (const [x, y] of [[5, 5], [box.width - 5, 5], [box.width - 5, box.height - 5], [5, box.height - 5]]) {
      await page.mouse.click(box.x + x, box.y + y);
    }
    await expect.poll(() => page.getByTestId("zone-finish").textContent()).toContain("4");
    await page.getByTestId("zone-finish").click();
    await e.shot(page, "enterprises-drinking-draw");
    await page.getByTestId("zones-save").click();
    await page.getByTestId("zones-save").waitFor({ state: "detached" });
    await expect.poll(() => page.getByTestId("zone-areas").textContent()).toMatch(/准保护区 \d+(\.\d+)? km²/);
    await expect.poll(() => page.getByTestId("record-map").locator("[data-testid$=':zone3']").count()).toBe(1);
    await page.getByTestId("registry-history").getByText("准保护区").first().waitFor();
    await settled(page);
    await e.shot(page, "enterprises-drinking-zone-drawn");

    await page.goto(`${e.server.url}/registries/drinking-problems`);
    await page.getByTestId("drinking-zero-board").getByText("动态清零").first().waitFor();
    await page.getByTestId("problem-row-ZZ-SY-WT-03").waitFor();
    await settled(page);
    await e.shot(page, "enterprises-drinking-problems");
  });

  it("lists facilities by kind with the 二级 medical institutions past 2022-10-31", async () => {
    const page = (e2ePage = await e.newPage());
    await e.signIn(page, "admin");
    await page.goto(`${e.server.url}/registries/facilities`);
    await expect.poll(() => page.getByTestId("facility-count-medical-institutions").textContent()).toBe("4");
    await settled(page);
    await e.shot(page, "enterprises-facilities");
    await page.getByTestId("facility-tab-medical-institutions").click();
    await page.getByTestId("facility-row-ZZ-YL-02").waitFor();
    expect(await page.getByTestId("facility-overdue-ZZ-YL-02").textContent()).toBe("2022-10-31");
    expect(await page.getByTestId("facility-overdue-ZZ-YL-01").count()).toBe(0);
    await settled(page);
    await e.shot(page, "enterprises-medical");
    await page.goto(`${e.server.url}/registries/facilities/wwtps`);
    await page.getByRole("link", { name: "中站区污水处理厂（演示）" }).click();
    await page.getByTestId("record-info").getByText("填埋占比").first().waitFor();
    // The demo plant's sludge by year: landfill 600 ÷ 5600 = 10.7% in 2022, 2400 ÷ 5300 = 45.3% in 2020.
    await expect.poll(() => page.getByTestId("sludge-landfill-2022").textContent()).toBe("10.7%");
    expect(await page.getByTestId("sludge-landfill-2020").textContent()).toBe("45.3%");
    await page.getByTestId("sludge-add").click();
    await page.getByTestId("sludge-year").fill("2023");
    await page.getByTestId("sludge-producedT").fill("5700");
    await page.getByTestId("sludge-landfillT").fill("3000");
    await page.getByTestId("sludge-incinerationT").fill("3000");
    await page.getByTestId("record-form-submit").click();
    // 3000 + 3000 > 5700: the server's message under the landfill field, nothing stored.
    await page.getByText("各处置方式合计 6000 t，超过污泥产生量 5700 t").waitFor();
    await page.getByTestId("sludge-landfillT").fill("400");
    await page.getByTestId("record-form-submit").click();
    // 400 ÷ 5700 = 7.0%.
    await expect.poll(() => page.getByTestId("sludge-landfill-2023").textContent()).toBe("7.0%");
    await expect.poll(() => page.getByTestId("record-info").textContent()).toContain("2023 年");
    await settled(page);
    await e.shot(page, "enterprises-wwtp");
  });
});
