// End-to-end: the portfolio. An entry with deliverables, a milestone and
// feedback survives a reload; the printable portfolio (print media) shows
// public entries only; a completed application becomes an entry.
import { NOW, copies, expect, fixture, inDays, monthName, openApp, openWithStored, readStored, settled, shifted, storedDoc, test } from "./helpers.mjs";

async function newEntry(page, { title, org, visibility = "public" }) {
  await openApp(page, "#/portfolio");
  await page.getByRole("link", { name: /Add (your first )?entry/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New portfolio entry" })).toBeVisible();
  if (visibility === "private") await page.getByLabel("Private: only for me").check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Organization", { exact: true }).fill(org);
}

test("an entry with two deliverables, a milestone and feedback survives a reload", async ({ page }) => {
  await newEntry(page, { title: "Market sizing deck", org: "Acme Analytics" });
  await page.getByLabel("Start date").fill(shifted("2026-11-03"));
  await page.getByLabel("End date").fill(shifted("2026-11-14"));
  for (const [i, title, link] of [[1, "Market sizing deck", "https://example.org/deck"], [2, "Source spreadsheet", ""]]) {
    await page.getByRole("button", { name: "Add a deliverable" }).click();
    await expect(page.getByLabel(`Deliverable ${i} title`)).toBeFocused();
    await page.keyboard.type(title);
    if (link) await page.getByLabel(`Deliverable ${i} link`).fill(link);
  }
  await page.getByRole("button", { name: "Add a milestone" }).click();
  await page.getByLabel("Milestone 1 title").fill("Outline approved");
  await page.getByLabel("Milestone 1 done").check();
  await page.getByLabel("Estimated hours").fill("20");
  await page.getByLabel("Hours logged").fill("25");
  await page.getByLabel("Fixed fee").fill("400");
  await page.getByLabel("Feedback", { exact: true }).fill("Clear, well-sourced and on time.");
  await page.getByLabel("Rating").selectOption("5");
  await page.getByLabel("My supervisor agreed that I may share this feedback").check();
  await page.getByRole("button", { name: "Add an objective" }).click();
  await page.getByLabel("Objective 1", { exact: true }).fill("Size a market from public data");
  await page.getByLabel("Objective 1 outcome").selectOption({ label: "Met" });
  await page.getByLabel("Skills shown").fill("Excel, Market research");
  await page.getByRole("button", { name: "Add entry" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Market sizing deck" })).toBeVisible();
  await page.reload();
  const deliverables = page.getByRole("region", { name: "Deliverables" });
  await expect(deliverables.getByText("Market sizing deck")).toBeVisible();
  await expect(deliverables.getByText("Source spreadsheet")).toBeVisible();
  await expect(deliverables.getByRole("link", { name: "Open the deliverable" })).toHaveAttribute("href", "https://example.org/deck");
  await expect(deliverables.getByText("✓ Done: Outline approved")).toBeVisible();
  await expect(page.getByRole("region", { name: "Supervisor feedback" })).toContainText("Clear, well-sourced and on time.");
  await expect(page.getByRole("region", { name: "Supervisor feedback" })).toContainText("★★★★★ (5 of 5)");
  // 400 USD over 25 logged hours is 16 USD/hour: below the default floor of 20.
  await expect(page.getByText("16.00 USD/hour (from logged hours)")).toBeVisible();
  await expect(page.getByText("This paid less per hour than your pay floor")).toBeVisible();
  await expect(page.getByRole("region", { name: "Learning" })).toContainText("Size a market from public data — Met");
  const doc = (await storedDoc(page));
  expect(doc.skills.map((s) => s.name)).toEqual(["Excel", "Market research"]);
  expect(doc.entries[0].skills).toEqual(doc.skills.map((s) => s.meta.id));

  // The skill created inline shows in the list filter.
  await openApp(page, "#/portfolio");
  await page.getByLabel("Skill", { exact: true }).selectOption({ label: "Market research" });
  await expect(page.getByRole("heading", { name: "Market sizing deck" })).toBeVisible();
});

test("invalid entries are refused with the fields to fix", async ({ page }) => {
  await newEntry(page, { title: "", org: "" });
  await page.getByRole("button", { name: "Add a deliverable" }).click();
  await page.getByLabel("Deliverable 1 link").fill("javascript:alert(1)");
  await page.getByLabel("Hours logged").fill("-2");
  await page.getByRole("button", { name: "Add entry" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Some details need fixing" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("button", { name: "Title: Enter a title, e.g. what you delivered." })).toBeVisible();
  await expect(summary.getByRole("button", { name: "Hours logged: Hours cannot be negative." })).toBeVisible();
  await expect(summary.getByRole("button", { name: "Deliverable 1 title: Give the deliverable a title." })).toBeVisible();
  await expect(summary.getByRole("button", { name: /^Deliverable 1 link: Only https/ })).toBeVisible();
  await settled(page);
  expect(await readStored(page)).toBeNull();
});

test("the printable portfolio shows public entries and not private ones", async ({ page }) => {
  await openApp(page, "#/profile");
  await page.getByLabel("Name", { exact: true }).fill("Ada Student");
  await expect(page.getByRole("status").filter({ hasText: "All changes saved." })).toBeVisible();
  await newEntry(page, { title: "Public deck", org: "Acme" });
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Public deck" })).toBeVisible();
  await newEntry(page, { title: "Secret side project", org: "Family bakery", visibility: "private" });
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Secret side project" })).toBeVisible();

  await openApp(page, "#/portfolio");
  await page.getByRole("link", { name: "Printable portfolio" }).click();
  await page.emulateMedia({ media: "print" });
  const printed = page.getByRole("article");
  await expect(printed.getByRole("heading", { level: 1, name: "Ada Student" })).toBeVisible();
  await expect(printed.getByRole("heading", { name: "Public deck" })).toBeVisible();
  await expect(printed.getByText("Secret side project")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Secret side project" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  const pdf = await page.pdf({ format: "Letter" });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});

test("a completed application becomes a linked, prefilled portfolio entry", async ({ page }) => {
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill("Acme Analytics");
  await page.getByLabel("Role or project title").fill("Market sizing");
  await page.getByLabel("Estimated hours").fill("20");
  await page.getByLabel("Fixed fee").fill("500");
  await page.getByLabel("Required skills").fill("Excel");
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("button", { name: "Add to portfolio" })).toHaveCount(0);
  await page.getByLabel("Move to stage").selectOption({ label: "Completed" });
  await page.getByRole("button", { name: "Record stage change" }).click();
  await page.getByRole("button", { name: "Add to portfolio" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Edit: Market sizing" })).toBeVisible();
  await expect(page.getByLabel("Organization", { exact: true })).toHaveValue("Acme Analytics");
  await expect(page.getByLabel("Estimated hours")).toHaveValue("20");
  await expect(page.getByLabel("Fixed fee")).toHaveValue("500");
  await expect(page.getByLabel("Skills shown")).toHaveValue("Excel");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("link", { name: "Acme Analytics — Market sizing" })).toBeVisible();

  // And the application links back to the entry, once.
  await page.getByRole("link", { name: "Acme Analytics — Market sizing" }).click();
  await expect(page.getByText("In your portfolio:")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to portfolio" })).toHaveCount(0);
  const doc = (await storedDoc(page));
  expect(doc.entries).toHaveLength(1);
  expect(doc.entries[0].application).toBe(doc.applications[0].meta.id);
});

test("a long portfolio shows 50 entries and the rest on request; the filters still reach every one", async ({ page }) => {
  const doc = await fixture();
  doc.entries = copies(doc.entries[0], 60, (i) => ({
    meta: { id: `e0000000-0000-4000-8000-${String(100 + i).padStart(12, "0")}` },
    title: `Bulk entry ${i}`,
    // Newest first: entry 59 on top, entry 0 last.
    end_date: shifted(`2026-0${1 + Math.floor(i / 10)}-${String(10 + (i % 10)).padStart(2, "0")}`),
    start_date: shifted("2025-12-01"),
    tags: i === 0 ? ["oldest"] : ["research"],
    application: null,
  }));
  doc.applications = doc.applications.map((a) => ({ ...a, entry: undefined }));
  await openWithStored(page, doc, "#/portfolio");
  const entries = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^Bulk entry/ }) });
  await expect(entries).toHaveCount(50);
  await expect(page.getByText("10 more portfolio entries not shown.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Bulk entry 0", exact: true })).toHaveCount(0);
  // A filter reaches past the first page.
  await page.getByLabel("Tag").selectOption("oldest");
  await expect(page.getByRole("link", { name: "Bulk entry 0", exact: true })).toBeVisible();
  await expect(entries).toHaveCount(1);
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);
  await page.getByLabel("Tag").selectOption("");
  await page.getByRole("button", { name: "Show 10 more" }).press("Enter");
  await expect(entries).toHaveCount(60);
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);
});

test("the dashboard counts an entry's hours and fee in the month it ended, showing the months with work in the last 12", { tag: "@dates" }, async ({ page }) => {
  const doc = await fixture();
  const [deck, inventory] = doc.entries;
  deck.start_date = inDays(-40);
  deck.end_date = inDays(-35); // 25 h logged, 500 USD
  inventory.start_date = null;
  inventory.end_date = inDays(-400); // more than a year ago: not counted
  await openWithStored(page, doc, "#/");
  const hours = page.getByRole("img", { name: /^Hours in the months with work, last 12 months\./ });
  const alt = await hours.getAttribute("aria-label");
  const months = alt.replace(/^[^.]*\. /, "").replace(/\.$/, "").split("; ");
  // Only the months with work: the one a year ago and more is not counted,
  // and no month shows as "0 h" (issue 20: a column of zeros said nothing).
  expect(months).toEqual([`${monthName(inDays(-35))}: 25 h`]);
  const fees = page.getByRole("img", { name: /^Fees in USD in the months with work, last 12 months\./ });
  await expect(fees).toHaveAttribute("aria-label", new RegExp(`${monthName(inDays(-35))}: 500(\\.00)? USD`));
});
