import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { join } from "node:path";
import { E2E_PASSWORD, RESULTS_DIR, startE2E, type E2E } from "./harness";
import { freePort } from "../server/test/childProcess";
import { DEFAULT_FLEET, DEFAULT_RUN, runSimulation, simulateRegistered, type SimDevice } from "../server/simulator";

/**
 * The alarm flow end to end: a real server (demo district, its own HJ 212 gateway), an outlet with a COD permit of
 * 100 mg/L and a rule on it; the simulator — a real TCP data logger — sends COD held above 150 → the alarm appears
 * in the operator's open alarm list by itself (the page polls) → the operator acknowledges it with a note → the
 * simulator sends normal values again → the alarm clears and, being acknowledged, closes. Then the area's other
 * pages are opened with the demo's data, and a flagged value is accepted in the review queue. Screenshots are saved
 * and looked at.
 */
describe("alarms e2e", () => {
  let e: E2E;
  let gatewayPort: number;
  let device: SimDevice;
  const MN = "QLE2EOUT0001";

  /** A signed-in API session (cookie + CSRF token), for setting up what the test needs. */
  async function api(username: string) {
    const login = await fetch(`${e.server.url}/api/auth/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: E2E_PASSWORD }),
    });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const csrf = ((await login.json()) as { data: { csrfToken: string } }).data.csrfToken;
    return async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${e.server.url}${path}`, {
        method, headers: { cookie, "x-csrf-token": csrf, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await r.json()) as { ok: boolean; data: any };
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json.data;
    };
  }

  /** A screenshot with animations finished (modals fade in). */
  const still = (page: Page, name: string) => page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true, animations: "disabled" });

  /** Runs the device until `signal`, sending a real-time value every 2 s (COD held above `cod` when given). */
  function transmit(signal: AbortSignal, cod?: number) {
    const d = cod === undefined ? device : { ...device, factors: device.factors.map((f) => (f.code === "w01018" ? { ...f, exceed: cod } : f)) };
    return runSimulation({
      ...DEFAULT_RUN, host: "127.0.0.1", port: gatewayPort, fleet: DEFAULT_FLEET, fleetDevices: [d], intervalMs: 2000, speedup: 1,
      minuteData: false, keepRecords: false, tickMs: 100, drainMs: 1000, ackTimeoutMs: 3000, signal,
    });
  }

  beforeAll(async () => {
    gatewayPort = await freePort();
    e = await startE2E({ GATEWAY_PORT: String(gatewayPort), DEMO_SIMULATOR: "false" });
    const admin = await api("admin");
    const point = await admin("POST", "/api/monitoring/points", {
      code: "E2E-OUT", name: "测试企业废水总排口", kind: "outlet", waterBody: "白马门河",
      limits: [{ factor: "w01018", upperLimit: 100, basis: "排污许可证（测试）" }],
    });
    const factors = ["w01018", "w21003", "w00000"];
    await admin("POST", "/api/monitoring/devices", { mn: MN, pw: "e2e123", st: "32", pointId: point.id, expectedFactors: factors });
    // COD above 120 is suspect by the gross-range test: the exceedance also lands in the review queue.
    await admin("PUT", `/api/quality/settings/${point.id}/w01018`, { config: { grossRange: { failMin: 0, failMax: 1000, suspectMin: null, suspectMax: 120 } } });
    await admin("POST", "/api/alarms/rules", {
      name: "COD 超许可（立即）", severity: "severe", pointId: point.id, period: "rt",
      conditions: [{ kind: "threshold", factor: "w01018", basis: "permit" }], persistenceMinutes: 0, repeatMinutes: 10,
    });
    device = simulateRegistered({ mn: MN, pw: "e2e123", st: "32", name: "测试企业", factors }, 0, DEFAULT_FLEET.seed);
  }, 180_000);
  afterAll(() => e?.close());

  it("an injected exceedance appears as an alarm, is acknowledged, and clears when values return", async () => {
    const page = await e.newPage();
    await e.signIn(page, "operator");
    await page.goto(`${e.server.url}/alarms`);
    await page.getByTestId("alarms-table").waitFor();
    await e.shot(page, "alarms-01-list-before");

    const exceed = new AbortController();
    const run = transmit(exceed.signal, 150);
    try {
      // The list polls; the test only waits for the row to show up.
      const row = page.getByTestId("alarm-row-E2E-OUT").filter({ hasText: "COD 超许可（立即）" });
      await row.waitFor({ timeout: 60_000 });
      await expect.poll(() => row.getAttribute("data-state"), { timeout: 10_000 }).toBe("active_unack");
      expect(await row.textContent()).toMatch(/化学需氧量 1[5-9]\d(\.\d+)? > 100（许可限值）/);
      await expect.poll(() => page.getByTestId("alarms-unack-count").textContent(), { timeout: 10_000 }).toMatch(/[1-9]/);
      await e.shot(page, "alarms-02-list-raised");

      await row.getByRole("link").first().click();
      await page.getByTestId("alarm-info").waitFor();
      await expect.poll(() => page.getByTestId("alarm-chart").getAttribute("data-state"), { timeout: 20_000 }).toBe("ready");
      await expect.poll(() => page.getByTestId("alarm-event-notified").count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await e.shot(page, "alarms-03-detail-active");

      await page.getByTestId("alarm-ack").click();
      await page.getByTestId("alarm-ack-note").fill("已电话通知企业排查污水处理设施");
      await still(page, "alarms-04a-ack-dialog");
      await page.getByTestId("alarm-ack-submit").click();
      await expect.poll(() => page.getByTestId("alarm-state").textContent(), { timeout: 10_000 }).toBe("报警中·已确认");
      await expect.poll(() => page.getByTestId("alarm-event-acknowledged").count()).toBe(1);
      await e.shot(page, "alarms-04-detail-acknowledged");
    } finally {
      exceed.abort();
      await run;
    }

    const normal = new AbortController();
    const back = transmit(normal.signal);
    try {
      await expect.poll(() => page.getByTestId("alarm-state").textContent(), { timeout: 60_000 }).toBe("已关闭");
      await expect.poll(() => page.getByTestId("alarm-event-cleared").count()).toBe(1);
      await e.shot(page, "alarms-05-detail-closed");
    } finally {
      normal.abort();
      await back;
    }
    await page.goto(`${e.server.url}/alarms`);
    await page.getByTestId("alarms-table").waitFor();
    await expect.poll(() => page.getByTestId("alarm-row-E2E-OUT").count(), { timeout: 10_000 }).toBe(0);
    await page.goto(`${e.server.url}/alarms?state=closed`);
    await expect.poll(() => page.getByTestId("alarm-row-E2E-OUT").filter({ hasText: "COD 超许可（立即）" }).getAttribute("data-state"), { timeout: 10_000 }).toBe("closed");
    await e.shot(page, "alarms-06-list-closed");
    // The row's chart link opens the outlet's COD around the alarm (a custom range on the point page).
    await page.getByTestId("alarm-chart-link-E2E-OUT").first().click();
    await page.waitForURL(/\/monitoring\/points\/[^?]+\?factor=w01018/);
    await expect.poll(() => page.getByTestId("point-chart").getAttribute("data-state"), { timeout: 20_000 }).toBe("ready");
    await e.shot(page, "alarms-06b-chart-around-alarm");
  }, 240_000);

  it("the area's other pages show the demo's rules, review queue, findings, violations and QC settings", async () => {
    const page = await e.newPage();
    await e.signIn(page, "operator");
    await page.goto(`${e.server.url}/alarms/rules`);
    await expect.poll(() => page.getByTestId("rules-table").getByText("排口超许可限值（演示）").count(), { timeout: 10_000 }).toBe(1);
    await e.shot(page, "alarms-07-rules");
    await page.getByTestId("rules-table").getByRole("button").first().click();
    await page.getByTestId("rule-name").waitFor();
    await still(page, "alarms-08-rule-form");
    await page.keyboard.press("Escape");

    await page.goto(`${e.server.url}/alarms/qc`);
    await page.getByTestId("qc-point").click();
    await page.keyboard.type("ZZ-OUT-01");
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().click();
    await expect.poll(() => page.getByTestId("qc-table").getByText("已自定义").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "alarms-09-qc-settings");
    await page.getByTestId("qc-edit-w01018").click();
    await page.getByTestId("qc-dl").waitFor();
    await still(page, "alarms-10-qc-form");
    await page.keyboard.press("Escape");

    // The exceedance values above 120 wait for review; one is accepted with a reason.
    await page.goto(`${e.server.url}/alarms/review`);
    const rows = page.getByTestId("review-table").locator("tr.ant-table-row");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await rows.count();
    await rows.first().click();
    await expect.poll(() => page.getByTestId("review-chart").getAttribute("data-state"), { timeout: 15_000 }).toBe("ready");
    await e.shot(page, "alarms-11-review");
    await rows.first().locator(".ant-checkbox-input").check();
    await page.getByTestId("review-accept").click();
    await page.getByTestId("review-reason").fill("经现场核查为真实超标排放");
    await still(page, "alarms-11a-review-dialog");
    await page.getByTestId("review-submit").click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(before - 1);

    await page.goto(`${e.server.url}/alarms/findings?status=all`);
    await page.getByTestId("findings-table").waitFor();
    await e.shot(page, "alarms-12-findings");

    await page.goto(`${e.server.url}/alarms/violations`);
    await page.getByTestId("violations-table").waitFor();
    await e.shot(page, "alarms-13-violations");

    // English is complete: the closed alarm list in English.
    await page.goto(`${e.server.url}/alarms?state=closed`);
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getByTestId("alarms-nav").textContent(), { timeout: 10_000 }).toContain("Data review");
    await expect.poll(() => page.getByTestId("alarms-table").getByText("Closed").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "alarms-13a-list-english");
    await page.getByTestId("lang-switch").click();
  }, 120_000);

  it("a severe alarm on a river station offers the river's plan; activating it opens an incident and notifies the chain", async () => {
    // A second data logger on the demo's automatic station of 大沙河 (target class Ⅳ: NH3-N 1.5 mg/L); the demo rule
    // 自动站氨氮超目标 2 倍 raises a severe alarm above 3.0 at once.
    const admin = await api("admin");
    const points = await admin("GET", "/api/monitoring/points?q=ZZ-AS-DSH");
    const station = points.find((p: { code: string }) => p.code === "ZZ-AS-DSH");
    const factors = ["w01001", "w01009", "w21003", "w21011"];
    await admin("POST", "/api/monitoring/devices", { mn: "QLE2EAS0001", pw: "e2e456", st: "21", pointId: station.id, expectedFactors: factors });
    const sensor = simulateRegistered({ mn: "QLE2EAS0001", pw: "e2e456", st: "21", name: "测试站", factors }, 1, DEFAULT_FLEET.seed);
    const page = await e.newPage();
    await e.signIn(page, "operator");
    await page.goto(`${e.server.url}/alarms`);
    const stop = new AbortController();
    const run = runSimulation({
      ...DEFAULT_RUN, host: "127.0.0.1", port: gatewayPort, fleet: DEFAULT_FLEET, intervalMs: 2000, speedup: 1, minuteData: false, keepRecords: false,
      tickMs: 100, drainMs: 1000, ackTimeoutMs: 3000, signal: stop.signal,
      fleetDevices: [{ ...sensor, factors: sensor.factors.map((f) => (f.code === "w21003" ? { ...f, exceed: 4 } : f)) }],
    });
    try {
      const row = page.getByTestId("alarm-row-ZZ-AS-DSH").filter({ hasText: "自动站氨氮超目标 2 倍" });
      await row.waitFor({ timeout: 60_000 });
      await row.getByRole("link").first().click();
      await page.getByTestId("plan-offer").waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId("alarm-chart").getAttribute("data-state"), { timeout: 20_000 }).toBe("ready");
      await e.shot(page, "alarms-14-alarm-plan-offer");
    } finally {
      stop.abort();
      await run;
    }
    await page.getByTestId("plan-offer-open").click();
    await page.getByTestId("plan-map").waitFor();
    await expect.poll(() => page.getByTestId("plan-chain").locator(".ant-list-item").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.shot(page, "alarms-15-plan");
    await page.getByTestId("plan-activate").click();
    await page.getByTestId("plan-activate-note").fill("运维人员已赶赴现场采样");
    await page.getByTestId("plan-activate-submit").click();
    await page.waitForURL(/\/alarms\/plans\/incidents\//, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId("incident-status").textContent(), { timeout: 10_000 }).toBe("处置中");
    await page.getByTestId("incident-step-0").click();
    await page.getByTestId("incident-entry-text").fill("现场采样 3 个，快速检测氨氮 4.1 mg/L，确认超标");
    await page.getByTestId("incident-entry-submit").click();
    await expect.poll(() => page.getByTestId("incident-log").getByText("第 1 步").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId("incident-log").getByText(/已通知 \d+ 人/).count()).toBe(1);
    await e.shot(page, "alarms-16-incident");
  }, 180_000);
});
