import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { E2E_DATA_DIR, E2E_PORT, e2eServerEnv } from "./fixtures/server-env";

const here = path.dirname(fileURLToPath(import.meta.url));
const systemChromium = "/usr/bin/chromium";

/**
 * The browser suite runs against the real product: `handoff start` on a fresh embedded database
 * (its own data folder and ports), the production build, a real Chromium.
 */
export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium where the system has it (Playwright's own browser download is not needed).
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // This file is also loaded by every test worker: only the server command may reset the data.
    command: `rm -rf '${E2E_DATA_DIR}' && node ${path.join(here, "..", "apps/cli/bin/handoff.js")} start`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    env: e2eServerEnv(),
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
  },
});
