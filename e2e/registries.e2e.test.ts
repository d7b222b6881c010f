import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { E2E_PASSWORD, startE2E, type E2E } from "./harness";

/**
 * The registries in real Chromium against a real server with the demo district: the river register and 河湖长
 * directory on the offline map. Screenshots are saved as test-results/registries-*.png and looked at.
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
});
