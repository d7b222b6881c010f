import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./harness";

/**
 * Monitoring in real Chromium against a real server with the demo district (its simulated devices sending to the
 * gateway): a monitoring operator imports a lab file with one bad row (clear report, nothing stored), fixes it,
 * imports, and sees the section's new class and its chart; then the rivers, ecological-flow, drinking-water and
 * device pages, with a clock-sync command answered by a simulated device. Screenshots are saved and looked at.
 */
describe("monitoring e2e", () => {
  let e: E2E;
  let dir: string;
  beforeAll(async () => {
    e = await startE2E();
    dir = mkdtempSync(join(tmpdir(), "qingliu-lab-"));
  }, 120_000);
  afterAll(() => e?.close());

  /** Beijing wall-clock text of an instant, "YYYY-MM-DD HH:mm". */
  const beijing = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

  /** A lab file for 大沙河 出境断面 sampled 10 minutes ago; `ammonia` is the factor cell of row 4. */
  function labFile(name: string, ammonia: string): string {
    const at = beijing(Date.now() - 10 * 60_000);
    const rows = [
      "站点,采样时间,因子,数值,单位,检出限,备注",
      `ZZ-DSH-02,${at},pH,7.6,,,`,
      `ZZ-DSH-02,${at},溶解氧,5.5,mg/L,,`,
      `ZZ-DSH-02,${at},${ammonia},1.75,mg/L,,上游来水浑浊`,
      `ZZ-DSH-02,${at},高锰酸盐指数,7.2,mg/L,,`,
      `ZZ-DSH-02,${at},总磷,280,µg/L,,`,
    ];
    const path = join(dir, name);
    writeFileSync(path, rows.join("\r\n") + "\r\n", "utf8");
    return path;
  }

  async function upload(page: Page, path: string) {
    await page.getByTestId("lab-upload").locator("input[type=file]").setInputFiles(path);
    await page.getByTestId("lab-report").waitFor({ timeout: 20_000 });
  }

  /** The latest-class cell of a point row in the list, once it has loaded. */
  async function listClass(page: Page, code: string) {
    // The row shows the target class first, then the latest class.
    const cell = page.getByTestId(`point-row-${code}`).locator("[data-class]").nth(1);
    await cell.waitFor({ timeout: 15_000 });
    return cell.getAttribute("data-class");
  }

  it("imports a lab file with one bad row: the report names it and nothing is stored; fixed, it imports and the class and chart show it", async () => {
    const page = await e.newPage();
    await e.signIn(page, "operator");
    await page.goto(`${e.server.url}/monitoring`);
    const before = await listClass(page, "ZZ-DSH-02");
    expect(Number(before)).toBeLessThanOrEqual(4);

    await page.goto(`${e.server.url}/monitoring/import`);
    await upload(page, labFile("大沙河化验-有错.csv", "氨气"));
    const errors = page.getByTestId("lab-errors");
    await expect.poll(() => errors.textContent()).toContain("因子“氨气”无法识别");
    await expect.poll(() => errors.locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await errors.locator("tbody tr.ant-table-row").first().textContent()).toContain("4");
    await expect.poll(() => page.getByTestId("lab-report").textContent()).toMatch(/4/);
    expect(await page.getByTestId("lab-import-submit").isDisabled()).toBe(true);
    await e.shot(page, "monitoring-01-lab-report-bad-row");

    // Nothing was stored: the section's latest class is what it was.
    await page.goto(`${e.server.url}/monitoring`);
    expect(await listClass(page, "ZZ-DSH-02")).toBe(before);

    await page.goto(`${e.server.url}/monitoring/import`);
    await upload(page, labFile("大沙河化验.csv", "氨氮"));
    await expect.poll(() => page.getByTestId("lab-errors").count()).toBe(0);
    expect(await page.getByTestId("lab-import-submit").isDisabled()).toBe(false);
    await page.getByTestId("lab-import-submit").click();
    const result = page.getByTestId("lab-result");
    await result.waitFor({ timeout: 20_000 });
    await expect.poll(() => result.textContent()).toMatch(/新增\s*5/);
    await e.shot(page, "monitoring-02-lab-imported");

    // NH3-N 1.75 mg/L is class Ⅴ (1.5 < c ≤ 2.0): the list shows it, and the point page charts it.
    await page.goto(`${e.server.url}/monitoring`);
    await expect.poll(() => listClass(page, "ZZ-DSH-02"), { timeout: 15_000 }).toBe("5");
    await expect.poll(() => page.getByTestId("point-row-ZZ-DSH-02").textContent()).toContain("氨氮");
    await page.getByTestId("monitoring-map").waitFor();
    // Every point's latest class has arrived (a row shows … while its request is in flight).
    await expect.poll(() => page.getByTestId("monitoring-list").textContent(), { timeout: 15_000 }).not.toContain("…");
    await e.shot(page, "monitoring-03-points-after-import");

    await page.getByTestId("point-row-ZZ-DSH-02").getByRole("link").first().click();
    await page.getByTestId("point-info").waitFor();
    await expect.poll(() => page.getByTestId("point-info").locator("[data-class]").last().getAttribute("data-class"), { timeout: 15_000 }).toBe("5");
    await expect.poll(() => page.getByTestId("point-chart").getAttribute("data-state"), { timeout: 20_000 }).toBe("ready");
    // The latest values span pages: NH3-N (with its remark) and TP (280 µg/L stored as 0.28 mg/L) are on the one
    // with the w21… codes.
    const latest = page.getByTestId("point-latest");
    const rowOf = (name: string) => latest.locator("tr.ant-table-row", { hasText: name }).filter({ hasText: "化验样品" });
    for (let p = 2; (await rowOf("氨氮").count()) === 0 && p <= 3; p++) await latest.locator(`.ant-pagination-item-${p}`).click();
    await expect.poll(() => rowOf("氨氮").textContent()).toContain("上游来水浑浊");
    expect(await rowOf("氨氮").textContent()).toContain("1.75");
    expect(await rowOf("总磷").textContent()).toContain("0.28");
    const month = beijing(Date.now() - 10 * 60_000).slice(0, 7);
    const monthRow = page.getByTestId("point-monthly").locator("tr", { hasText: month });
    await expect.poll(() => monthRow.locator("[data-class]").count(), { timeout: 15_000 }).toBe(1);
    await e.shot(page, "monitoring-04-section-page");
  }, 120_000);

  it("rivers, ecological flow, drinking water and device status pages show the demo district; a device answers a clock sync", async () => {
    const page = await e.newPage();
    await e.signIn(page, "operator");

    await page.goto(`${e.server.url}/monitoring/rivers`);
    await expect.poll(() => page.getByTestId("river-大沙河").locator("[data-status]").count(), { timeout: 15_000 }).toBe(1);
    await e.shot(page, "monitoring-05-rivers");
    await page.getByTestId("river-大沙河").getByRole("link", { name: "大沙河" }).first().click();
    await page.getByTestId("river-months").waitFor();
    await expect.poll(() => page.getByTestId("river-months").locator("[data-class]").count(), { timeout: 15_000 }).toBeGreaterThan(10);
    await e.shot(page, "monitoring-06-river-page");

    await page.goto(`${e.server.url}/monitoring/eco-flow`);
    await expect.poll(() => page.getByTestId("eco-chart-ZZ-FL-DSH").getAttribute("data-state"), { timeout: 20_000 }).toBe("ready");
    await expect.poll(() => page.getByTestId("eco-months-ZZ-FL-DSH").locator("tbody tr.ant-table-row").count()).toBeGreaterThan(6);
    await e.shot(page, "monitoring-07-eco-flow");

    await page.goto(`${e.server.url}/monitoring/drinking-water`);
    await expect.poll(() => page.getByTestId("dw-intakes").locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.getByTestId("dw-summary").textContent()).toMatch(/%/);
    await e.shot(page, "monitoring-08-drinking-water");

    await page.goto(`${e.server.url}/monitoring/devices`);
    const row = page.getByTestId("device-row-ZZDEMO00000006");
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain("在线");
    await e.shot(page, "monitoring-09-devices");
    await page.getByTestId("device-commands-ZZDEMO00000006").click();
    await page.locator(".ant-dropdown-menu-item", { hasText: "校时" }).click();
    await page.getByTestId("device-command-submit").click();
    const outcome = page.getByTestId("device-command-result");
    await outcome.waitFor({ timeout: 45_000 });
    expect(await outcome.textContent()).toContain("设备已执行");
    expect(await outcome.textContent()).toContain("执行成功");
    await e.shot(page, "monitoring-10-device-command");

    // English is complete on these pages too.
    await page.keyboard.press("Escape");
    await page.getByTestId("lang-switch").click();
    await page.goto(`${e.server.url}/monitoring/eco-flow`);
    await expect.poll(() => page.getByTestId("eco-chart-ZZ-FL-DSH").getAttribute("data-state"), { timeout: 20_000 }).toBe("ready");
    expect(await page.getByTestId("eco-station-ZZ-FL-DSH").textContent()).toContain("Guarantee rate");
    await e.shot(page, "monitoring-11-eco-flow-en");
  }, 150_000);
});
