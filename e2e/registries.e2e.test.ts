import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { startE2E, type E2E } from "./harness";
import { withExif } from "../server/registries/testPhotos";

/** Writes an .xlsx with one worksheet of `rows` into a temp file (what a user uploads). */
async function xlsxFile(name: string, sheet: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  const path = join(mkdtempSync(join(tmpdir(), "qingliu-e2e-xlsx-")), name);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

/**
 * The registries in real Chromium against a real server with the demo district: the river register and 河湖长
 * directory on the offline map; a black-odorous grading from an imported sampling round (an eliminated demo body
 * graded 重度 again: 返黑返臭); one outfall registered and taken through 查 → 测 → 溯 → 治 → 销号 by its unit, with the
 * office's review. Screenshots are saved as test-results/registries-*.png and looked at.
 */
describe("registries e2e", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(() => e?.close());

  /** The page of the running test, screenshotted when it fails (to see where it stopped). */
  let e2ePage: Page | null = null;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && e2ePage) await e.shot(e2ePage, "registries-failed").catch(() => {});
    e2ePage = null;
  });

  /**
   * Picks an option of an antd Select: types to filter and presses Enter when it searches, else clicks the option.
   * Retried (a click during the dropdown's opening animation can land on nothing) until the select shows the text.
   */
  async function pick(page: Page, testId: string, text: string, search = true) {
    const select = page.getByTestId(testId);
    for (let attempt = 0; ; attempt++) {
      await select.click();
      if (search) {
        await page.keyboard.type(text);
        await page.locator(".ant-select-item-option", { hasText: text }).filter({ visible: true }).first().waitFor();
        await page.keyboard.press("Enter");
      } else {
        await page.locator(".ant-select-item-option", { hasText: text }).filter({ visible: true }).first().click();
      }
      const shown = await expect.poll(() => select.textContent(), { timeout: 2_000 }).toContain(text).then(() => true, () => false);
      if (shown) return;
      if (attempt === 3) throw new Error(`could not pick ${text} in ${testId}`);
      await page.keyboard.press("Escape");
    }
  }

  /** Takes a lifecycle step through its confirmation dialog. */
  async function step(page: Page, action: string, note?: string) {
    await page.getByTestId(`action-${action}`).click();
    if (note) await page.getByTestId(`action-${action}-note`).fill(note);
    await page.getByTestId(`action-${action}-confirm`).click();
    await page.getByTestId(`action-${action}-confirm`).waitFor({ state: "detached" });
  }

  it("shows the demo rivers on the map with their chiefs", async () => {
    const page = await e.newPage();
    await e.signIn(page, "admin");
    await page.goto(`${e.server.url}/registries/rivers`);
    await page.getByTestId("river-row-大沙河").waitFor();
    await expect.poll(() => page.getByTestId("registry-map-rivers").getAttribute("data-features")).toBe("4");
    await e.shot(page, "registries-01-rivers");
    await page.getByTestId("river-row-大沙河").getByRole("link", { name: "大沙河" }).click();
    await page.getByTestId("river-chiefs").getByText("赵河长（演示）").waitFor();
    await e.shot(page, "registries-02-river");
    await page.goto(`${e.server.url}/registries/river-chiefs`);
    await page.getByTestId("chief-row-赵河长（演示）").waitFor();
    await e.shot(page, "registries-03-chiefs");
    // 清四乱: the dynamic-zero board — 大沙河 at zero (its demo problem is closed), 新河 not.
    await page.goto(`${e.server.url}/registries/four-chaos`);
    await expect.poll(() => page.getByTestId("fc-board-大沙河").getAttribute("data-cleared")).toBe("1");
    await expect.poll(() => page.getByTestId("fc-board-新河").getAttribute("data-cleared")).toBe("0");
    await page.getByTestId("fc-row-ZZ-SL-2022-002").waitFor();
    await e.shot(page, "registries-13-four-chaos");
    // The same pages in English.
    await page.evaluate(() => localStorage.setItem("qingliu.lang", "en"));
    await page.goto(`${e.server.url}/registries/outfalls`);
    await page.getByTestId("of-row-ZZ-PWK-001").waitFor();
    await page.getByText("River outfalls").first().waitFor();
    await e.shot(page, "registries-14-outfalls-en");
    await page.evaluate(() => localStorage.setItem("qingliu.lang", "zh"));
  });

  it("grades an imported sampling round and raises 返黑返臭 on an eliminated body", async () => {
    const page = await e.newPage();
    await e.signIn(page, "eco.staff");
    await page.goto(`${e.server.url}/registries/black-odorous`);
    await page.getByTestId("bo-row-ZZ-HC-01").waitFor();
    await expect.poll(() => page.getByTestId("bo-status-ZZ-HC-01").getAttribute("data-state")).toBe("eliminated");
    await e.shot(page, "registries-04-black-odorous");
    // The body is the 住建局's: the 生态环境分局 staff may read it but not import. The office imports.
    await page.context().clearCookies();
    await e.signIn(page, "admin");
    await page.goto(`${e.server.url}/registries/black-odorous`);
    await page.getByTestId("bo-row-ZZ-HC-01").getByRole("link").first().click();
    await page.getByTestId("bo-rounds").waitFor();
    await page.getByTestId("round-import").click();
    // NH3-N 20 mg/L (重度, > 15) at P1 and P2 on all three days, P3 clear: 2/3 points 重度 ≥ 60% ⇒ 重度黑臭.
    const header = ["点位编号", "沿程序号", "采样日期", "水深(cm)", "透明度(cm)", "溶解氧(mg/L)", "氧化还原电位(mV)", "氨氮(mg/L)"];
    const rows = ["2022-07-04", "2022-07-07", "2022-07-10"].flatMap((d) => [["P1", 1, d, 60, 35, 4.5, 120, 20], ["P2", 2, d, 60, 35, 4.5, 120, 20], ["P3", 3, d, 60, 35, 4.5, 120, 2]]);
    const file = await xlsxFile("白马门河7月监测.xlsx", "黑臭水体监测", [header, ...rows]);
    await page.getByTestId("round-upload").locator("input[type=file]").setInputFiles(file);
    await expect.poll(() => page.getByTestId("round-preview-grade").getAttribute("data-grade"), { timeout: 15_000 }).toBe("severe");
    await page.getByTestId("round-preview-relapse").waitFor();
    await e.shot(page, "registries-05-round-preview");
    await page.getByTestId("round-import-submit").click();
    await expect.poll(() => page.getByTestId("bo-status").getAttribute("data-state"), { timeout: 15_000 }).toBe("underTreatment");
    await page.getByTestId("bo-relapse-task").waitFor();
    await expect.poll(() => page.getByTestId("bo-latest-grade").getAttribute("data-grade")).toBe("severe");
    await e.shot(page, "registries-06-relapse");
    await page.goto(`${e.server.url}/registries`);
    await page.getByTestId("registry-tasks").getByText("返黑返臭：白马门河（建成区段）（演示）").waitFor();
    await e.shot(page, "registries-07-tasks");
  });

  it("takes one outfall through 查 → 测 → 溯 → 治 → 销号 with the office's review", async () => {
    const page = await e.newPage();
    page.setDefaultTimeout(20_000);
    e2ePage = page;
    await e.signIn(page, "eco.staff");
    await page.goto(`${e.server.url}/registries/outfalls`);
    await page.getByTestId("of-row-ZZ-PWK-001").waitFor();
    await e.shot(page, "registries-08-outfalls");
    // 查: register the outfall found on the bank.
    await page.getByTestId("registry-create").click();
    await page.getByTestId("of-form-code").fill("ZZ-PWK-E2E");
    await page.getByTestId("of-form-name").fill("某化工企业雨水排口（测试）");
    await page.getByTestId("of-form-type").click();
    for (const level of ["工业排污口", "工矿企业雨洪排口", "工业企业雨洪排口"]) await page.locator(".ant-cascader-menu-item", { hasText: new RegExp(`^${level}$`) }).click();
    await page.locator(".ant-cascader-dropdown").waitFor({ state: "hidden" });
    await pick(page, "of-form-river", "白马门河");
    await pick(page, "of-form-unit", "中站生态环境分局");
    await page.getByTestId("of-form-lon").fill("113.1466");
    await page.getByTestId("of-form-lat").fill("35.2172");
    await e.shot(page, "registries-09-outfall-form");
    await page.getByTestId("record-form-submit").click();
    await page.getByTestId("of-row-ZZ-PWK-E2E").getByRole("link").first().click();
    await expect.poll(() => page.getByTestId("of-stage").getAttribute("data-state")).toBe("investigation");
    // 测
    await step(page, "startMonitoring");
    await expect.poll(() => page.getByTestId("of-stage").getAttribute("data-state")).toBe("monitoring");
    await expect.poll(() => page.getByTestId("action-startTracing-problems").textContent()).toContain("须至少录入一次监测记录");
    await page.getByTestId("of-test-open").click();
    await page.getByTestId("of-test-cod").fill("86");
    await page.getByTestId("of-test-nh3").fill("12.5");
    await pick(page, "of-test-conclusion", "超标", false);
    await page.getByTestId("of-test-submit").click();
    await page.getByTestId("of-tests").getByText("超标").waitFor();
    // 溯
    await step(page, "startTracing");
    await expect.poll(() => page.getByTestId("of-stage").getAttribute("data-state")).toBe("tracing");
    await page.getByTestId("of-trace-open").click();
    await page.getByTestId("trace-add").click();
    await page.getByTestId("trace-label-0").fill("厂区雨水管");
    await page.getByTestId("trace-add").click();
    await pick(page, "trace-kind-1", "企业", false);
    await page.getByTestId("trace-label-1").fill("某化工企业");
    await pick(page, "trace-downstream-1", "厂区雨水管", false);
    await page.getByTestId("of-trace-submit").click();
    await page.getByTestId("trace-node-某化工企业").waitFor();
    await page.getByTestId("record-edit").click();
    await page.getByTestId("of-form-party").fill("某化工有限公司");
    // The save is awaited by its response (its status tells what went wrong), then the dialog must close.
    const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/registries/outfalls/"), { timeout: 60_000 });
    await page.getByTestId("record-form-submit").click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.locator(".ant-modal:visible").count(), { timeout: 15_000 }).toBe(0);
    // 治: the plan, then remediation.
    await page.getByTestId("of-plan-open").click();
    await pick(page, "of-plan-kind", "规范整治", false);
    await page.getByTestId("plan-add").click();
    await page.getByTestId("plan-text-0").fill("厂区雨污分流改造");
    await page.getByTestId("of-plan-submit").click();
    await page.getByTestId("of-measures").getByText("厂区雨污分流改造").waitFor();
    await step(page, "startRemediation", "溯源完成，按规范整治");
    await expect.poll(() => page.getByTestId("of-stage").getAttribute("data-state")).toBe("remediation");
    await e.shot(page, "registries-10-outfall-remediation");
    await page.getByTestId("of-plan-open").click();
    await page.getByTestId("plan-done-0").locator("input").click();
    await page.keyboard.type("2022-09-20");
    await page.keyboard.press("Enter");
    await page.getByTestId("of-plan-submit").click();
    await page.getByTestId("of-measures").getByText("已完成 2022-09-20").waitFor();
    // Evidence: a photo whose EXIF says where it was taken.
    await pick(page, "attachment-purpose", "整改佐证", false);
    const photo = join(mkdtempSync(join(tmpdir(), "qingliu-e2e-photo-")), "整改后.jpg");
    // A real JPEG drawn by the browser, given the EXIF a phone would write.
    const dataUrl = await page.evaluate(() => {
      const c = document.createElement("canvas");
      c.width = 360;
      c.height = 240;
      const g = c.getContext("2d")!;
      const grd = g.createLinearGradient(0, 0, 360, 240);
      grd.addColorStop(0, "#7fb069");
      grd.addColorStop(1, "#3d85c6");
      g.fillStyle = grd;
      g.fillRect(0, 0, 360, 240);
      g.fillStyle = "#ffffff";
      g.font = "28px sans-serif";
      g.fillText("整改后（测试照片）", 40, 130);
      return c.toDataURL("image/jpeg", 0.85);
    });
    writeFileSync(photo, withExif(Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64"), { lat: 35.2173, lon: 113.1468, dateTimeOriginal: "2022:09:21 10:15:00" }));
    await page.getByTestId("registry-attachments").locator("input[type=file]").setInputFiles(photo);
    await expect.poll(() => page.getByTestId("attachment-整改后.jpg").getByTestId("attachment-location").textContent(), { timeout: 15_000 }).toContain("113.14680, 35.21730");
    await step(page, "requestClosure", "整治完成，申请销号");
    await expect.poll(() => page.getByTestId("of-stage").getAttribute("data-state")).toBe("review");
    await e.shot(page, "registries-11-outfall-review");
    // 销号: the office reviews.
    const office = await e.newPage();
    await e.signIn(office, "admin");
    await office.goto(page.url());
    await step(office, "approveClosure", "现场核查通过");
    await expect.poll(() => office.getByTestId("of-stage").getAttribute("data-state")).toBe("closed");
    await office.getByTestId("history-outfall.approveClosure").waitFor();
    await e.shot(office, "registries-12-outfall-closed");
  }, 180_000);
});
