// End-to-end: the app fits a phone and uses a laptop's width (issue 20,
// items 1 to 6). On a 360 x 740 phone the main views are in a bottom tab
// bar with More for the rest, and the first record of every list is on the
// first screen; no view scrolls sideways at 360 or 1280 px, light or dark,
// with long names and long unbroken links; at 1280 px every stage of the
// board is in view; a move confirms with Undo; record pages read first;
// the dashboard leads with headline numbers; the portfolio shows the work
// and keeps the money in a closed Earnings section.
import { expect, fixture, inDays, openWithStored, storedDoc, settled, test } from "./helpers.mjs";

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const LONG_ORG = "Konstantinopoulou-Montgomery Interdisciplinary Research Foundation";
const LONG_LINK = `https://example.org/decks/market-sizing-${"0123456789abcdef".repeat(10)}.pdf`;
const LINKEDIN = `https://www.linkedin.com/in/grace-okafor-${"x".repeat(120)}`;

/** The fixture with long names and links, one rejected application and a skill it asks for that the student lacks. */
async function longDoc() {
  const doc = await fixture();
  const [acme, library] = doc.applications;
  acme.organization = LONG_ORG;
  acme.posting_url = LONG_LINK;
  library.required_skills = ["Data clean-up", "SQL"];
  const rejected = structuredClone(library);
  rejected.meta = { ...library.meta, id: "5b0c6f0e-3b7a-4d51-9a56-2d1f5e6b7c42" };
  rejected.organization = "Quiet Co";
  rejected.history = [...library.history, { stage: "applied", date: inDays(-20) }, { stage: "rejected", date: inDays(-5) }];
  doc.applications.push(rejected);
  doc.entries[0].deliverables[0].link = LONG_LINK;
  doc.entries[0].organization = LONG_ORG;
  doc.contacts[0].url = LINKEDIN;
  return doc;
}

async function scrollWidth(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
}

const VIEWS = ["#/", "#/applications", "#/portfolio", "#/skills", "#/contacts", "#/profile", "#/data", "#/more", "#/portfolio/print", "#/portfolio/share"];

for (const colorScheme of ["light", "dark"]) {
  test(`no view scrolls sideways at 360 or 1280 px with long names and links (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const doc = await longDoc();
    await openWithStored(page, doc, "#/");
    const pages = [...VIEWS, `#/applications/${doc.applications[0].meta.id}`, `#/portfolio/${doc.entries[0].meta.id}`, `#/contacts/${doc.contacts[0].meta.id}`, `#/skills/${doc.skills[0].meta.id}`];
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const hash of pages) {
        await page.goto(hash);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const { scroll, inner } = await scrollWidth(page);
        expect(scroll, `${hash} at ${viewport.width} px: scrollWidth ${scroll}`).toBeLessThanOrEqual(inner);
      }
    }
  });
}

