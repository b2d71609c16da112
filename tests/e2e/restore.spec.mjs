// End-to-end: restoring backups. Back up, clear, restore: everything back.
// Broken files are refused with a clear message and the data untouched.
// Merge keeps the newer version of each record; Undo import restores.
import { expect, fillStorage, fixture, freeStorage, instantIn, openApp, openWithStored, readDocument, readStored, settled, storedDoc, storedParts, test, unpackPart } from "./helpers.mjs";

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

/** The fixture changed by `change`, as file text. */
const changed = (change) => async () => {
  const doc = await fixture();
  change(doc);
  return JSON.stringify(doc);
};

for (const [what, name, text, message] of [
  ["not JSON", "broken.json", '{"format": "microfolio",\n  oops', "It is not valid JSON (line 2, column 3"],
  ["the wrong shape", "shape.json", changed((d) => (d.applications[0].deadline = "next Friday")), "applications[0].deadline"],
  ["from a newer version", "newer.json", '{"format":"microfolio","schema_version":42}', "saved by a newer version of Microfolio (format version 42"],
  // Regression: two applications sharing an id were restored, and the next
  // merge with another tab replaced the second with a copy of the first.
  ["holding two records with one id", "twins.json", changed((d) => (d.applications[1].meta.id = d.applications[0].meta.id)), "applications[1].meta.id: the same id as applications[0]"],
  // Regression: a follow-up in year 262142 was restored, then panicked the
  // calendar export; a rating of 255 showed as "★★★★★ (255 of 5)".
  ["dated in year 262142", "far.json", changed((d) => (d.applications[0].next_follow_up = "+262142-12-31")), "applications[0].next_follow_up is +262142-12-31 (allowed: a date in 1900 to 2200)"],
  ["rated 255 of 5", "rating.json", changed((d) => (d.entries[0].feedback.rating = 255)), "entries[0].feedback.rating"],
]) {
  test(`a file that is ${what} is refused with its reason, and nothing changes`, async ({ page }) => {
    await loadFixture(page);
    await page.goto("#/data");
    await settled(page);
    const stored = await readStored(page);
    const before = await readDocument(page);
    const body = typeof text === "function" ? await text() : text;
    await page.getByLabel("Backup file").setInputFiles(asFile(name, body));
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("alert")).toContainText("Nothing was changed.");
    await expect(page.getByRole("region", { name: "Import preview" })).toHaveCount(0);
    await settled(page);
    expect(await readStored(page)).toBe(stored);
    expect(await readDocument(page)).toEqual(before);
  });
}

// Regression: a file one byte over the cap was refused as "is 10.0 MB;
// files up to 10 MB can be opened".
test("a file over the size cap is refused before it is read, with its exact size and the limit", async ({ page }) => {
  await openApp(page, "#/data");
  // The cap: twice the stored-data limit and 1 MiB (a recovery download's parts are JSON in JSON strings).
  await page.getByLabel("Backup file").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(21 * 1024 * 1024 + 1, 32) });
  await expect(page.getByRole("alert")).toContainText(
    "“huge.json” is 21.0 MiB (22,020,097 bytes), 1 byte over the limit of 21.0 MiB (22,020,096 bytes), so it cannot be opened. Nothing was changed.",
  );
});

// Regression: the recovery screen's download of the stored data could not
// be restored (Restore knew no such file). Here it is made as the recovery
// screen makes it (the head, and each part's text unpacked) and restored
// in a browser with nothing stored.
test("the recovery download of stored data restores everything in an empty browser", async ({ page, newContext }) => {
  await loadFixture(page);
  await page.goto("#/profile");
  await page.getByLabel("Headline").fill("Economics student");
  await settled(page);
  const before = await readDocument(page);
  const { head, parts } = await storedParts(page);
  const recovery = JSON.stringify({
    head,
    parts: JSON.parse(head).parts.map((p) => ({ key: p.key, text: unpackPart(parts[p.key]) })),
  });
  const other = await (await newContext()).newPage();
  await openApp(other, "#/data");
  await other.getByLabel("Backup file").setInputFiles(asFile("microfolio-stored-data.json", recovery));
  const preview = other.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText("applications: 2 in the file — 2 new");
  await other.getByLabel("Replace: your data here becomes the file's").check();
  await preview.getByRole("button", { name: "Import" }).click();
  await settled(other);
  expect(content(await readDocument(other))).toEqual(content(before));
});

