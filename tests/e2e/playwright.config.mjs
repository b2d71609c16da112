// Playwright configuration for the end-to-end tests. They run in Debian's
// Chromium (never a downloaded browser) against the release build in dist/,
// served by the plain static server under two sub-paths and at the root.
import { defineConfig } from "@playwright/test";

// MICROFOLIO_E2E_PORT: another port, to run two checkouts side by side.
const PORT = Number(process.env.MICROFOLIO_E2E_PORT || 4173);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const SUBPATH = "/career-center/microfolio/";
/** A second copy on the same origin (another career center). */
export const OTHER_SUBPATH = "/other-center/microfolio/";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  outputDir: "../../test-results",
  use: {
    baseURL: ORIGIN + SUBPATH,
    // Dates are local: one zone everywhere, whatever the machine is set to.
    timezoneId: "UTC",
    locale: "en-US",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: `node scripts/static-server.mjs --dir dist --port ${PORT} --base ${SUBPATH} --base ${OTHER_SUBPATH} --base /`,
    cwd: "../..",
    url: ORIGIN + SUBPATH,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
