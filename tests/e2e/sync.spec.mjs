// End-to-end: a synced copy in a file, between two browsers (two contexts)
// that share one file. The page's showSaveFilePicker / showOpenFilePicker,
// the one source of synced files, are replaced by a handle backed by a
// file held here, in the test (both contexts reach it). Edits on each side
// reach the other; the same record changed on both is shown as a
// conflict; a deleted or damaged file and a refused permission give their
// messages with both sides' data intact.
import { expect, fixture, instantIn, openWithStored, readDocument, storedParts, test } from "./helpers.mjs";

/** A file both contexts share: its text (null: deleted) and whether access is granted. */
function sharedFile() {
  return { text: null, permission: "granted", writes: 0 };
}

/** Puts the stand-in pickers into every page of `context`, backed by `file`. */
async function shareFile(context, file) {
  await context.exposeBinding("__syncFile", (_source, op, text) => {
    if (op === "write") {
      file.text = text;
      file.writes += 1;
    }
    return { text: file.text, permission: file.permission };
  });
  await context.addInitScript(() => {
    const state = async () => window.__syncFile("read");
    const handle = {
      name: "microfolio-synced.json",
      async getFile() {
        const { text, permission } = await state();
        if (permission !== "granted") throw new DOMException("no permission", "NotAllowedError");
        if (text === null) throw new DOMException("gone", "NotFoundError");
        return new File([text], "microfolio-synced.json", { type: "application/json" });
      },
      async createWritable() {
        const { permission } = await state();
        if (permission !== "granted") throw new DOMException("no permission", "NotAllowedError");
        let buffer = "";
        return {
          async write(text) { buffer += text; },
          async close() { await window.__syncFile("write", buffer); },
        };
      },
      async queryPermission() { return (await state()).permission; },
      async requestPermission() { return (await state()).permission; },
    };
    window.showSaveFilePicker = async () => handle;
    window.showOpenFilePicker = async () => [handle];
  });
}

/** Lets the debounced write run (Playwright's clock drives the app's timers). */
async function letSyncRun(page) {
  await page.clock.runFor(1_500);
}

/** Editing the profile's headline, saved as typed. */
async function setHeadline(page, text) {
  await page.goto("#/profile");
  await page.getByLabel("Headline").fill(text);
}

test("edits on each side reach the other through the shared file; a conflict is shown", async ({ page, newContext }) => {
  const file = sharedFile();
  await shareFile(page.context(), file);
  const doc = await fixture();
  await openWithStored(page, doc, "#/data");
  await page.getByRole("button", { name: "Create a synced file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kept in step with “microfolio-synced.json”" })).toBeVisible();
  expect(JSON.parse(file.text).applications).toHaveLength(doc.applications.length);

  // The other device opens the synced copy: a preview, then a merge.
  const other = await newContext();
  await shareFile(other, file);
  const there = await other.newPage();
  await there.goto("#/data");
  await there.getByRole("button", { name: "Open a synced copy" }).click();
  const preview = there.getByRole("region", { name: "Synced copy preview" });
  await expect(preview).toContainText(`applications: ${doc.applications.length} in the file — ${doc.applications.length} new`);
  await preview.getByRole("button", { name: "Merge and keep in step" }).click();
  await expect(there.getByRole("status").filter({ hasText: "Merged:" })).toBeVisible();
  await expect.poll(async () => (await readDocument(there))?.applications.length).toBe(doc.applications.length);

  // An edit there reaches the file, then this side when it regains focus.
  await setHeadline(there, "Edited on the laptop");
  await letSyncRun(there);
  await expect.poll(() => JSON.parse(file.text).profile.headline).toBe("Edited on the laptop");
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await letSyncRun(page);
  await expect.poll(async () => (await readDocument(page)).profile.headline).toBe("Edited on the laptop");

  // The same record changed on both sides before either synced: the
  // other device's change is in the file (a day later), this one's not yet.
  const elsewhere = JSON.parse(file.text);
  elsewhere.profile.headline = "Changed elsewhere, later";
  elsewhere.profile.meta.updated = instantIn(1);
  file.text = JSON.stringify(elsewhere);
  await setHeadline(page, "Changed here");
  await letSyncRun(page);
  await expect(page.getByText("Profile “Your profile”: changed in two places; the later change was kept.")).toBeVisible();
  await expect.poll(async () => (await readDocument(page)).profile.headline).toBe("Changed elsewhere, later");
  await expect.poll(() => JSON.parse(file.text).profile.headline).toBe("Changed elsewhere, later");
  // The other device takes the merge in at its next look.
  await there.evaluate(() => window.dispatchEvent(new Event("focus")));
  await letSyncRun(there);
  await expect.poll(async () => (await readDocument(there)).profile.headline).toBe("Changed elsewhere, later");
});

test("a deleted or damaged file and a refused permission give their messages, both sides' data intact", async ({ page }) => {
  const file = sharedFile();
  await shareFile(page.context(), file);
  await openWithStored(page, await fixture(), "#/data");
  await page.getByRole("button", { name: "Create a synced file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kept in step" })).toBeVisible();
  const before = await storedParts(page);
  const good = file.text;

  file.text = "{ this is not a backup";
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await letSyncRun(page);
  await expect(page.getByRole("alert")).toContainText("cannot be used as the synced copy");
  expect(file.text).toBe("{ this is not a backup");

  file.text = null;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toContainText("The synced file is gone");

  file.text = good;
  file.permission = "denied";
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toContainText("no permission to use the synced file");
  expect(file.text).toBe(good);
  expect(await storedParts(page)).toEqual(before);
});