/** A backup of `n` applications of about 700 bytes each, ids from `seed`. */
async function bigBackup(n, seed) {
  const doc = await fixture();
  const base = doc.applications[1];
  doc.applications = Array.from({ length: n }, (_, i) => ({
    ...structuredClone(base),
    meta: { ...base.meta, id: `${seed}0000000-0000-4000-8000-${String(i).padStart(12, "0")}` },
    organization: `Organization ${seed}${i}`,
    notes: "Asked about the scope, the deadline and the data; follow up next week. ".repeat(8),
  }));
  doc.entries = [];
  return JSON.stringify(doc);
}

// Regression: saving had no size limit but start-up reads back at most
// 10 MiB, so merging a second large backup into a first ("5200 records
// added") locked the student out at the next start. An import whose result
// could not be stored and read back is refused, saying by how much.
test("an import whose result would be too large to read back is refused, and nothing changes", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, "#/data");
  const first = await bigBackup(9000, "a");
  expect(first.length).toBeGreaterThan(6_000_000);
  expect(first.length).toBeLessThan(10 * 1024 * 1024);
  await page.getByLabel("Backup file").setInputFiles(asFile("first.json", first));
  const preview = page.getByRole("region", { name: "Import preview" });
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/^Merged “first.json”: \d+ records added/)).toBeVisible({ timeout: 30_000 });
  await settled(page);
  const before = await readDocument(page);

  await page.getByLabel("Backup file").setInputFiles(asFile("second.json", await bigBackup(9000, "b")));
  await preview.getByRole("button", { name: "Import" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Merging “second.json” cannot be done" });
  await expect(refusal).toContainText(/Your data is 1\d\.\d MiB \([\d,]+ bytes\), [\d.]+ MiB \([\d,]+ bytes\) over the limit of 10\.0 MiB/, { timeout: 30_000 });
  await expect(refusal).toContainText("Nothing was changed.");
  await settled(page);
  expect(await readDocument(page)).toEqual(before);
  // And the data still opens.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  expect((await readDocument(page)).applications).toHaveLength(9000);
});

// Regression: when storage had no room for the copy kept for Undo, an
// older copy stayed in storage, and after a reload "Undo import" brought
// back the data from before an earlier import (3 applications, not 123).
test("when the copy for Undo cannot be kept, the student is told, and an older copy never passes for it", async ({ page }) => {
  await loadFixture(page);
  await page.goto("#/data");
  // A first import keeps a copy of the data before it.
  const extra = await fixture();
  extra.applications.push({ ...extra.applications[1], meta: { ...extra.applications[1].meta, id: "c0c0c0c0-0000-4000-8000-000000000009" }, organization: "First Import Org" });
  await page.getByLabel("Backup file").setInputFiles(asFile("first.json", JSON.stringify(extra)));
  await page.getByRole("region", { name: "Import preview" }).getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/^Merged “first.json”: 1 record added/)).toBeVisible();
  await settled(page);
  // The student keeps working, then the origin's storage fills up.
  await page.goto("#/applications/new");
  await page.getByLabel("Organization").fill("Kept Working Org");
  await page.getByLabel("Role or project title").fill("Research");
  await page.getByRole("button", { name: "Add application" }).click();
  await settled(page);
  await page.goto("#/data");
  await fillStorage(page);
  const small = await fixture();
  await page.getByLabel("Backup file").setInputFiles(asFile("small.json", JSON.stringify(small)));
  await page.getByLabel("Replace: your data here becomes the file's").check();
  await page.getByRole("region", { name: "Import preview" }).getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replaced your data with “small.json”." })).toContainText(
    "the copy of your data from before the import is kept only while this view is open",
  );
  await freeStorage(page);
  // After a reload there is no copy from before this import: no Undo, and
  // certainly not the copy from before the first import.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo import" })).toHaveCount(0);
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
  await page.getByRole("button", { name: "Edit details" }).click();
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
