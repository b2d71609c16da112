// End-to-end: nothing lost. Two tabs editing different records both keep
// their changes; a conflict on one record is told; an edit made just
// before the tab closes is saved; newer data from another tab makes this
// tab read-only; a full quota shows a banner and keeps the data.
import { expect, fillStorage, fixture, freeStorage, inDays, instantIn, longDate, openApp, openWithStored, readStored, settled, sinceNow, storageKey, storedDoc, test } from "./helpers.mjs";

async function addApplication(page, org, role) {
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill(org);
  await page.getByLabel("Role or project title").fill(role);
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${org} — ${role}` })).toBeVisible();
}

test("two tabs editing different records both keep their changes", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a, "#/profile");
  await openApp(b, "#/profile");
  // B types into its profile while A adds an application: B's pending
  // change must merge with A's save, not overwrite it.
  await b.getByLabel("Name", { exact: true }).fill("Ada Student");
  await addApplication(a, "Acme", "Research");
  await settled(a);
  await b.getByLabel("School").fill("State University");
  await settled(b);
  for (const page of [a, b]) {
    await page.reload();
    const doc = await storedDoc(page);
    expect(doc.applications.map((x) => x.organization)).toEqual(["Acme"]);
    expect(doc.profile).toMatchObject({ name: "Ada Student", school: "State University" });
  }
  await a.goto("#/applications");
  await expect(a.getByRole("link", { name: /Acme/ })).toBeVisible();
});

// Regression: two tabs on the Profile overwrote each other silently (5 of
// 5 tries): a name changed in A went back to the old value once B typed
// its School, and neither tab said anything.
test("two tabs on the Profile keep each other's fields: a name saved in one survives typing in the other", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a, "#/profile");
  await a.getByLabel("Name", { exact: true }).fill("Ada");
  await settled(a);
  await openApp(b, "#/profile");
  await expect(b.getByLabel("Name", { exact: true })).toHaveValue("Ada");
  await a.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await settled(a);
  // B shows A's new name, and typing School there keeps it.
  await expect(b.getByLabel("Name", { exact: true })).toHaveValue("Ada Lovelace");
  await b.getByLabel("School").fill("State University");
  await settled(b);
  expect((await storedDoc(b)).profile).toMatchObject({ name: "Ada Lovelace", school: "State University" });
  await a.reload();
  await expect(a.getByLabel("Name", { exact: true })).toHaveValue("Ada Lovelace");
  await expect(a.getByLabel("School")).toHaveValue("State University");
});

// Regression (with the Profile one): the pay floor saved in one tab was
// overwritten by an older form in another with no word.
test("a pay floor changed in another tab is not overwritten silently", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openWithStored(a, await fixture(), "#/portfolio");
  await openApp(b, "#/portfolio");
  // The money is in the Earnings section, closed until opened (issue 20).
  await expect(a.getByLabel("Pay floor per hour")).toBeHidden();
  await a.getByText("Earnings", { exact: true }).click();
  await b.getByText("Earnings", { exact: true }).click();
  await a.getByLabel("Pay floor per hour").fill("25");
  await a.getByRole("button", { name: "Save floor" }).click();
  await settled(a);
  await b.getByLabel("Currency").fill("EUR");
  await b.getByRole("button", { name: "Save floor" }).click();
  await expect(b.getByRole("status").filter({ hasText: "Changed in another tab to 25 USD an hour." })).toBeVisible();
  expect((await storedDoc(b)).settings.pay_floor).toEqual({ cents: 2500, currency: "USD" });
  // Saving again is the explicit choice.
  await b.getByRole("button", { name: "Save floor" }).click();
  await settled(b);
  expect((await storedDoc(b)).settings.pay_floor).toEqual({ cents: 2000, currency: "EUR" });
});

test("a record changed in another tab is not overwritten silently", async ({ context }) => {
  const a = await context.newPage();
  await addApplication(a, "Acme", "Research");
  await settled(a);
  const url = a.url();
  const b = await context.newPage();
  await b.goto(url);
  await expect(b.getByRole("heading", { level: 1, name: "Acme — Research" })).toBeVisible();
  // B opens its editor before A saves.
  await b.getByRole("button", { name: "Edit details" }).click();

  await a.getByRole("button", { name: "Edit details" }).click();
  await a.getByLabel("Notes").fill("Changed in tab A");
  await a.getByRole("button", { name: "Save changes" }).click();
  await settled(a);

  await b.getByLabel("Location").fill("Chicago");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("alert").filter({ hasText: "Changed in another tab" })).toBeVisible();
  expect((await storedDoc(b)).applications[0].notes).toBe("Changed in tab A");
  // Saving again is the explicit choice to keep B's version.
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("status").filter({ hasText: "Saved Acme — Research." })).toBeVisible();
  await settled(b);
  expect((await storedDoc(b)).applications[0].location).toBe("Chicago");
});

test("an edit made just before the tab closes is there on reopen", async ({ context }) => {
  const page = await context.newPage();
  await openApp(page, "#/profile");
  await page.getByLabel("Name", { exact: true }).fill("Closing Fast");
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await openApp(again, "#/profile");
  await expect(again.getByLabel("Name", { exact: true })).toHaveValue("Closing Fast");
});

test("newer data from another tab makes this tab read-only, and it never overwrites it", async ({ context }) => {
  const a = await context.newPage();
  await openApp(a, "#/profile");
  await a.getByLabel("Name", { exact: true }).fill("Ada");
  await settled(a);
  const b = await context.newPage();
  await openApp(b);
  const newer = '{"format":"microfolio","schema_version":99,"everything":"new"}';
  await b.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), newer]);

  await expect(a.getByRole("alert").filter({ hasText: "Read-only." })).toBeVisible();
  await a.getByLabel("Name", { exact: true }).fill("Ada Overwriter");
  await a.waitForTimeout(600);
  expect(await readStored(a)).toBe(newer);
});

test("a full storage quota shows a banner, keeps the data and resumes saving", async ({ page }) => {
  await openApp(page, "#/profile");
  await page.getByLabel("Name", { exact: true }).fill("Ada");
  await settled(page);
  // Fill the origin's storage with other keys, to the last character.
  const filled = await fillStorage(page);
  expect(filled).toBeGreaterThan(0);
  await page.getByLabel("Learning objectives").fill("y".repeat(4000));
  const banner = page.getByRole("alert").filter({ hasText: "Not saved." });
  await expect(banner).toContainText("The browser's storage for this site is full.");
  // The data is still here, and a backup can be downloaded.
  await expect(page.getByLabel("Learning objectives")).toHaveValue("y".repeat(4000));
  const download = page.waitForEvent("download");
  await banner.getByRole("button", { name: "Download a backup" }).click();
  const { readFile } = await import("node:fs/promises");
  const backup = JSON.parse(await readFile(await (await download).path(), "utf8"));
  expect(backup.profile.learning_objectives).toHaveLength(4000);
  expect((await storedDoc(page)).profile.learning_objectives).toBe("");
  // Free the space; saving resumes.
  await freeStorage(page);
  await banner.getByRole("button", { name: "Try again" }).click();
  await expect(banner).toBeHidden();
  expect((await storedDoc(page)).profile.learning_objectives).toHaveLength(4000);
});

test("a backup reminder appears when data changed and the last backup is old, and a backup clears it", { tag: "@dates" }, async ({ page }) => {
  const doc = await fixture();
  doc.created = instantIn(-60);
  doc.settings.last_backup = instantIn(-20);
  doc.updated = instantIn(-1);
  await openWithStored(page, doc);
  const reminder = page.getByRole("region", { name: "Backup reminder" });
  await expect(reminder).toContainText("Time for a backup.");
  const download = page.waitForEvent("download");
  await reminder.getByRole("button", { name: "Download a backup" }).click();
  expect((await download).suggestedFilename()).toMatch(/^microfolio-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(reminder).toBeHidden();
  const saved = await storedDoc(page);
  expect(sinceNow(saved.settings.last_backup)).toBeGreaterThanOrEqual(0);
  expect(sinceNow(saved.settings.last_backup)).toBeLessThan(60_000);
  await page.reload();
  await expect(page.getByRole("region", { name: "Backup reminder" })).toBeHidden();
});

// Regression: the reminder showed on the Data view too, a second
// "Download a backup" beside the view's own (and the restore test, which
// found two buttons, failed once the calendar moved past the fixture's
// last backup).
test("the Data view shows no second reminder: its Back up section says a backup is due", { tag: "@dates" }, async ({ page }) => {
  const doc = await fixture();
  doc.settings.last_backup = instantIn(-15);
  doc.updated = instantIn(-1);
  await openWithStored(page, doc, "#/data");
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Backup reminder" })).toHaveCount(0);
  const section = page.getByRole("region", { name: "Back up" });
  await expect(section).toContainText(`Last backup: ${longDate(inDays(-15))}.`);
  await expect(section).toContainText("Time for a backup: your data changed and your last backup is more than two weeks old.");
  await expect(page.getByRole("button", { name: "Download a backup" })).toHaveCount(1);
  // The other views still remind.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Backup reminder" })).toBeVisible();
  // Thirteen days is not yet due.
  doc.settings.last_backup = instantIn(-13);
  await openWithStored(page, doc, "#/data");
  await expect(page.getByRole("region", { name: "Back up" })).not.toContainText("Time for a backup");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Backup reminder" })).toHaveCount(0);
});

test("the Data view says whether the browser keeps the data", async ({ page }) => {
  await openApp(page, "#/data");
  const kept = page.getByRole("status").filter({ hasText: /^(Persistent|Best effort|Unknown)/ });
  await expect(kept).toBeVisible();
  await expect(page.getByText("No backup downloaded yet.")).toBeVisible();
});
