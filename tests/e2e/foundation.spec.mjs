// End-to-end: the app shell, navigation and deep links under a sub-path,
// the profile going through every layer, the recovery notice for corrupt
// storage, backup download, and no request to any other origin.
import { ORIGIN, SUBPATH, expect, fixture, openApp, openWithStored, packPart, readStored, settled, sinceNow, storageKey, storedDoc, storedParts, test, unpackPart, watch } from "./helpers.mjs";
import { readFile } from "node:fs/promises";

const VIEWS = ["Dashboard", "Applications", "Portfolio", "Skills", "Contacts", "Profile", "Data"];

test("every nav link opens its view, with a bookmarkable URL, and nothing leaves the origin", async ({ page }) => {
  const requests = watch(page);
  await openApp(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const view of VIEWS) {
    await nav.getByRole("link", { name: view, exact: true }).click();
    await expect(nav.getByRole("link", { name: view, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveTitle(`${view} · Microfolio`);
    expect(new URL(page.url()).pathname).toBe(SUBPATH);
    // The URL alone brings the view back.
    await page.reload();
    await expect(page).toHaveTitle(`${view} · Microfolio`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(requests.length).toBeGreaterThan(3);
  for (const url of requests) expect(new URL(url).origin).toBe(ORIGIN);
});

test("a deep link opens its view directly, and an unknown one says so", async ({ page }) => {
  await openApp(page, "#/skills");
  await expect(page.getByRole("heading", { level: 1, name: "Skills" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No skills recorded yet" })).toBeVisible();
  await openApp(page, "#/no-such-view");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome to Microfolio" })).toBeVisible();
});

test("the same build works at the root path, with its own storage", async ({ page }) => {
  await page.goto(ORIGIN + "/#/data");
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await expect(page.getByText(storageKey("/"))).toBeVisible();
});

test("the profile is saved as you type and restored on reload", async ({ page }) => {
  await openApp(page, "#/profile");
  await settled(page);
  expect(await readStored(page)).toBeNull();
  await page.getByLabel("Name", { exact: true }).fill("Ada Student");
  await page.getByLabel("School").fill("State University");
  await page.getByLabel("Graduation (month)").fill("2027-05");
  await page.getByLabel("E-mail").fill("ada@state.edu");
  await page.getByLabel("LinkedIn").fill("https://www.linkedin.com/in/ada");
  await page.getByLabel("Learning objectives").fill("SQL\nPresenting findings to a client");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Student");
  await expect(page.getByLabel("School")).toHaveValue("State University");
  await expect(page.getByLabel("Graduation (month)")).toHaveValue("2027-05");
  await expect(page.getByLabel("LinkedIn")).toHaveValue("https://www.linkedin.com/in/ada");
  await expect(page.getByLabel("Learning objectives")).toHaveValue("SQL\nPresenting findings to a client");
  const stored = (await storedDoc(page));
  expect(stored).toMatchObject({ format: "microfolio", schema_version: 4 });
  expect(stored.profile.name).toBe("Ada Student");
  expect(stored.profile.meta.id).toMatch(/^[0-9a-f-]{36}$/);

  // The dashboard greets the student by name.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome back, Ada Student" })).toBeVisible();
});

// Regression: a field still focused when its page closed got its change
// event (on blur) after the page's callbacks were disposed, and the app
// panicked ("Tried to access a reactive value that has already been
// disposed", then `RuntimeError: unreachable`). The shared test fixture
// fails on that; here by a link (by Back: the test after it).
test("leaving a page by a link with a field still focused throws nothing", async ({ page }) => {
  await openApp(page, "#/profile");
  await page.getByLabel("Name", { exact: true }).fill("Ada Student");
  await page.getByLabel("School").fill("State University");
  await page.getByRole("link", { name: "Data", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  expect((await storedDoc(page)).profile).toMatchObject({ name: "Ada Student", school: "State University" });
});

// Regression (issue 19, A): "linkedin.com/in/ada" disappeared after leaving
// the Profile, with no message, under "Changes are saved automatically as
// you type" and a "Check and save" button. One save model, said once; a
// bare domain is kept as https://…; text that cannot be kept stays in its
// field with its error, also after leaving the page and coming back.
test("a Profile link typed without https:// is kept with it, and one that cannot be kept stays in its field after leaving the page", async ({ page }) => {
  await openApp(page, "#/");
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByText("Saved as you type.")).toHaveCount(1);
  await expect(page.getByText(/saved automatically/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /save/i })).toHaveCount(0);
  const linkedin = page.getByLabel("LinkedIn");
  await linkedin.fill("linkedin.com/in/ada");
  await linkedin.press("Tab");
  await expect(linkedin).toHaveValue("https://linkedin.com/in/ada");
  await expect(linkedin).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();
  expect((await storedDoc(page)).profile.linkedin_url).toBe("https://linkedin.com/in/ada");

  const github = page.getByLabel("GitHub");
  await github.fill("github/ada");
  await github.press("Tab");
  await expect(github).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a full link starting with https://").first()).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Ada");
  await settled(page);
  await expect(page.getByRole("status").filter({ hasText: "Not saved: fix the field marked below." })).toBeVisible();

  // Away and back: the typed text is still there, with its error.
  await page.getByRole("link", { name: "Data", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(github).toHaveValue("github/ada");
  await expect(github).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "Not saved: fix the field marked below." })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada");
  expect((await storedDoc(page)).profile).toMatchObject({ name: "Ada", github_url: null, linkedin_url: "https://linkedin.com/in/ada" });

  // Fixed, it is saved and the warning goes.
  await github.fill("github.com/ada");
  await github.press("Tab");
  await expect(github).toHaveValue("https://github.com/ada");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();
  await page.getByRole("link", { name: "Data", exact: true }).click();
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await expect(github).toHaveValue("https://github.com/ada");
  await expect(github).not.toHaveAttribute("aria-invalid", "true");
});

// Regression (issue 19, B): filling the Profile's name, waiting half a
// second and pressing Back panicked ("Tried to access a reactive value that
// has already been disposed", traits.rs:732, then `RuntimeError:
// unreachable`): the focused field's `change` ran the page's disposed
// callback. The fixture fails on any console error or page exception.
test("pressing Back half a second after typing on the Profile throws nothing", async ({ page }) => {
  await openApp(page, "#/");
  await page.getByRole("link", { name: "Profile", exact: true }).click();
  await page.getByLabel("Name", { exact: true }).fill("Ada Student");
  await page.waitForTimeout(500);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  // Again with a link that is rewritten when its field is left, and one
  // that cannot be kept.
  await page.goForward();
  await page.getByLabel("LinkedIn").fill("linkedin.com/in/ada");
  await page.waitForTimeout(500);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  await page.goForward();
  await expect(page.getByLabel("LinkedIn")).toHaveValue("https://linkedin.com/in/ada");
  await page.getByLabel("GitHub").fill("github/ada");
  await page.waitForTimeout(500);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  await page.waitForTimeout(300);
  expect((await storedDoc(page)).profile).toMatchObject({ name: "Ada Student", linkedin_url: "https://linkedin.com/in/ada", github_url: null });
});

test("an invalid link gets a field error and is never stored", async ({ page }) => {
  await openApp(page, "#/profile");
  await page.getByLabel("Name", { exact: true }).fill("Ada");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();
  const github = page.getByLabel("GitHub");
  await github.fill("javascript:alert(1)");
  await github.press("Tab");
  await expect(github).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Only https:// and http:// links are allowed.").first()).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("GitHub");
  await expect(page.getByRole("status").filter({ hasText: "Not saved: fix the field marked below." })).toBeVisible();
  // A name typed while the link is invalid is saved; the link is not.
  await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
  await settled(page);
  expect((await storedDoc(page)).profile.name).toBe("Ada Lovelace");
  expect(JSON.stringify(await storedDoc(page))).not.toContain("javascript");
  await expect(page.getByRole("status").filter({ hasText: "Not saved: fix the field marked below. Everything else is saved." })).toBeVisible();
  // The error summary takes the keyboard to the field.
  await page.getByRole("alert").getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(github).toBeFocused();
  // Fixing it saves everything.
  await github.fill("https://github.com/ada");
  await expect(github).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();
  expect((await storedDoc(page)).profile).toMatchObject({
    name: "Ada Lovelace",
    github_url: "https://github.com/ada",
  });
});

for (const [name, corrupt, message] of [
  ["not JSON", '{"format":"microfolio","schema_version":1,"profile":{"na', "It is not valid JSON (line 1, column"],
  ["a newer version", '{"format":"microfolio","schema_version":999,"profile":{}}', "It was saved by a newer version of Microfolio (format version 999"],
  ["the wrong shape", '{"format":"microfolio","schema_version":1,"profile":[]}', "Part of it has the wrong shape: profile"],
]) {
  test(`stored data that is ${name} gets the recovery notice and stays byte-for-byte`, async ({ page }) => {
    await openApp(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), corrupt]);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Your saved data could not be read" })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    // The raw text is offered as a download, exactly as stored.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /Download the stored data/ }).click();
    expect(await readFile(await (await download).path(), "utf8")).toBe(corrupt);
    // Reloading, cancelling: still untouched.
    await page.reload();
    await page.getByRole("button", { name: "Start fresh…" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await settled(page);
  expect(await readStored(page)).toBe(corrupt);
  });
}

// Regression: stored parts carried no checksum, so a character changed
// inside a part (still valid JSON, same length) was read as data.
test("a stored part changed since it was written gets the recovery notice and stays byte-for-byte", async ({ page }) => {
  await openWithStored(page, await fixture(), "#/profile");
  await page.getByLabel("Headline").fill("Economics student");
  await settled(page);
  const { head, parts } = await storedParts(page);
  const part = JSON.parse(head).parts.find((p) => p.kind === "applications");
  const json = unpackPart(parts[part.key]);
  const changed = json.replace("Acme Analytics", "Acme Analytica");
  expect(changed).not.toBe(json);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [part.key, packPart(changed)]);
  const before = await storedParts(page);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your saved data could not be read" })).toBeVisible();
  await expect(page.getByText("its checksum does not match")).toBeVisible();
  await page.waitForTimeout(500);
  expect(await storedParts(page)).toEqual(before);
});

test("starting fresh replaces unreadable data only after confirmation", async ({ page }) => {
  await openApp(page);
  await page.evaluate((k) => localStorage.setItem(k, "garbage"), storageKey());
  await page.reload();
  await page.getByRole("button", { name: "Start fresh…" }).click();
  await settled(page);
  expect(await readStored(page)).toBe("garbage");
  await page.getByRole("button", { name: "Yes, replace the stored data" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect((await storedDoc(page))).toMatchObject({ format: "microfolio", schema_version: 4 });
});

test("the Data view downloads a backup of everything", { tag: "@dates" }, async ({ page }) => {
  await openApp(page, "#/profile");
  await page.getByLabel("Headline").fill("Economics student who turns messy data into answers");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();
  await page.getByRole("link", { name: "Data" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^microfolio-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(await readFile(await file.path(), "utf8"));
  expect(backup.profile.headline).toBe("Economics student who turns messy data into answers");
  // The file says which app made it and when.
  expect(backup.app_version).toMatch(/^\d+\.\d+\.\d+$/);
  // At the test clock's time, which runs on from NOW.
  expect(sinceNow(backup.exported)).toBeGreaterThanOrEqual(0);
  expect(sinceNow(backup.exported)).toBeLessThan(60_000);
  delete backup.app_version;
  delete backup.exported;
  // Everything but the bookkeeping that the download itself changes (the
  // save counter, the time of the last backup).
  const stored = await storedDoc(page);
  for (const d of [stored, backup]) {
    delete d.revision;
    delete d.updated;
    delete d.settings.last_backup;
  }
  expect(backup).toEqual(stored);
  const lastBackup = (await storedDoc(page)).settings.last_backup;
  expect(sinceNow(lastBackup)).toBeGreaterThanOrEqual(0);
  expect(sinceNow(lastBackup)).toBeLessThan(60_000);
});

test("the skip link and the navigation work with the keyboard alone", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expect(page).toHaveTitle("Dashboard · Microfolio");
  // Tab to the Profile link and open it.
  await page.getByRole("link", { name: "Profile", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
});
