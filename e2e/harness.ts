/**
 * @module End-to-end harness: a real `qingliu serve` process on a fresh PGlite data directory with the demo district,
 * and Debian's Chromium driven by playwright-core (never a downloaded browser). Screenshots go to test-results/.
 *
 * Creating the demo district is the slow part of a first start, and most e2e files want the same one. So the first
 * file that needs a district creates it once per test run into a template directory (a real first start of
 * `qingliu serve`, stopped cleanly); every file then starts its own server on a private copy of that template. The
 * copy is a fresh data directory in every respect a test sees; only the seeding is shared.
 */
import { createHash } from "node:crypto";
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";
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
  /** Signs in on the login page and waits until the app has left it. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** Saves a full-page screenshot as test-results/<name>.png once loading overlays have faded. */
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Settings that change what a first start seeds; files asking for the same values share one template. */
const SEED_SETTINGS = ["DEMO", "DEMO_PLAN", "DEMO_PASSWORD", "QINGLIU_SECRET_KEY"];

/** Waits until `path` exists (another test file is creating the template). */
async function waitFor(path: string, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if (existsSync(path)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The run's seeded template for these settings, created by a clean first start and stop of a real server. */
async function seededTemplate(seedEnv: Record<string, string>): Promise<string> {
  const key = createHash("sha256").update(JSON.stringify(seedEnv)).digest("hex").slice(0, 12);
  const root = join(tmpdir(), `qingliu-e2e-templates-${inject("runId")}`);
  const template = join(root, key);
  const ready = join(template, ".seeded");
  mkdirSync(root, { recursive: true });
  if (existsSync(ready)) return template;
  let lock: number;
  try {
    lock = openSync(join(root, `${key}.lock`), "wx");
  } catch {
    if (await waitFor(ready, 180_000)) return template;
    throw new Error(`e2e template ${key} was not created by the file that locked it`);
  }
  try {
    const building = mkdtempSync(join(root, `${key}-building-`));
    // Only the web service: no gateway traffic or scheduled jobs write into the template.
    const server = await spawnServer({ ...seedEnv, DATA_DIR: building, SERVICES: "web", DEMO_SIMULATOR: "false" }, 150_000);
    server.child.kill("SIGTERM");
    const code = await server.exited;
    if (code !== 0) throw new Error(`template server exited with ${code}:\n${server.output()}`);
    writeFileSync(join(building, ".seeded"), new Date().toISOString());
    renameSync(building, template);
    return template;
  } finally {
    closeSync(lock);
  }
}

/** A fresh data directory holding a copy of the seeded demo district for `env` (or an empty one without the demo). */
async function freshDataDir(env: Record<string, string>): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "qingliu-e2e-"));
  if (env.DEMO === "false") return dataDir;
  const given: Record<string, string | undefined> = { DEMO_PASSWORD: E2E_PASSWORD, ...env };
  const seedEnv = Object.fromEntries(SEED_SETTINGS.filter((k) => given[k] !== undefined).map((k) => [k, given[k]!]));
  cpSync(await seededTemplate(seedEnv), dataDir, { recursive: true });
  rmSync(join(dataDir, ".seeded"));
  return dataDir;
}

/** Starts server and browser. */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const dataDir = await freshDataDir(env);
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
      // Reduced motion (the app then turns antd's animations off): a click must not land on a dropdown still
      // unfolding — its rows move under the pointer between mousedown and mouseup, and the click selects nothing.
      const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai", reducedMotion: "reduce" });
      return context.newPage();
    },
    async signIn(page, username, password = E2E_PASSWORD) {
      await page.goto(`${server.url}/login`);
      await page.getByTestId("login-username").fill(username);
      await page.getByTestId("login-password").fill(password);
      await page.getByTestId("login-submit").click();
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    },
    async shot(page, name) {
      // antd blurs a table or card while it loads: wait for the overlays to fade (a page that never settles is
      // still photographed — the picture then shows why).
      const settled = await page
        .waitForFunction(() => document.querySelectorAll(".ant-spin-blur, .ant-spin-spinning").length === 0, undefined, { timeout: 15_000 })
        .then(() => true, () => false);
      if (settled) await page.waitForTimeout(300);
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
