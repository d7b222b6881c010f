import { defineConfig } from "vitest/config";

/** One test runner for domain, server and e2e tests. Server/e2e suites start real databases and browsers. */
export default defineConfig({
  test: {
    include: ["domain/**/*.test.ts", "server/**/*.test.ts", "e2e/**/*.test.ts"],
    globalSetup: ["server/test/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
