// End-to-end: restoring backups. Back up, clear, restore: everything back.
// Broken files are refused with a clear message and the data untouched.
// Merge keeps the newer version of each record; Undo import restores.
import { expect, fixture, instantIn, openApp, openWithStored, readDocument, readStored, settled, storedDoc, test } from "./helpers.mjs";

const asFile = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

async function loadFixture(page) {
  await openWithStored(page, await fixture());
}

/** The document without the bookkeeping that saving itself changes. */
const content = (d) => {
  const c = structuredClone(d);
  delete c.revision;
  delete c.updated;
  delete c.settings.last_backup;
  return c;
};

test("back up, clear storage, restore: everything is back", { tag: "@dates" }, async ({ page }) => {
  await loadFixture(page);
  await page.goto("#/data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const backupPath = await (await download).path();
  const before = await storedDoc(page);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await page.getByLabel("Backup file").setInputFiles(backupPath);
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("applications: 2 in the file — 2 new, 0 the same, 0 different");
  await page.getByLabel("Replace: your data here becomes the file's").check();
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/^Replaced your data with/)).toBeVisible();
  await page.reload();
  expect(content(await storedDoc(page))).toEqual(content(before));
  await page.goto("#/portfolio");
  await expect(page.getByRole("link", { name: "Market sizing deck for a fintech start-up" })).toBeVisible();
});

for (const [what, name, text, message] of [
  ["not JSON", "broken.json", '{"format": "microfolio",\n  oops', "It is not valid JSON (line 2, column 3"],
  ["the wrong shape", "shape.json", null, "applications[0].deadline"],
  ["from a newer version", "newer.json", '{"format":"microfolio","schema_version":42}', "saved by a newer version of Microfolio (format version 42"],
]) {
  test(`a file that is ${what} is refused with its reason, and nothing changes`, async ({ page }) => {
    await loadFixture(page);
    await page.goto("#/data");
    await settled(page);
    const stored = await readStored(page);
    const before = await readDocument(page);
    let body = text;
    if (body === null) {
      const doc = await fixture();
      doc.applications[0].deadline = "next Friday";
      body = JSON.stringify(doc);
    }
    await page.getByLabel("Backup file").setInputFiles(asFile(name, body));
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("alert")).toContainText("Nothing was changed.");
    await expect(page.getByRole("region", { name: "Import preview" })).toHaveCount(0);
    await settled(page);
    expect(await readStored(page)).toBe(stored);
    expect(await readDocument(page)).toEqual(before);
  });
}

test("a file over the size cap is refused before it is read", async ({ page }) => {
  await openApp(page, "#/data");
  await page.getByLabel("Backup file").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(11 * 1024 * 1024, 32) });
  await expect(page.getByRole("alert")).toContainText("files up to 10 MB can be opened. Nothing was changed.");
});

test("merge keeps the newer version of each record, and Undo import restores the data exactly", { tag: "@dates" }, async ({ page }) => {
  await loadFixture(page);
  // Here: edit Acme now (newer than the file). File: a newer City Library and a new application.
  const file = await fixture();
  file.applications[1].notes = "Changed in the backup";
  file.applications[1].meta.updated = instantIn(1);
  file.applications[0].notes = "Old note from the backup";
  file.applications.push({ ...file.applications[1], meta: { ...file.applications[1].meta, id: "c0c0c0c0-0000-4000-8000-000000000001" }, organization: "New Org" });
  await page.goto("#/applications/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  await page.getByLabel("Notes").fill("Edited here today");
  await page.getByRole("button", { name: "Save changes" }).click();
  await settled(page);
  const before = await storedDoc(page);

  await page.goto("#/data");
  await page.getByLabel("Backup file").setInputFiles(asFile("backup.json", JSON.stringify(file)));
  const preview = page.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("applications: 3 in the file — 1 new, 0 the same, 2 different");
  await preview.getByRole("button", { name: "Import" }).click();
  const report = page.getByRole("status").filter({ hasText: "Merged" });
  await expect(report).toContainText("1 record added");
  await expect(report).toContainText("taken from it: City Library Foundation — Donor database clean-up");
  await expect(report).toContainText("kept: Acme Analytics — Market sizing research (micro-internship)");
  const merged = await storedDoc(page);
  expect(merged.applications.map((a) => a.notes)).toEqual(["Edited here today", "Changed in the backup", "Changed in the backup"]);

  // Undo, even after a reload.
  await page.reload();
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByText("Import undone")).toBeVisible();
  expect(content(await storedDoc(page))).toEqual(content(before));
  await expect(page.getByRole("button", { name: "Undo import" })).toHaveCount(0);
});
