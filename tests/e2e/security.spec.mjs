// End-to-end: nothing executed, nothing sent. The app runs under its
// Content Security Policy with no violation; hostile text (HTML, script)
// in stored data is shown as text; script links are never rendered.
import { HOSTILE, ORIGIN, expect, fixture, openWithStored, poison, test, watch } from "./helpers.mjs";

async function store(page, doc) {
  await openWithStored(page, doc);
}

const VIEWS = [
  "#/", "#/applications", "#/applications/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "#/contacts",
  "#/contacts/3d0f2a51-6c7e-4b8a-9f10-1a2b3c4d5e6f", "#/portfolio", "#/portfolio/e0000000-0000-4000-8000-000000000001",
  "#/portfolio/e0000000-0000-4000-8000-000000000001/edit", "#/portfolio/print", "#/skills",
  "#/skills/5a1e0000-0000-4000-8000-000000000001", "#/profile", "#/data", "#/portfolio/share", "#/shared",
  "#/portfolio/e0000000-0000-4000-8000-000000000001/feedback",
];

test("every view runs under the Content Security Policy with no violation and no outside request", async ({ page }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = watch(page);
  await store(page, await fixture());
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  for (const view of VIEWS) {
    await page.goto(view);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => window.__violations), view).toEqual([]);
  }
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  for (const url of requests) expect(new URL(url).origin).toBe(ORIGIN);
});

test("HTML and script in every text field are shown as text, never run", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await store(page, poison(await fixture()));
  // The hostile document is valid data: the app opens it (no recovery screen).
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  for (const view of VIEWS) {
    await page.goto(view);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("#/portfolio/e0000000-0000-4000-8000-000000000001");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE);
  expect(await page.locator("main img, main script").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("a javascript: link in stored data is refused, never rendered", async ({ page }) => {
  const doc = await fixture();
  doc.applications[0].posting_url = "  JaVaScRiPt:alert(1)";
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await store(page, doc);
  await expect(page.getByRole("heading", { level: 1, name: "Your saved data could not be read" })).toBeVisible();
  await expect(page.getByText("applications[0].posting_url")).toBeVisible();
  expect(await page.locator('a[href*="javascript" i]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

// Regression: any page (a sibling subdomain of a career center's domain,
// say) could frame the app with the student's real data and trick clicks
// on Replace, Delete or Start fresh: a meta CSP cannot say
// frame-ancestors, and GitHub Pages sets no headers.
test("framed by another page, the app shows none of the student's data, only a link to open it in its own tab", async ({ page }) => {
  await openWithStored(page, await fixture());
  await expect(page.getByRole("heading", { level: 1, name: "Welcome back, Ada Student" })).toBeVisible();
  const app = page.url();
  // Another page on the same server (the hardest case: same origin).
  await page.route(`${ORIGIN}/framer.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Not the app</title><iframe title="framed" src="${app}#/data" width="800" height="600"></iframe>` }),
  );
  await page.goto(`${ORIGIN}/framer.html`);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1, name: "Microfolio opens in its own tab" })).toBeVisible();
  const link = frame.getByRole("link", { name: "Open Microfolio in its own tab" });
  await expect(link).toHaveAttribute("target", "_blank");
  expect(await link.getAttribute("href")).toBe(`${app}#/data`);
  await expect(frame.getByText("Ada Student")).toHaveCount(0);
  await expect(frame.getByRole("button")).toHaveCount(0);
  await expect(frame.getByRole("navigation")).toHaveCount(0);
});
