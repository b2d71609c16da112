// End-to-end: career-center ready. config.json brands a copy (and a broken
// one says why); two copies on one origin keep separate data; after one
// visit the app opens offline, and a new deployment is announced; sample
// data loads and goes completely; the theme switch, the shortcuts dialog
// and a whole add-and-move flow with the keyboard alone.
import { cp, mkdtemp, readFile, rm, appendFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ORIGIN, SUBPATH, expect, inDays, monthName, openApp, readDocument, settled, storageKey, storedDoc, test } from "./helpers.mjs";
import { OTHER_SUBPATH } from "./playwright.config.mjs";

const CONFIG = {
  institution: "State University Career Center",
  accent_color: "#7a1f3d",
  welcome: "Book a coaching slot any time: we read portfolios too.",
  sources: ["Parker Dewey", "State U Job Board"],
  suggested_skills: ["Financial modelling"],
  resources: [{ title: "Career coaching", url: "https://careers.example.edu/coaching" }],
};

/** Presses Tab until `target` has focus (the keyboard is all a user has). */
async function tabTo(page, target, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test.describe("deployment config", () => {
  // config.json is served by a route here; the service worker would fetch
  // it from the real server instead.
  test.use({ serviceWorkers: "block" });

  test("config.json changes the name, the colour, the welcome, the lists and the links", async ({ page }) => {
    await page.route("**/config.json", (route) => route.fulfill({ json: CONFIG }));
    await openApp(page);
    await expect(page.getByRole("banner")).toContainText("State University Career Center");
    await expect(page.getByText(CONFIG.welcome)).toBeVisible();
    await expect(page.getByRole("link", { name: "Career coaching" })).toHaveAttribute("href", CONFIG.resources[0].url);
    const colour = () => page.locator(".brand-mark").evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(colour).toBe("rgb(122, 31, 61)");
    await page.emulateMedia({ colorScheme: "dark" });
    // The dark scheme gets a lighter, still-readable variant of the colour.
    await expect.poll(colour).not.toBe("rgb(122, 31, 61)");
    // Views arrive as chunks: wait for the form before reading its lists.
    await page.goto("#/applications/new");
    await expect(page.getByLabel("Organization")).toBeVisible();
    const sources = await page.locator("#known-sources option").evaluateAll((os) => os.map((o) => o.value));
    expect(sources).toEqual(CONFIG.sources);
    await page.goto("#/skills/new");
    await expect(page.locator("#suggested-skills option")).toHaveAttribute("value", "Financial modelling");
  });

  test("an invalid config.json gives the defaults and a notice saying what is wrong", async ({ page }) => {
    await page.route("**/config.json", (route) =>
      route.fulfill({ json: { institution: "X", accent_color: "teal", logo: "https://elsewhere.example/logo.png" } }),
    );
    await openApp(page);
    const notice = page.getByRole("status").filter({ hasText: "config.json" });
    await expect(notice).toContainText("has problems");
    await expect(notice).toContainText("accent_color: “teal” is not a colour");
    await expect(notice).toContainText("logo: must be a path on this site");
    await expect(page.getByRole("banner")).not.toContainText("X");
    await page.route("**/config.json", (route) => route.fulfill({ body: "{ not json" }));
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "config.json" })).toContainText("it is not valid JSON (line 1, column 3)");
  });

  // Regression: serde read a struct from a JSON array, so `[]` passed as
  // a config with no settings, with no notice.
  test("a config.json that is a list, not an object, gets a notice", async ({ page }) => {
    await page.route("**/config.json", (route) => route.fulfill({ json: [] }));
    await openApp(page);
    await expect(page.getByRole("status").filter({ hasText: "config.json" })).toContainText("it must be one JSON object");
  });

  test("no config.json means the defaults and no notice", async ({ page }) => {
    await openApp(page);
    await expect(page.getByText("config.json")).toHaveCount(0);
    await expect(page.getByRole("banner")).toContainText("Microfolio");
  });
});

