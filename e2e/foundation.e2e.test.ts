import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { E2E_PASSWORD, startE2E, type E2E } from "./harness";

/**
 * The foundation's main flow in real Chromium against a real server process: the office admin signs in, creates a
 * unit user, and that user signs in and sees only what the role allows. Screenshots are saved and looked at.
 */
describe("foundation e2e", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  }, 120_000);
  afterAll(() => e?.close());

  async function signIn(page: Page, username: string, password: string) {
    await page.goto(`${e.server.url}/login`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(password);
    await page.getByTestId("login-submit").click();
  }

  async function pickOption(page: Page, testId: string, text: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text }).first().click();
    await page.keyboard.press("Escape");
  }

  it("shows a clear Chinese message for a wrong password", async () => {
    const page = await e.newPage();
    await signIn(page, "admin", "not-the-password");
    await expect.poll(() => page.getByText("用户名或密码错误").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "foundation-01-login-error");
  });

  it("admin creates a unit user; that user sees only what the role allows", async () => {
    const page = await e.newPage();
    await signIn(page, "admin", E2E_PASSWORD);
    await page.waitForURL(`${e.server.url}/`);
    await expect.poll(() => page.getByText("系统管理").count()).toBeGreaterThan(0);
    // Wait for the data, not just the shell: the directory count and the newest audit entries.
    await expect.poll(() => page.getByText(/共 \d+ 个单位/).textContent(), { timeout: 10_000 }).toMatch(/共 [1-9]\d* 个单位/);
    await expect.poll(() => page.getByTestId("dashboard-audit").getByText("auth.login").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "foundation-02-admin-dashboard");

    await page.goto(`${e.server.url}/admin/users`);
    await page.getByTestId("users-table").waitFor();
    await page.getByTestId("user-create").click();
    await page.getByTestId("user-form-username").fill("zhang.san");
    await page.getByTestId("user-form-displayName").fill("张三");
    await page.getByTestId("user-form-password").fill("Zhang-san-2026!");
    await pickOption(page, "user-form-roles", "单位工作人员");
    await pickOption(page, "user-form-units", "区农业农村局");
    await e.shot(page, "foundation-03-create-user-form");
    await page.getByTestId("user-form-submit").click();
    await expect.poll(() => page.getByTestId("users-table").getByText("zhang.san").count(), { timeout: 10_000 }).toBe(1);
    await e.shot(page, "foundation-04-users-list");

    await page.goto(`${e.server.url}/admin/audit`);
    await expect.poll(() => page.getByText("user.create").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "foundation-05-audit-log");

    const staff = await e.newPage();
    await signIn(staff, "zhang.san", "Zhang-san-2026!");
    await staff.waitForURL(/\/(account)?$/);
    // A new account must change its password first; the shell offers the form.
    await expect.poll(() => staff.getByText("张三").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await staff.goto(`${e.server.url}/`);
    await expect.poll(() => staff.getByText("区农业农村局").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await staff.getByText("系统管理").count()).toBe(0);
    await e.shot(staff, "foundation-06-staff-dashboard");
    // Navigating by hand to an admin page shows no admin data, and the API refuses.
    await staff.goto(`${e.server.url}/admin/users`);
    expect(await staff.getByTestId("user-create").count()).toBe(0);
    const api = await staff.evaluate(async () => (await fetch("/api/users")).status);
    expect(api).toBe(403);
    await e.shot(staff, "foundation-07-staff-forbidden");
  });

  it("shows the demo district's seed plan as a task ledger, filtered by unit", async () => {
    const page = await e.newPage();
    await signIn(page, "eco.head", E2E_PASSWORD);
    await page.waitForURL(`${e.server.url}/`);
    await page.goto(`${e.server.url}/plan`);
    await expect.poll(() => page.getByTestId("plan-header").getByText("中环攻坚办〔2022〕13号").count(), { timeout: 15_000 }).toBe(1);
    const rows = () => page.getByTestId("plan-tasks").locator("tbody tr.ant-table-row").count();
    await expect.poll(rows, { timeout: 10_000 }).toBe(19);
    await e.shot(page, "foundation-09-plan-ledger");
    await page.getByTestId("plan-filter-unit").click();
    await page.keyboard.type("区城市管理局");
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "区城市管理局" }).first().click();
    // 区城市管理局 leads task 3 and is co-responsible for task 5 in the seed.
    await expect.poll(rows, { timeout: 10_000 }).toBeLessThan(19);
    const numbers = await page.getByTestId("plan-tasks").locator("tbody tr.ant-table-row td:nth-child(2)").allTextContents();
    expect(numbers).toEqual(expect.arrayContaining(["3", "5"]));
    await e.shot(page, "foundation-10-plan-filtered");
  });

  it("switches to English and keeps the choice after a reload", async () => {
    const page = await e.newPage();
    await signIn(page, "auditor", E2E_PASSWORD);
    await page.waitForURL(`${e.server.url}/`);
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByText("Audit log").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => page.getByText("Audit log").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Hello, /).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("dashboard-audit").getByText("auth.login").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "foundation-08-english");
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login/);
  });
});
