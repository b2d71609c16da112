// End-to-end: the application tracker. Create an application, move it
// through stages with the keyboard, filter and search, reload and find it
// all as left, delete and undo, link a contact and see it on their page.
import { copies, expect, fixture, inDays, longDate, openApp, openWithStored, readStored, settled, shifted, storedDoc, test } from "./helpers.mjs";

async function addApplication(page, { org, role, source = "", tags = "", deadline = "" }) {
  await openApp(page, "#/applications");
  await page.getByRole("link", { name: "Add application" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New application" })).toBeVisible();
  await page.getByLabel("Organization").fill(org);
  await page.getByLabel("Role or project title").fill(role);
  if (source) await page.getByLabel("Source").fill(source);
  if (tags) await page.getByLabel("Tags").fill(tags);
  if (deadline) await page.getByLabel("Application deadline").fill(deadline);
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${org} — ${role}` })).toBeVisible();
}

async function addContact(page, { name, kind, org }) {
  await openApp(page, "#/contacts/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Kind").selectOption({ label: kind });
  await page.getByLabel("Organization").fill(org);
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("invalid input is refused with field errors and a summary, and nothing is stored", async ({ page }) => {
  await openApp(page, "#/applications/new");
  await page.getByLabel("Posting link").fill("javascript:alert(1)");
  await page.getByLabel("Fixed fee").fill("-5");
  await page.getByLabel("Start date").fill(inDays(17));
  await page.getByLabel("End date").fill(inDays(8));
  await page.getByRole("button", { name: "Add application" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Some details need fixing" });
  await expect(summary).toBeFocused();
  for (const text of [
    "Organization: Enter the organization.",
    "Role or project title: Enter the role or project title.",
    "Posting link: Only https:// and http:// links are allowed.",
    "Fixed fee: The fee cannot be negative.",
    "End date: The end date is before the start date.",
  ]) {
    await expect(summary.getByRole("button", { name: text })).toBeVisible();
  }
  await expect(page.getByLabel("Organization")).toHaveAttribute("aria-invalid", "true");
  await summary.getByRole("button", { name: /^Posting link/ }).click();
  await expect(page.getByLabel("Posting link")).toBeFocused();
  await settled(page);
  expect(await readStored(page)).toBeNull();
});

test("an application moves through stages by keyboard, and survives a reload", { tag: "@dates" }, async ({ page }) => {
  await addApplication(page, { org: "Acme Analytics", role: "Market sizing", source: "Parker Dewey" });
  await page.getByRole("link", { name: "← All applications" }).click();
  const saved = page.getByRole("region", { name: "Saved" });
  await expect(saved.getByRole("link", { name: /Acme Analytics/ })).toBeVisible();

  // Keyboard only: focus the card's Move button, open it, pick the stage.
  for (const stage of ["Applied", "Interviewing"]) {
    const move = page.getByRole("button", { name: "Move Acme Analytics — Market sizing…" });
    await move.focus();
    await page.keyboard.press("Enter");
    await expect(move).toHaveAttribute("aria-expanded", "true");
    const option = page.getByRole("button", { name: stage, exact: true });
    await expect(option).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: stage }).getByRole("link", { name: /Acme Analytics/ })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: `Moved Acme Analytics — Market sizing to ${stage}.` })).toBeAttached();
    await expect(page.getByRole("button", { name: "Move Acme Analytics — Market sizing…" })).toBeFocused();
  }
  // Escape closes the list without moving, and gives the focus back.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Offered", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Move Acme Analytics — Market sizing…" })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Move Acme Analytics — Market sizing…" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Offered", exact: true })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("region", { name: "Interviewing" }).getByRole("link", { name: /Acme Analytics/ })).toBeVisible();
  const doc = (await storedDoc(page));
  expect(doc.applications[0].history.map((h) => h.stage)).toEqual(["saved", "applied", "interviewing"]);
  expect(doc.applications[0].date_applied).toBe(inDays(0));

  // The history is on the application's page, dates editable.
  await page.getByRole("link", { name: "Market sizing" }).click();
  await expect(page.getByRole("heading", { name: "Stage: Interviewing" })).toBeVisible();
  await page.getByLabel("Date of Applied").fill(inDays(-2));
  await page.getByLabel("Date of Applied").blur();
  await expect(page.getByRole("status").filter({ hasText: "Date changed." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Date of Applied")).toHaveValue(inDays(-2));
});

test("drag and drop moves a card to another column", async ({ page }) => {
  await addApplication(page, { org: "Beta Library", role: "Donor database clean-up" });
  await openApp(page, "#/applications");
  const card = page.getByRole("region", { name: "Saved" }).getByRole("listitem").filter({ hasText: "Beta Library" });
  await card.dragTo(page.getByRole("region", { name: "Offered" }));
  await expect(page.getByRole("region", { name: "Offered" }).getByRole("link", { name: /Beta Library/ })).toBeVisible();
  expect((await storedDoc(page)).applications[0].history.at(-1).stage).toBe("offered");
});

test("one card's Move list is open at a time", async ({ page }) => {
  await addApplication(page, { org: "Acme Analytics", role: "Market sizing" });
  await addApplication(page, { org: "Beta Library", role: "Donor database clean-up" });
  await openApp(page, "#/applications");
  const acme = page.getByRole("button", { name: "Move Acme Analytics — Market sizing…" });
  const beta = page.getByRole("button", { name: "Move Beta Library — Donor database clean-up…" });
  await acme.click();
  await expect(acme).toHaveAttribute("aria-expanded", "true");
  await beta.click();
  await expect(beta).toHaveAttribute("aria-expanded", "true");
  await expect(acme).toHaveAttribute("aria-expanded", "false");
  // Only Beta's list: one button per other stage.
  await expect(page.getByRole("button", { name: "Applied", exact: true })).toHaveCount(1);
  await page.getByRole("button", { name: "Applied", exact: true }).click();
  await expect(page.getByRole("region", { name: "Applied" }).getByRole("link", { name: /Beta Library/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Saved" }).getByRole("link", { name: /Acme Analytics/ })).toBeVisible();
  await expect(beta).toBeFocused();
  await beta.click();
  await expect(beta).toHaveAttribute("aria-expanded", "true");
  await beta.click();
  await expect(beta).toHaveAttribute("aria-expanded", "false");
  await expect(beta).toBeFocused();
});

// Regression: a card hidden by a search kept its Move list open, and came
// back with it open (and nothing focused in it) when the search was cleared.
test("a search that hides a card closes its Move list", async ({ page }) => {
  await addApplication(page, { org: "Acme Analytics", role: "Market sizing" });
  await addApplication(page, { org: "Beta Library", role: "Donor database clean-up" });
  await openApp(page, "#/applications");
  const acme = page.getByRole("button", { name: "Move Acme Analytics — Market sizing…" });
  await acme.click();
  await expect(acme).toHaveAttribute("aria-expanded", "true");
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("beta");
  await expect(acme).toHaveCount(0);
  await search.fill("");
  await expect(acme).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Applied", exact: true })).toHaveCount(0);
  // A search that keeps the card leaves its list open.
  await acme.click();
  await search.fill("acme");
  await expect(acme).toHaveAttribute("aria-expanded", "true");
});

test("search, filters, due soon and the sortable table", { tag: "@dates" }, async ({ page }) => {
  await addApplication(page, { org: "Acme Analytics", role: "Market sizing", source: "Parker Dewey", tags: "research", deadline: inDays(3) });
  await addApplication(page, { org: "Beta Library", role: "Donor database clean-up", source: "LinkedIn", tags: "data" });
  await addApplication(page, { org: "City Council", role: "Survey research", source: "LinkedIn", tags: "research, remote" });
  await openApp(page, "#/applications");

  const due = page.getByRole("region", { name: "Due soon" });
  await expect(due.getByRole("link", { name: "Acme Analytics — Market sizing" })).toBeVisible();
  await expect(due).toContainText("in 3 days");

  const count = page.getByRole("status").filter({ hasText: /application/ });
  await page.getByRole("searchbox", { name: "Search" }).fill("survey");
  await expect(count).toHaveText("Showing 1 of 3 applications");
  await page.getByRole("searchbox", { name: "Search" }).fill("");
  await page.getByLabel("Source", { exact: true }).selectOption("LinkedIn");
  await expect(count).toHaveText("Showing 2 of 3 applications");
  await page.getByLabel("Tag", { exact: true }).selectOption("research");
  await expect(count).toHaveText("Showing 1 of 3 applications");
  await expect(page.getByRole("link", { name: "Survey research" })).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Due", { exact: true }).selectOption({ label: "Due in the next 7 days" });
  await expect(count).toHaveText("Showing 1 of 3 applications");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(count).toHaveText("3 applications");

  await page.getByRole("button", { name: "Table" }).click();
  const table = page.getByRole("table");
  const firstCells = () => table.locator("tbody tr td:first-child").allTextContents();
  await table.getByRole("button", { name: "Organization" }).click();
  await expect(table.getByRole("columnheader", { name: /Organization/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await firstCells()).toEqual(["Acme Analytics", "Beta Library", "City Council"]);
  await table.getByRole("button", { name: "Organization" }).click();
  expect(await firstCells()).toEqual(["City Council", "Beta Library", "Acme Analytics"]);
  await table.getByRole("button", { name: "Source" }).click();
  expect((await firstCells())[2]).toBe("Acme Analytics");
});

// Regression: Undo did nothing once the deleting page had navigated away
// (the undo was a Leptos Callback owned by that page, disposed with it).
test("delete and undo restore an application exactly, contact links included", async ({ page }) => {
  await addContact(page, { name: "Grace Okafor", kind: "Supervisor", org: "Acme Analytics" });
  await addApplication(page, { org: "Acme Analytics", role: "Market sizing" });
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Grace Okafor (Acme Analytics)").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved Acme Analytics — Market sizing." })).toBeVisible();
  await settled(page);
  const before = (await storedDoc(page)).applications;

  // The contact's page lists the application.
  await openApp(page, "#/contacts");
  await page.getByRole("link", { name: "Grace Okafor" }).click();
  const apps = page.getByRole("region", { name: "Applications" });
  await expect(apps.getByRole("link", { name: "Acme Analytics — Market sizing" })).toBeVisible();

  // Delete the application, then undo with the keyboard.
  await apps.getByRole("link", { name: "Acme Analytics — Market sizing" }).click();
  await page.getByRole("button", { name: "Delete application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expect(page.getByText("Deleted Acme Analytics — Market sizing.")).toBeVisible();
  expect((await storedDoc(page)).applications).toEqual([]);
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: /Market sizing/ })).toBeVisible();
  expect((await storedDoc(page)).applications).toEqual(before);

  // Deleting the contact unlinks it; undo links it again.
  await openApp(page, "#/contacts");
  await page.getByRole("link", { name: "Grace Okafor" }).click();
  await page.getByRole("button", { name: "Delete contact" }).click();
  expect((await storedDoc(page)).applications[0].contacts).toEqual([]);
  await page.getByRole("button", { name: "Undo" }).click();
  await page.reload();
  expect((await storedDoc(page)).applications).toEqual(before);
  await page.getByRole("link", { name: "Grace Okafor" }).click();
  await expect(page.getByRole("region", { name: "Applications" }).getByRole("link", { name: "Acme Analytics — Market sizing" })).toBeVisible();
});

test("the undo stays offered for at least 10 seconds", async ({ page }) => {
  await addApplication(page, { org: "Slow Co", role: "Research" });
  await page.getByRole("button", { name: "Delete application" }).click();
  await page.waitForTimeout(10_500);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Research" })).toBeVisible();
});

test("the posting link and a contact's e-mail are shown as links", async ({ page }) => {
  await addContact(page, { name: "Ravi Recruiter", kind: "Recruiter", org: "Northwind" });
  await page.getByRole("button", { name: "Edit contact" }).click();
  await page.getByLabel("E-mail").fill("ravi@northwind.example");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("link", { name: "ravi@northwind.example" })).toHaveAttribute("href", "mailto:ravi@northwind.example");
  await expect(page.getByText("Recruiter at Northwind")).toBeVisible();

  await addApplication(page, { org: "Northwind", role: "Prospect list", source: "LinkedIn" });
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Posting link").fill("https://jobs.example.org/123");
  await page.getByRole("button", { name: "Save changes" }).click();
  const posting = page.getByRole("link", { name: "Open the posting" });
  await expect(posting).toHaveAttribute("href", "https://jobs.example.org/123");
  await expect(posting).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.getByText("Found on LinkedIn")).toBeVisible();
});

// Regression (issue 19, A): "parkerdewey.com/projects/12345" was refused.
test("a posting link typed without https:// is kept with it", async ({ page }) => {
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill("Parker Dewey client");
  await page.getByLabel("Role or project title").fill("Prospect list");
  await page.getByLabel("Posting link").fill("parkerdewey.com/projects/12345");
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Parker Dewey client — Prospect list" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the posting" })).toHaveAttribute("href", "https://parkerdewey.com/projects/12345");
  await page.getByRole("button", { name: "Edit details" }).click();
  await expect(page.getByLabel("Posting link")).toHaveValue("https://parkerdewey.com/projects/12345");
  // Editing: the field shows what was kept.
  await page.getByLabel("Posting link").fill("www.parkerdewey.com/projects/777");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved Parker Dewey client — Prospect list." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the posting" })).toHaveAttribute("href", "https://www.parkerdewey.com/projects/777");
  await page.getByRole("button", { name: "Edit details" }).click();
  await expect(page.getByLabel("Posting link")).toHaveValue("https://www.parkerdewey.com/projects/777");
  // What cannot be kept stays in the field, with its error.
  await page.getByLabel("Posting link").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Posting link")).toHaveValue("javascript:alert(1)");
  await expect(page.getByLabel("Posting link")).toHaveAttribute("aria-invalid", "true");
  expect((await storedDoc(page)).applications[0].posting_url).toBe("https://www.parkerdewey.com/projects/777");
});

test("a long board shows 25 cards per stage and the rest on request; the search still finds every one", async ({ page }) => {
  const doc = await fixture();
  doc.applications = copies(doc.applications[0], 60, (i) => ({
    meta: { id: `a1b2c3d4-e5f6-4a7b-8c9d-${String(i).padStart(12, "0")}`, updated: shifted(`2026-11-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00Z`) },
    organization: `Bulk Org ${i}`,
    history: [{ stage: "saved", date: shifted("2026-10-20") }],
    deadline: null,
    entry: undefined,
  }));
  doc.entries = doc.entries.map((e) => ({ ...e, application: null }));
  await openWithStored(page, doc, "#/applications");
  const saved = page.getByRole("region", { name: "Saved" });
  await expect(page.getByRole("status").filter({ hasText: "60 applications" })).toBeVisible();
  await expect(saved.getByRole("listitem").filter({ hasText: "Bulk Org" })).toHaveCount(25);
  await expect(saved.getByText("35 more cards not shown.")).toBeVisible();
  await saved.getByRole("button", { name: "Show 25 more" }).press("Enter");
  await expect(saved.getByRole("listitem").filter({ hasText: "Bulk Org" })).toHaveCount(50);
  await saved.getByRole("button", { name: "Show 10 more" }).click();
  await expect(saved.getByRole("listitem").filter({ hasText: "Bulk Org" })).toHaveCount(60);
  await expect(saved.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);
  // A card past the first page is found by search.
  await page.getByRole("button", { name: "Table" }).click();
  await page.getByLabel("Search", { exact: true }).fill("Bulk Org 59");
  await expect(page.getByRole("link", { name: "Bulk Org 59" })).toBeVisible();
});

test("an application with no reply for over 3 weeks after applying is flagged, one at 3 weeks is not", { tag: "@dates" }, async ({ page }) => {
  const doc = await fixture();
  const [acme, library] = doc.applications;
  for (const [app, applied] of [[acme, -22], [library, -21]]) {
    app.date_found = inDays(-30);
    app.date_applied = inDays(applied);
    app.deadline = null;
    app.start_date = null;
    app.end_date = null;
    app.history = [{ stage: "saved", date: inDays(-30) }, { stage: "applied", date: inDays(applied) }];
  }
  await openWithStored(page, doc, "#/applications");
  const column = page.getByRole("region", { name: "Applied" });
  await expect(column.getByRole("listitem").filter({ hasText: "Acme Analytics" })).toContainText("Possibly ghosted: no reply in over 3 weeks");
  await expect(column.getByRole("listitem").filter({ hasText: "City Library Foundation" })).toBeVisible();
  await expect(column.getByRole("listitem").filter({ hasText: "City Library Foundation" })).not.toContainText("Possibly ghosted");
  // The application's own page says it too, and what to do.
  await column.getByRole("link", { name: /Acme Analytics/ }).click();
  await expect(page.getByText("Possibly ghosted: no change for over 3 weeks since you applied.")).toBeVisible();
  // A reply (Interviewing, today) clears the flag.
  await page.goto("#/applications");
  await page.getByRole("button", { name: "Move Acme Analytics — Market sizing research (micro-internship)…" }).click();
  await page.getByRole("button", { name: "Interviewing", exact: true }).click();
  await expect(page.getByRole("region", { name: "Interviewing" }).getByRole("listitem").filter({ hasText: "Acme Analytics" })).not.toContainText("Possibly ghosted");
  expect((await storedDoc(page)).applications[0].history.at(-1)).toEqual({ stage: "interviewing", date: inDays(0) });
});

// Issue 19, item 1: every step logged late, dated in the past, after adding
// the application today (its automatic Saved step is the newest date).
test("an application logged late does not get stuck in Saved", { tag: "@dates" }, async ({ page }) => {
  await addApplication(page, { org: "Late Logger Inc", role: "Data clean-up" });
  const record = async (stage, date) => {
    await page.getByLabel("Move to stage").selectOption({ label: stage });
    await page.getByLabel("Date of the change").fill(date);
    await page.getByRole("button", { name: "Record stage change" }).click();
    await expect(page.getByRole("heading", { name: `Stage: ${stage}` })).toBeVisible();
  };
  await record("Applied", inDays(-40));
  await record("Interviewing", inDays(-30));
  await record("Offered", inDays(-20));
  await record("Accepted / In progress", inDays(-15));
  await record("Completed", inDays(-2));
  await expect(page.getByRole("button", { name: "Add to portfolio" })).toBeVisible();
  // The automatic Saved step moved back to the applied date.
  await expect(page.getByLabel("Date of Saved")).toHaveValue(inDays(-40));
  await page.getByRole("link", { name: "← All applications" }).click();
  await expect(page.getByRole("region", { name: "Completed" }).getByRole("link", { name: /Late Logger Inc/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Saved" }).getByRole("link", { name: /Late Logger Inc/ })).toHaveCount(0);

  // A date before a step recorded earlier (not the automatic one) is
  // refused, naming that step; the fix is offered, and nothing else moves.
  await page.getByRole("link", { name: "Data clean-up" }).click();
  await page.getByLabel("Move to stage").selectOption({ label: "Rejected" });
  await page.getByLabel("Date of the change").fill(inDays(-10));
  await page.getByRole("button", { name: "Record stage change" }).click();
  await expect(page.getByRole("alert")).toContainText(`Completed is dated ${longDate(inDays(-2))}, after that.`);
  await expect(page.getByRole("heading", { name: "Stage: Completed" })).toBeVisible();
  await page.getByRole("button", { name: `Record Rejected and date earlier steps ${longDate(inDays(-10))}` }).click();
  await expect(page.getByRole("heading", { name: "Stage: Rejected" })).toBeVisible();
  await expect(page.getByLabel("Date of Completed")).toHaveValue(inDays(-10));
  // Editing a date past the next step's is refused too, and the stage stays.
  await page.getByLabel("Date of Applied").fill(inDays(-5));
  await page.getByLabel("Date of Applied").blur();
  await expect(page.getByRole("status").filter({ hasText: `Date not changed: Interviewing is dated ${longDate(inDays(-30))}, before that.` })).toBeVisible();
  await expect(page.getByLabel("Date of Applied")).toHaveValue(inDays(-40));
  await page.reload();
  await expect(page.getByRole("heading", { name: "Stage: Rejected" })).toBeVisible();
  const history = (await storedDoc(page)).applications[0].history;
  expect(history.map((h) => h.stage)).toEqual(["saved", "applied", "interviewing", "offered", "in_progress", "completed", "rejected"]);
});

// Issue 19, item 2: "Date found" defaulted to today and refused the past
// applied date of an application logged late.
test("a past Date applied is accepted on a new application", { tag: "@dates" }, async ({ page }) => {
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill("Last Month Ltd");
  await page.getByLabel("Role or project title").fill("Survey analysis");
  await page.getByLabel("Date applied").fill(inDays(-30));
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Last Month Ltd — Survey analysis" })).toBeVisible();
  const [app] = (await storedDoc(page)).applications;
  expect([app.date_applied, app.date_found]).toEqual([inDays(-30), null]);
});

// Issue 19, item 3: one applied yesterday showed as "Handshake 0% of 1".
test("response rate by source does not count applications still waiting as failures", { tag: "@dates" }, async ({ page }) => {
  const doc = await fixture();
  const [acme, library] = doc.applications;
  library.source = "Handshake";
  library.date_applied = inDays(-1);
  library.history = [{ stage: "saved", date: inDays(-3) }, { stage: "applied", date: inDays(-1) }];
  const old = copies(library, 1, () => ({ meta: { id: "5b0c6f0e-3b7a-4d51-9a56-2d1f5e6b7c99" }, organization: "Quiet Co", date_applied: inDays(-30), history: [{ stage: "saved", date: inDays(-31) }, { stage: "applied", date: inDays(-30) }] }));
  doc.applications = [acme, library, ...old];
  await openWithStored(page, doc, "#/");
  const chart = page.getByRole("img", { name: /^Share of applications that got an answer/ });
  await expect(chart).toHaveAccessibleName(/counting each once it is answered or has had no answer for over 3 weeks/);
  // Yesterday's is waiting, not a failure; the one 30 days ago counts as unanswered.
  await expect(chart).toHaveAccessibleName(/Handshake: 0% of 1, 1 waiting/);
  await expect(chart).toHaveAccessibleName(/Parker Dewey: 100% of 1/);
  await expect(page.getByText("counting each once it is answered or has had no answer for over 3 weeks")).toBeVisible();
});
