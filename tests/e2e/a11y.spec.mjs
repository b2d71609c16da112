// End-to-end: accessibility. axe-core (WCAG 2.0–2.2 A/AA and best
// practice) reports nothing on any view, with real data, in light and in
// dark colour schemes; also the board with a Move list open, a share
// link, a transfer link made and opened, the dashboard's charts with sample data, and the shortcuts dialog.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { expect, openApp, storageKey, test } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

const VIEWS = [
  "#/", "#/applications", "#/applications/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "#/applications/new",
  "#/contacts", "#/contacts/3d0f2a51-6c7e-4b8a-9f10-1a2b3c4d5e6f", "#/portfolio",
  "#/portfolio/e0000000-0000-4000-8000-000000000001", "#/portfolio/e0000000-0000-4000-8000-000000000001/edit",
  "#/portfolio/print", "#/portfolio/share", "#/skills", "#/skills/5a1e0000-0000-4000-8000-000000000001", "#/profile",
  "#/data", "#/shared",
];

async function violations(page) {
  // Evaluated over the DevTools protocol: the app's CSP (rightly) blocks
  // an injected <script>.
  await page.evaluate(await readFile(AXE, "utf8"));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violation on any view (${colorScheme})`, async ({ page }) => {
    // Some twenty views, each checked whole, and a transfer link's PBKDF2.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme });
    const doc = await readFile(new URL("../fixtures/v3.json", import.meta.url), "utf8");
    await openApp(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), doc]);
    for (const view of VIEWS) {
      await page.goto(view);
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await violations(page), `${view} (${colorScheme})`).toEqual([]);
    }
    // The board with a card's Move list open.
    await page.goto("#/applications");
    await page.getByRole("button", { name: /^Move .*…$/ }).first().click();
    await expect(page.getByRole("button", { name: /^Move .*…$/, expanded: true })).toHaveCount(1);
    expect(await violations(page), `board with a Move list open (${colorScheme})`).toEqual([]);
    // A share link, with its link field shown first, then opened.
    await page.goto("#/portfolio/share");
    await page.getByRole("button", { name: "Make a share link" }).click();
    const link = await page.getByLabel("Share link").inputValue();
    expect(await violations(page), `share link (${colorScheme})`).toEqual([]);
    await page.goto(link);
    await expect(page.getByRole("complementary", { name: "About this shared portfolio" })).toBeVisible();
    expect(await violations(page), `shared portfolio (${colorScheme})`).toEqual([]);
    // A transfer link, made, then opened (asking for its passphrase).
    await page.goto("#/data");
    await page.getByRole("button", { name: "Make the link" }).click();
    const transfer = await page.getByRole("textbox", { name: "Transfer link" }).inputValue({ timeout: 30_000 });
    expect(await violations(page), `transfer link (${colorScheme})`).toEqual([]);
    await page.goto(transfer);
    await expect(page.getByRole("heading", { name: "Data from your other device" })).toBeVisible();
    expect(await violations(page), `transfer link opened (${colorScheme})`).toEqual([]);
    // The dashboard with sample data, and the shortcuts dialog open.
    await page.evaluate(() => localStorage.clear());
    await page.goto("#/");
    await page.reload();
    await page.getByRole("button", { name: "Load sample data" }).click();
    await expect(page.getByRole("region", { name: "Sample data" })).toBeVisible();
    expect(await violations(page), `dashboard with sample data (${colorScheme})`).toEqual([]);
    await page.locator("body").press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    expect(await violations(page), `shortcuts dialog (${colorScheme})`).toEqual([]);
  });
}
