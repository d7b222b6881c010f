import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./harness";

/**
 * The public portal at phone size (390×844) in real Chromium against a real server with the demo district: the
 * public pages, a citizen filing a complaint with a GPS-tagged photo (and an XSS payload in the text), the office
 * dispatching it, the unit resolving it, and the citizen reading the answer by receipt code. Any JavaScript dialog
 * (an executed payload) fails the test. Screenshots are saved as test-results/public-*.png and looked at.
 */
const PHONE = { width: 390, height: 844 };
/** Staff work at a desk: the signed-in shell's side menu is laid out for wider screens. */
const DESK = { width: 1280, height: 860 };
const GPS_PHOTO = new URL("../server/documents/fixtures/photo-gps.jpg", import.meta.url).pathname;
const XSS = `<img src=x onerror="alert('xss')">`;

describe("public portal e2e (phone)", () => {
  let e: E2E;
  const dialogs: string[] = [];
  beforeAll(async () => {
    e = await startE2E({ DEMO_SIMULATOR: "false" });
  }, 120_000);
  afterAll(() => e?.close());

  const phone = async (viewport = PHONE) => {
    const page = await e.newPage(viewport);
    page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
    return page;
  };
  async function pick(page: Page, testId: string, text: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text }).first().click();
    await page.keyboard.press("Escape");
  }

  it("shows the public pages without signing in", async () => {
    const page = await phone();
    await page.goto(`${e.server.url}/public`);
    await page.getByTestId("public-goals").waitFor();
    await expect.poll(() => page.getByTestId("public-goals").locator("li").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await e.shot(page, "public-01-home");
    await page.getByTestId("public-nav-water").click();
    await page.getByTestId("water-ranking").waitFor();
    await e.shot(page, "public-02-water");
    // Each figure opens where it came from: the section's means, readings, QC state and rules.
    await page.getByTestId("water-ranking").locator('[data-testid^="water-row-"]').first().click();
    await page.getByTestId("water-provenance").waitFor();
    await expect.poll(() => page.getByTestId("water-means").locator("tbody tr").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "public-02b-water-provenance");
    await page.getByTestId("public-nav-black-odorous").click();
    await page.getByTestId("black-odorous").waitFor();
    await expect.poll(async () => (await page.getByTestId("black-odorous-empty").count()) + (await page.getByTestId("registry-row").count()), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "public-03-black-odorous");
    await page.getByTestId("public-nav-complaints").click();
    await page.getByTestId("complaint-list").waitFor();
    await expect.poll(() => page.getByTestId("complaint-list").locator("li").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "public-04-complaint-map");
    await page.getByTestId("public-nav-progress").click();
    await page.getByTestId("progress-four-chaos").waitFor();
    await page.getByTestId("public-nav-exposures").click();
    await page.getByTestId("exposures").waitFor();
    await expect.poll(async () => (await page.getByTestId("exposures-empty").count()) + (await page.getByTestId("exposures").locator("li").count()), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "public-11-exposures");
    // English throughout: the switch is on the public pages too.
    await page.getByTestId("public-nav-home").click();
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("public-cta").textContent()).toContain("Report a problem");
    await e.shot(page, "public-12-home-en");
    await page.getByTestId("lang-switch").click();
  });

  it("a citizen files with a photo; staff dispatch; the unit resolves; the citizen reads the answer by receipt code", async () => {
    const citizen = await phone();
    await citizen.goto(`${e.server.url}/public/report`);
    await pick(citizen, "report-category", "污水直排");
    await citizen.getByTestId("report-description").fill(`白马门河排口夜间偷排黄色废水 ${XSS}`);
    const map = citizen.getByTestId("report-map");
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width * 0.3, y: box.height * 0.4 } });
    await expect.poll(() => citizen.getByTestId("report-point").textContent()).toMatch(/^\d+\.\d+, \d+\.\d+$/);
    await citizen.getByTestId("report-photos").setInputFiles(GPS_PHOTO);
    await expect.poll(() => citizen.getByTestId("report-photo").count()).toBe(1);
    await citizen.getByTestId("report-phone").fill("13912345678");
    await citizen.getByTestId("report-wants-reward").click();
    await e.shot(citizen, "public-05-report-form");
    await citizen.getByTestId("report-submit").click();
    const receiptEl = citizen.getByTestId("report-receipt");
    await receiptEl.waitFor({ timeout: 30_000 });
    const receipt = (await receiptEl.textContent())!.replace(/[^0-9A-Z-]/g, "");
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await e.shot(citizen, "public-06-receipt");

    // The office dispatches it.
    const admin = await phone(DESK);
    await e.signIn(admin, "admin");
    await admin.goto(`${e.server.url}/complaints`);
    const row = admin.getByTestId("complaints-table").locator("tr", { hasText: "白马门河排口夜间偷排" });
    await row.waitFor({ timeout: 10_000 });
    await row.locator("a").first().click();
    await admin.getByTestId("complaint-actions").waitFor();
    // The payload is shown as text in the staff view, never run.
    await expect.poll(() => admin.getByTestId("complaint-text").textContent()).toContain(XSS);
    await pick(admin, "complaint-unit", "中站生态环境分局");
    await admin.getByTestId("complaint-note").fill("已转中站生态环境分局办理。");
    await e.shot(admin, "public-07-staff-dispatch");
    await admin.getByTestId("complaint-action-dispatch").click();
    await expect.poll(() => admin.getByTestId("state-tag").first().getAttribute("data-state"), { timeout: 10_000 }).toBe("dispatched");
    const complaintUrl = admin.url();

    // The unit investigates and resolves it, starting from a response template.
    const unit = await phone(DESK);
    await e.signIn(unit, "eco.staff");
    await unit.goto(complaintUrl);
    await unit.getByTestId("complaint-action-investigate").click();
    await expect.poll(() => unit.getByTestId("state-tag").first().getAttribute("data-state"), { timeout: 10_000 }).toBe("investigating");
    await pick(unit, "complaint-template", "已整改");
    await expect.poll(() => unit.getByTestId("complaint-note").inputValue()).toContain("整改已完成");
    await unit.getByTestId("complaint-action-resolve").click();
    await expect.poll(() => unit.getByTestId("state-tag").first().getAttribute("data-state"), { timeout: 10_000 }).toBe("resolved");
    await e.shot(unit, "public-08-unit-resolved");

    // The office proposes the reward the citizen asked for; the claim lists its fraud checks for review.
    await admin.goto(complaintUrl);
    await admin.getByTestId("complaint-reward").waitFor({ timeout: 10_000 });
    await admin.getByTestId("complaint-reward").locator(".ant-select").click();
    await admin.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
    await admin.getByTestId("complaint-reward").getByRole("button").click();
    await admin.goto(`${e.server.url}/complaints/rewards`);
    await expect.poll(() => admin.getByTestId("rewards-table").locator("tbody tr.ant-table-row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => admin.locator(".ant-spin-blur, .ant-spin-spinning").count(), { timeout: 10_000 }).toBe(0);
    await e.shot(admin, "public-10-rewards");

    // The citizen sees the answer by receipt code.
    await citizen.goto(`${e.server.url}/public/track`);
    await citizen.getByTestId("track-receipt").fill(receipt.toLowerCase());
    await citizen.getByTestId("track-submit").click();
    await citizen.getByTestId("track-result").waitFor({ timeout: 10_000 });
    await expect.poll(() => citizen.getByTestId("track-result").getByTestId("state-tag").first().getAttribute("data-state")).toBe("resolved");
    await expect.poll(() => citizen.getByTestId("track-events").textContent()).toContain("整改已完成");
    expect(await citizen.getByTestId("track-description").textContent()).toContain(XSS);
    await e.shot(citizen, "public-09-track-resolved");

    // The public copy of the photo carries no camera or position data.
    const number = (await citizen.getByTestId("track-result").locator("h2").textContent())!.match(/\d{4}-\d{6}/)![0];
    const photo = await citizen.evaluate(async (n) => {
      const r = await fetch(`/api/public/complaints/${n}/photos/0`);
      const b = new Uint8Array(await r.arrayBuffer());
      return { type: r.headers.get("content-type"), text: new TextDecoder("latin1").decode(b) };
    }, number);
    expect(photo.type).toBe("image/jpeg");
    expect(photo.text).not.toContain("Xiaomi");
    expect(photo.text).not.toContain("GPS");
    expect(readFileSync(GPS_PHOTO).includes(Buffer.from("Xiaomi"))).toBe(true);
    expect(dialogs).toEqual([]);
  }, 120_000);

  it("the office changes the rate limits and fraud thresholds on the settings page; a value out of range is refused", async () => {
    const admin = await e.newPage();
    await e.signIn(admin, "admin");
    await admin.goto(`${e.server.url}/complaints/settings`);
    const perHour = admin.getByTestId("setting-perAddressPerHour");
    await expect.poll(() => perHour.inputValue(), { timeout: 10_000 }).toBe("5");
    await perHour.fill("0");
    await admin.getByTestId("settings-portal-save").click();
    await admin.getByTestId("settings-portal").getByText("应在 1–100000 之间").waitFor();
    await perHour.fill("8");
    await admin.getByTestId("setting-burstCount").fill("4");
    await admin.getByTestId("settings-portal-save").click();
    await admin.getByTestId("settings-portal-saved").waitFor({ timeout: 10_000 });
    await admin.reload();
    await expect.poll(() => admin.getByTestId("setting-perAddressPerHour").inputValue(), { timeout: 10_000 }).toBe("8");
    expect(await admin.getByTestId("setting-burstCount").inputValue()).toBe("4");
    await admin.getByTestId("settings-portal").scrollIntoViewIfNeeded();
    await e.shot(admin, "public-13-settings");
  }, 60_000);
});
