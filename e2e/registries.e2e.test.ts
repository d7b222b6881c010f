import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { E2E_PASSWORD, startE2E, type E2E } from "./harness";

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
 * graded 重度 again: 返黑返臭). Screenshots are saved as test-results/registries-*.png and looked at.
 */
describe("registries e2e", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(() => e?.close());

  async function signIn(page: Page, username: string) {
    await page.goto(`${e.server.url}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(E2E_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.waitForURL(`${e.server.url}/`);
  }

  it("shows the demo rivers on the map with their chiefs", async () => {
    const page = await e.newPage();
    await signIn(page, "admin");
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
  });

  it("grades an imported sampling round and raises 返黑返臭 on an eliminated body", async () => {
    const page = await e.newPage();
    await signIn(page, "eco.staff");
    await page.goto(`${e.server.url}/registries/black-odorous`);
    await page.getByTestId("bo-row-ZZ-HC-01").waitFor();
    await expect.poll(() => page.getByTestId("bo-status-ZZ-HC-01").getAttribute("data-state")).toBe("eliminated");
    await e.shot(page, "registries-04-black-odorous");
    // The body is the 住建局's: the 生态环境分局 staff may read it but not import. The office imports.
    await page.context().clearCookies();
    await signIn(page, "admin");
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
});