test("two deployments under two paths on one server keep separate data", async ({ page }) => {
  const add = async (base, org) => {
    await page.goto(`${ORIGIN}${base}#/applications/new`);
    await page.getByLabel("Organization").fill(org);
    await page.getByLabel("Role or project title").fill("Analyst");
    await page.getByRole("button", { name: "Add application" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${org} — Analyst` })).toBeVisible();
    await settled(page);
  };
  await add(SUBPATH, "Alpha Co");
  await add(OTHER_SUBPATH, "Beta Co");
  for (const [base, mine, theirs] of [[SUBPATH, "Alpha Co", "Beta Co"], [OTHER_SUBPATH, "Beta Co", "Alpha Co"]]) {
    await page.goto(`${ORIGIN}${base}#/applications`);
    await page.reload();
    await expect(page.getByRole("link", { name: new RegExp(mine) }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(theirs) })).toHaveCount(0);
  }
  // Each deployment's head and parts sit under its own path.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  const under = (path) => keys.filter((k) => k.startsWith(`microfolio:${path}:`));
  expect(under(SUBPATH)).toContain(storageKey(SUBPATH));
  expect(under(OTHER_SUBPATH)).toContain(storageKey(OTHER_SUBPATH));
  expect(under(SUBPATH).length + under(OTHER_SUBPATH).length).toBe(keys.length);
  expect((await readDocument(page, storageKey(SUBPATH))).applications.map((a) => a.organization)).toEqual(["Alpha Co"]);
  expect((await readDocument(page, storageKey(OTHER_SUBPATH))).applications.map((a) => a.organization)).toEqual(["Beta Co"]);
});

test("after one visit the app opens with the network offline, data and all", async ({ page, context }) => {
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill("Offline Co");
  await page.getByLabel("Role or project title").fill("Analyst");
  await page.getByRole("button", { name: "Add application" }).click();
  await settled(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto(`${ORIGIN}${SUBPATH}#/applications`);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Offline Co/ }).first()).toBeVisible();
  await context.setOffline(false);

  // Installable: the page links a manifest whose icon is served.
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest).toMatchObject({ name: "Microfolio", display: "standalone", start_url: "./" });
  const icon = await page.request.get(new URL(manifest.icons[0].src, manifestUrl).href);
  expect(icon.ok()).toBe(true);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("a new deployment is announced, and reloading switches to it with the data untouched", async ({ newContext }) => {
  // A copy of the build on its own server, so it can be redeployed.
  const dir = await mkdtemp(join(tmpdir(), "microfolio-deploy-"));
  await cp("dist", dir, { recursive: true });
  const port = 4183;
  const server = spawn("node", ["scripts/static-server.mjs", "--dir", dir, "--port", String(port), "--base", "/"], {
    cwd: new URL("../..", import.meta.url).pathname,
    stdio: "ignore",
  });
  const context = await newContext();
  try {
    const page = await context.newPage();
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(url);
        break;
      } catch {
        await page.waitForTimeout(100);
      }
    }
    await page.goto(`${url}#/profile`);
    await page.getByLabel("Name", { exact: true }).fill("Ada Student");
    await settled(page);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await expect(page.getByText("A new version of Microfolio is ready")).toHaveCount(0);

    // Redeploy: a new build has a new service worker.
    await appendFile(join(dir, "sw.js"), "\n// redeployed\n");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.getByRole("status").filter({ hasText: "A new version of Microfolio is ready" });
    await expect(notice).toBeVisible();
    const reloaded = page.waitForEvent("load");
    await notice.getByRole("button", { name: "Reload now" }).click();
    await reloaded;
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("A new version of Microfolio is ready")).toHaveCount(0);
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Student");
  } finally {
    await context.close();
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
});

