/**
 * @module End-to-end harness: a real `qingliu serve` process on a fresh PGlite data directory with the demo district,
 * and Debian's Chromium driven by playwright-core (never a downloaded browser). Screenshots go to test-results/.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { spawnServer, type ServerProcess } from "../server/test/childProcess";

/** The password of every demo account in e2e runs. */
export const E2E_PASSWORD = "Qingliu-e2e-2026";
/** Where screenshots are saved. */
export const RESULTS_DIR = new URL("../test-results/", import.meta.url).pathname;

/** A running server plus a browser. */
export interface E2E {
  server: ServerProcess;
  browser: Browser;
  dataDir: string;
  /** A new page (own context, so its own cookies) at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves a full-page screenshot as test-results/<name>.png. */
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts server and browser. */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const dataDir = mkdtempSync(join(tmpdir(), "qingliu-e2e-"));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const server = await spawnServer({ DATA_DIR: dataDir, DEMO_PASSWORD: E2E_PASSWORD, ...env }, 90_000);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    // playwright's launch() gives every run a new, empty temporary profile (--user-data-dir), removed on close.
  });
  return {
    server,
    browser,
    dataDir,
    async newPage(viewport = { width: 1366, height: 860 }) {
      const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
      return context.newPage();
    },
    async shot(page, name) {
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close().catch(() => {});
      server.child.kill("SIGTERM");
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 15_000))]);
      server.child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