test("on a phone the main views are in a bottom tab bar, and More holds contacts, profile and data", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openWithStored(page, await longDoc(), "#/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Dashboard", "Applications", "Portfolio", "Skills", "More"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  for (const name of ["Contacts", "Profile", "Data"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeHidden();
  }
  // The bar sits at the bottom of the screen and the header is one line.
  const bar = await nav.boundingBox();
  expect(bar.y + bar.height).toBeGreaterThan(PHONE.height - 2);
  expect(bar.height).toBeLessThan(80);
  expect((await page.locator(".app-header").boundingBox()).height).toBeLessThan(64);
  await expect(page.getByLabel("Theme")).toHaveCount(0);

  await nav.getByRole("link", { name: "More", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "More" })).toBeVisible();
  await page.getByRole("link", { name: /^Contacts/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "More", exact: true })).toHaveAttribute("aria-current", "page");

  // The theme lives with the settings, on Data.
  await page.goto("#/more");
  await page.getByRole("link", { name: /^Data/ }).click();
  await page.getByLabel("Theme").selectOption({ label: "Dark" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("the first record of every list is on the first screen of a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openWithStored(page, await longDoc(), "#/");
  const tabBarTop = (await page.getByRole("navigation", { name: "Main" }).boundingBox()).y;
  const lists = [
    ["#/applications", page.locator(".card").first()],
    ["#/portfolio", page.locator(".entry-card").first()],
    ["#/skills", page.getByRole("link", { name: "Excel", exact: true }).first()],
    ["#/contacts", page.getByRole("link", { name: "Grace Okafor" }).first()],
  ];
  for (const [hash, first] of lists) {
    await page.goto(hash);
    await expect(first).toBeVisible();
    const box = await first.boundingBox();
    expect(box.y, `${hash}: the first record's top (${box.y}) above the tab bar (${tabBarTop})`).toBeLessThan(tabBarTop - 24);
  }
  // On a phone the table is a list: organization, role and stage in one card.
  await page.goto("#/applications");
  await page.getByRole("button", { name: "Table" }).click();
  const row = page.getByRole("row").filter({ hasText: "Quiet Co" });
  await expect(row).toContainText("Rejected");
  const { scroll, inner } = await scrollWidth(page);
  expect(scroll).toBeLessThanOrEqual(inner);
});

test("at 1280 px every column of the board is in view, closed ones together, and cards show fee, hours, dates and missing skills", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await openWithStored(page, await longDoc(), "#/applications");
  const columns = ["Saved", "Applied", "Interviewing", "Offered", "Accepted / In progress", "Completed", "Closed"];
  for (const name of columns) {
    const box = await page.getByRole("region", { name: new RegExp(`^${name.replace("/", "\\/")} \\d+$`) }).boundingBox();
    expect(box.x + box.width, `${name}'s right edge`).toBeLessThanOrEqual(DESKTOP.width);
  }
  const closed = page.getByRole("region", { name: "Closed" });
  await expect(closed.getByRole("listitem").filter({ hasText: "Quiet Co" })).toContainText("Rejected");
  const library = page.getByRole("region", { name: "Saved" }).getByRole("listitem").filter({ hasText: "City Library Foundation" });
  // The fixture's inventory has Excel and Market research: SQL and Data clean-up are to build.
  await expect(library).toContainText("Skills to build: Data clean-up, SQL");
  const acme = page.getByRole("region", { name: "Accepted / In progress" }).getByRole("listitem").first();
  await expect(acme).toContainText(/\d+ USD · \d+(\.\d+)? h/);
});

test("a board move is confirmed with Undo, and another date is asked only when wanted", { tag: "@dates" }, async ({ page }) => {
  await openWithStored(page, await longDoc(), "#/applications");
  const move = page.getByRole("button", { name: "Move City Library Foundation — Donor database clean-up…" });
  await move.click();
  await expect(page.getByLabel("Date of the move")).toHaveValue(inDays(0));
  await page.getByRole("button", { name: "Applied", exact: true }).click();
  const toast = page.getByRole("status").filter({ hasText: "Moved City Library Foundation — Donor database clean-up to Applied." });
  await expect(toast).toBeVisible();
  await expect(page.getByRole("region", { name: "Applied" }).getByText("City Library Foundation")).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("region", { name: "Saved" }).getByText("City Library Foundation")).toBeVisible();
  await settled(page);
  const library = (await storedDoc(page)).applications.find((a) => a.organization === "City Library Foundation");
  expect(library.history.map((h) => h.stage)).toEqual(["saved"]);

  // Another date: picked in the list, recorded on the step.
  await move.click();
  await page.getByLabel("Date of the move").fill(inDays(-3));
  await page.getByRole("button", { name: "Applied", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "to Applied on" })).toBeVisible();
  await settled(page);
  const moved = (await storedDoc(page)).applications.find((a) => a.organization === "City Library Foundation");
  expect(moved.history.at(-1)).toEqual({ stage: "applied", date: inDays(-3) });
});

test("an application's page reads first; Edit opens the form, Save and Cancel close it", async ({ page }) => {
  const doc = await longDoc();
  const id = doc.applications[1].meta.id;
  await openWithStored(page, doc, `#/applications/${id}`);
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await expect(page.getByText("Skills asked for")).toBeVisible();
  await expect(page.getByLabel("Organization")).toHaveCount(0);
  await page.getByRole("button", { name: "Edit details" }).click();
  await expect(page.getByLabel("Organization")).toBeFocused();
  await page.getByLabel("Notes").fill("Asked about the data model.");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Organization")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit details" })).toBeFocused();
  await expect(page.getByText("Asked about the data model.")).toHaveCount(0);

  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Notes").fill("Called on Monday.");
  // Save stays in reach: the form's actions are on screen before scrolling to them.
  const save = page.getByRole("button", { name: "Save changes" });
  const box = await save.boundingBox();
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize().height);
  await save.click();
  await expect(page.getByRole("status").filter({ hasText: "Saved City Library Foundation" })).toBeVisible();
  await expect(page.getByText("Called on Monday.")).toBeVisible();
  await expect(page.getByLabel("Organization")).toHaveCount(0);
});

test("the dashboard leads with headline numbers and charts only the months with work", async ({ page }) => {
  const doc = await longDoc();
  await openWithStored(page, doc, "#/");
  const glance = page.getByRole("region", { name: "At a glance" });
  await expect(glance).toContainText("Micro-internships completed");
  await expect(glance).toContainText("Active applications");
  await expect(glance).toContainText("Response rate");
  const hours = page.getByRole("img", { name: /^Hours in the months with work/ });
  if (await hours.count()) {
    await expect(hours).not.toHaveAccessibleName(/: 0 h[.;]/);
  }
});

test("the portfolio shows the work first and keeps the money in a closed Earnings section", async ({ page }) => {
  await openWithStored(page, await longDoc(), "#/portfolio");
  const card = page.locator(".entry-card").filter({ hasText: "Market sizing deck" });
  await expect(card.getByRole("list", { name: "Skills shown" })).toBeVisible();
  await expect(card.getByRole("link", { name: /Market sizing deck|Deck/ }).first()).toBeVisible();
  await expect(card).not.toContainText("/hour");
  await expect(page.getByText("Rate per hour")).toBeHidden();
  await page.getByText("Earnings", { exact: true }).click();
  await expect(page.getByText("Rate per hour")).toBeVisible();
  await expect(page.getByText(/USD\/hour/).first()).toBeVisible();
});
