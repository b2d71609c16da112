// End-to-end: leaving a half-filled form loses nothing (issue 19, item 4).
// What was typed is kept as a draft while the app is open, comes back with
// a notice when the student returns (by a link or Back), and can be
// discarded; Cancel discards it; closing or reloading the tab with a draft
// asks first.
import { expect, fixture, openApp, openWithStored, test } from "./helpers.mjs";

const nav = (page, name) => page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
const notice = (page) => page.getByText("Your unsaved changes from before are back.");

test("leaving a half-filled new contact by the navigation keeps it, and it comes back with a notice", async ({ page }) => {
  await openApp(page, "#/contacts/new");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Organization").fill("Analytical Engines Ltd");
  await nav(page, "Applications");
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();

  await nav(page, "Contacts");
  await page.getByRole("link", { name: "Add contact", exact: true }).click();
  await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Organization")).toHaveValue("Analytical Engines Ltd");
  await expect(notice(page)).toBeVisible();

  // Saving it ends the draft: the next new contact starts empty.
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await openApp(page, "#/contacts/new");
  await expect(page.getByLabel("Name")).toHaveValue("");
  await expect(notice(page)).toHaveCount(0);
});

test("an edit left by the browser's Back button comes back on Forward, and Discard changes shows what is stored", async ({ page }) => {
  const doc = await fixture();
  const app = doc.applications[0];
  await openWithStored(page, doc, `#/applications/${app.meta.id}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  const notes = page.getByLabel("Notes");
  await notes.fill("Call back on Monday");
  await page.goBack();
  await expect(page.getByLabel("Notes")).toHaveCount(0);
  await page.goForward();
  // A kept draft opens the page in its editor, the typed text in view.
  await expect(page.getByLabel("Notes")).toHaveValue("Call back on Monday");
  await expect(notice(page)).toBeVisible();

  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByLabel("Notes")).toHaveValue(app.notes);
  await expect(notice(page)).toHaveCount(0);
});

test("Cancel on a half-filled form discards it", async ({ page }) => {
  await openApp(page, "#/skills/new");
  await page.getByLabel("Name").fill("Negotiation");
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skills" })).toBeVisible();
  await openApp(page, "#/skills/new");
  await expect(page.getByLabel("Name")).toHaveValue("");
  await expect(notice(page)).toHaveCount(0);
});

test("reloading the tab with unsaved typing asks first; with nothing typed it does not", async ({ page }) => {
  const asked = [];
  page.on("dialog", (d) => {
    asked.push(d.type());
    d.accept();
  });
  await openApp(page, "#/portfolio/new");
  await page.reload();
  expect(asked).toEqual([]);

  await page.getByLabel("Title", { exact: true }).fill("Market sizing deck");
  await page.reload();
  expect(asked).toEqual(["beforeunload"]);

  // Saved, nothing is left to ask about.
  await page.getByLabel("Title", { exact: true }).fill("Market sizing deck");
  await page.getByLabel("Organization", { exact: true }).fill("Acme Analytics");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Market sizing deck" })).toBeVisible();
  await page.reload();
  expect(asked).toEqual(["beforeunload"]);
});