test("sample data is clearly marked, fills the dashboard and is removed completely", { tag: "@dates" }, async ({ page }) => {
  await openApp(page, "#/profile");
  await page.getByLabel("Name", { exact: true }).fill("Ada Student");
  await page.goto("#/");
  const before = await storedDoc(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("region", { name: "Sample data" })).toContainText("Sample data is loaded");
  await expect(page.getByRole("img", { name: /Applications that reached each stage\. Saved: 6; Applied: 5/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Share of applications that got an answer/ })).toBeVisible();
  // Its dates are relative to today: hours in recent months, a follow-up due soon.
  const hours = await page.getByRole("img", { name: /Hours in the months with work/ }).getAttribute("aria-label");
  // Only months with work, each with its hours.
  expect(hours).toMatch(/^Hours in the months with work, last 12 months\. \w{3} \d{4}: [\d.]+ h[.;]/);
  expect(hours).not.toMatch(/: 0 h[.;]/);
  await expect(page.getByRole("region", { name: "Due soon" })).toContainText("in 2 days");
  await expect(page.getByRole("img", { name: /Level of each skill/ })).toContainText("SQL (sample)");
  const loaded = await storedDoc(page);
  expect(loaded.applications).toHaveLength(6);
  expect(loaded.applications.every((a) => a.organization.endsWith("(sample)"))).toBe(true);
  expect(loaded.settings.sample).toHaveLength(14);

  // The banner is on every view; one action removes it all.
  await page.goto("#/skills");
  await page.getByRole("region", { name: "Sample data" }).getByRole("button", { name: "Remove sample data" }).click();
  await expect(page.getByRole("region", { name: "Sample data" })).toHaveCount(0);
  const after = await storedDoc(page);
  for (const kind of ["applications", "contacts", "entries", "skills"]) expect(after[kind]).toEqual(before[kind]);
  expect(after.settings).toEqual(before.settings);
  expect(after.profile).toEqual(before.profile);
  await page.goto("#/");
  await expect(page.getByRole("button", { name: "Load sample data" })).toBeVisible();
});

test("the theme switch overrides the system setting and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  // The theme lives with the settings, on Data (issue 20).
  await openApp(page, "#/data");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByLabel("Theme").selectOption({ label: "Dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await background()).not.toBe(light);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByLabel("Theme")).toHaveValue("dark");
  await page.getByLabel("Theme").selectOption({ label: "Same as this device" });
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  expect(await background()).toBe(light);
  // A dark system is followed, and "Light" overrides it.
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await background();
  expect(dark).not.toBe(light);
  await page.getByLabel("Theme").selectOption({ label: "Light" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe(light);
});

test("the shortcuts dialog keeps and returns focus, and shortcuts never take keys from a text field", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: "Load sample data" }).click();
  await page.goto("#/applications");
  const opener = page.getByRole("button", { name: "Keyboard shortcuts" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("New application");
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // "?" opens it from anywhere outside a field.
  await page.locator("body").press("?");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).press("Enter");
  await expect(dialog).toBeHidden();

  // In a text field the keys are text.
  await page.getByRole("searchbox", { name: "Search" }).focus();
  await page.keyboard.type("n/?e");
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("n/?e");
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expect(dialog).toBeHidden();

  // Outside one, "/" finds the search from another view.
  await page.goto("#/skills");
  await page.locator("body").press("/");
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeFocused();
});

test("adding an application and moving it one stage is done with the keyboard alone", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { level: 1, name: "New application" })).toBeFocused();
  await tabTo(page, page.getByLabel("Organization"));
  await page.keyboard.type("Keyboard Co");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Role or project title")).toBeFocused();
  await page.keyboard.type("Analyst");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard Co — Analyst" })).toBeVisible();

  await tabTo(page, page.getByRole("link", { name: "← All applications" }));
  await page.keyboard.press("Enter");
  const move = page.getByRole("button", { name: "Move Keyboard Co — Analyst…" });
  await tabTo(page, move);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Applied", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Applied" }).getByRole("link", { name: /Keyboard Co/ })).toBeVisible();
  const doc = await storedDoc(page);
  expect(doc.applications[0].history.map((h) => h.stage)).toEqual(["saved", "applied"]);
});
