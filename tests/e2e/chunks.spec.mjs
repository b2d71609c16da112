// End-to-end: views load when first opened (issue 21). The first visit
// fetches only the main module and stays within its byte budget; opening a
// view fetches its chunk; after one visit every view opens with no network
// (the service worker holds every chunk); a chunk that cannot be fetched
// shows Retry, never a blank view, and Retry brings the view.
import { readFile, readdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { axeViolations, expect, fixture, openApp, openWithStored, readStored, test } from "./helpers.mjs";

const DIST = new URL("../../dist/", import.meta.url);
const CHUNK = /\/pkg-[0-9a-f]+\/(split|chunk)_[^/]*\.wasm$/;
const FAILED = "This view could not be loaded";

// The first load's budget, gzip -9 bytes of every file the first view
// fetches before it is shown (HTML, CSS, JS, the chunks' loader, the main
// wasm). Issue 21's target is 200 KiB and is not met: this build is at
// 439 KiB (1,006 KiB before the split; BENCHMARKS.md says what the rest
// is). The budget holds what is reached and fails on 11 KiB of growth.
const FIRST_LOAD_BUDGET = 450 * 1024;

/** The path of `url` inside dist/ ("pkg-…/microfolio_bg.wasm"; the page itself is "index.html"). */
const shipped = (url) => {
  const path = new URL(url).pathname.replace(/^\/career-center\/microfolio\//, "");
  return path === "" ? "index.html" : path;
};

test.describe("over the network", () => {
  test.use({ serviceWorkers: "block" });

  test("the first visit fetches the main module only, within the first-load budget", async ({ page }) => {
    const requests = [];
    page.on("requestfinished", (r) => requests.push(r.url()));
    await openApp(page);
    await expect(page.getByRole("heading", { level: 1, name: "Welcome to Microfolio" })).toBeVisible();
    const files = [...new Set(requests.map(shipped))].filter((f) => f !== "config.json");
    expect(files.filter((f) => CHUNK.test(`/${f}`)), "no view's chunk on the first load").toEqual([]);
    // The main module, once: the preload and the loader share one download.
    expect(requests.filter((u) => /\/pkg-[0-9a-f]+\/microfolio_bg\.wasm$/.test(u))).toHaveLength(1);
    let bytes = 0;
    for (const f of files) bytes += gzipSync(await readFile(new URL(f, DIST)), { level: 9 }).length;
    expect(bytes, `first load: ${files.join(", ")}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);

    // Opening a view fetches its own chunk.
    const before = requests.length;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
    expect(requests.slice(before).some((u) => /\/split_views\.wasm$/.test(u))).toBe(true);
  });

  test("a view whose chunk cannot be fetched says so with Retry, and Retry brings it", async ({ page, allowedConsoleErrors }) => {
    // The browser's and the loader's lines for the refused fetches.
    allowedConsoleErrors.push(/__wasm_split|ERR_FAILED|Failed to fetch|(split|chunk)_\w+\.wasm/);
    await openApp(page);
    await page.route(CHUNK, (route) => route.abort());
    await page.goto("#/skills");
    const alert = page.getByRole("alert").filter({ hasText: FAILED });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("Your data is safe");
    // The shell stays usable around the message, which axe finds clean.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.unroute(CHUNK);
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Skills" })).toBeVisible();
    await expect(page.getByText(FAILED)).toHaveCount(0);
  });

  test("sample data whose chunk cannot be fetched says so, adds nothing, and loads on a second try", async ({ page, allowedConsoleErrors }) => {
    allowedConsoleErrors.push(/__wasm_split|ERR_FAILED|Failed to fetch|(split|chunk)_\w+\.wasm/);
    await openApp(page);
    await page.route(CHUNK, (route) => route.abort());
    const stored = await readStored(page);
    const load = page.getByRole("button", { name: "Load sample data" });
    await load.click();
    await expect(page.getByRole("status")).toContainText("The sample data did not load");
    await expect(page.getByRole("region", { name: "Sample data" })).toHaveCount(0);
    expect(await readStored(page)).toBe(stored);

    await page.unroute(CHUNK);
    await load.click();
    await expect(page.getByRole("region", { name: "Sample data" })).toBeVisible();
  });
});

test("after one visit every view opens with the network offline", async ({ page, context }) => {
  test.slow();
  const doc = await fixture();
  await openWithStored(page, doc);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  // Every chunk of the build is precached in the background.
  const dir = (await readdir(DIST)).find((f) => f.startsWith("pkg-"));
  const wasm = (await readdir(new URL(`${dir}/`, DIST))).filter((f) => f.endsWith(".wasm"));
  const cached = () =>
    page.evaluate(async (dir) => {
      let n = 0;
      for (const key of await caches.keys()) {
        for (const r of await (await caches.open(key)).keys()) if (r.url.includes(`/${dir}/`) && r.url.endsWith(".wasm")) n++;
      }
      return n;
    }, dir);
  await expect.poll(cached, { timeout: 60_000 }).toBe(wasm.length);

  await context.setOffline(true);
  const [app] = doc.applications;
  const [entry] = doc.entries;
  const [skill] = doc.skills;
  const [contact] = doc.contacts;
  const views = [
    ["#/applications", "Applications"],
    ["#/portfolio", "Portfolio"],
    ["#/skills", "Skills"],
    ["#/contacts", "Contacts"],
    ["#/profile", "Your profile"],
    ["#/data", "Your data"],
    [`#/applications/${app.meta.id}`, app.organization],
    [`#/portfolio/${entry.meta.id}`, entry.title],
    [`#/portfolio/${entry.meta.id}/edit`, null],
    [`#/skills/${skill.meta.id}`, skill.name],
    [`#/contacts/${contact.meta.id}`, contact.name],
    ["#/portfolio/print", null],
    ["#/portfolio/share", null],
    ["#/applications/new", null],
  ];
  for (const [hash, name] of views) {
    await page.goto(hash);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading, hash).toBeVisible();
    if (name) await expect(heading, hash).toContainText(name);
    await expect(page.getByText(FAILED), hash).toHaveCount(0);
  }
  await context.setOffline(false);
});

// Regression: CI's failure of the test above (stop 27). A reload whose
// navigation was still in flight when the first version's worker activated
// was skipped by the worker's own claim, so that page stayed online-only:
// a view not opened yet failed with no network. The app now asks the
// active worker to take it.
test("a page loaded while the first version was being activated still works offline", async ({ page, context }) => {
  test.slow();
  // Slow precaching, so the first install is still running at the reload.
  await context.route(/\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await openApp(page);
  // Another tab, to watch the registration while this page's reload is held.
  const watcher = await context.newPage();
  await watcher.goto("manifest.webmanifest");
  const activated = () =>
    watcher.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === "activated");
  // The reload's page is answered only once the worker is active.
  await page.route((url) => url.pathname.endsWith("/microfolio/"), async (route) => {
    await expect.poll(activated, { timeout: 60_000 }).toBe(true);
    await route.continue();
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto("#/skills");
  await expect(page.getByRole("heading", { level: 1, name: "Skills" })).toBeVisible();
  await expect(page.getByText(FAILED)).toHaveCount(0);
  await context.setOffline(false);
});
