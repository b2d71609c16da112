// End-to-end: the skill inventory. Evidence comes from portfolio entries;
// the gap check lists what applications ask for; merging keeps references
// across a reload; duplicate names are refused; delete can be undone.
import { expect, fixture, inDays, longDate, openApp, openWithStored, readStored, settled, shifted, storedDoc, test } from "./helpers.mjs";

async function addSkill(page, { name, category = "Technical", level = "", target = "" }) {
  await openApp(page, "#/skills/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Category").selectOption({ label: category });
  if (level) await page.getByLabel("Your level").selectOption(level);
  if (target) await page.getByLabel("Target level").selectOption(target);
  await page.getByRole("button", { name: "Add skill" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function addEntry(page, { title, skills }) {
  await openApp(page, "#/portfolio/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Organization", { exact: true }).fill("Acme");
  await page.getByLabel("End date").fill(shifted("2026-11-14"));
  await page.getByLabel("Skills shown").fill(skills);
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("a skill linked to a portfolio entry shows it as evidence; unbacked skills are flagged", { tag: "@dates" }, async ({ page }) => {
  await addSkill(page, { name: "Excel", category: "Tool", level: "3", target: "4" });
  await addSkill(page, { name: "SQL", level: "4" });
  await openApp(page, "#/skills");
  const sql = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "SQL" }) });
  await expect(sql.getByText("Unbacked")).toBeVisible();
  await expect(page.getByRole("region", { name: "Tool" }).getByRole("img", { name: "Level 3 of 5, target 4" })).toBeVisible();

  await addEntry(page, { title: "Market sizing deck", skills: "excel" });
  await openApp(page, "#/skills");
  await page.getByRole("link", { name: "Excel" }).click();
  const evidence = page.getByRole("region", { name: "Evidence" });
  await expect(evidence).toContainText(`1 piece of evidence, the latest from ${longDate(shifted("2026-11-14"))}.`);
  await expect(evidence.getByRole("link", { name: "Market sizing deck" })).toBeVisible();
  const doc = (await storedDoc(page));
  expect(doc.skills).toHaveLength(2);
  expect(doc.entries[0].skills).toEqual([doc.skills[0].meta.id]);
});

test("an application's missing skill shows in the gap check and is added in one action", async ({ page }) => {
  await addSkill(page, { name: "Excel", level: "2", target: "4" });
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill("Acme");
  await page.getByLabel("Role or project title").fill("Data analyst");
  await page.getByLabel("Required skills").fill("Python, Excel");
  await page.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acme — Data analyst" })).toBeVisible();

  await openApp(page, "#/skills");
  const gaps = page.getByRole("region", { name: "Gap check" });
  await expect(gaps.getByRole("listitem").nth(0)).toContainText("Python");
  await expect(gaps.getByRole("listitem").nth(0)).toContainText("Not in your inventory · asked for by 1 active application");
  await expect(gaps.getByRole("listitem").nth(1)).toContainText("Below your target");
  await gaps.getByLabel("Target for Python").selectOption("4");
  await gaps.getByRole("button", { name: "Add Python" }).click();
  await expect(page.getByRole("region", { name: "Technical" }).getByRole("link", { name: "Python" })).toBeVisible();
  await expect(gaps.getByText("Not in your inventory")).toHaveCount(0);
  const python = (await storedDoc(page)).skills.find((s) => s.name === "Python");
  expect(python.target).toBe(4);
});

test("duplicate names are refused, in any case", async ({ page }) => {
  await addSkill(page, { name: "JavaScript" });
  await openApp(page, "#/skills/new");
  await page.getByLabel("Name").fill("javascript");
  await page.getByRole("button", { name: "Add skill" }).click();
  await expect(page.getByRole("alert")).toContainText("You already have a skill called “JavaScript”");
  expect((await storedDoc(page)).skills).toHaveLength(1);
});

test("merging two skills keeps every reference, across a reload", async ({ page }) => {
  await addSkill(page, { name: "JavaScript", level: "3" });
  await addEntry(page, { title: "Club website", skills: "JS" });
  await openApp(page, "#/applications/new");
  await page.getByLabel("Organization").fill("Beta");
  await page.getByLabel("Role or project title").fill("Front-end help");
  await page.getByLabel("Required skills").fill("JS");
  await page.getByRole("button", { name: "Add application" }).click();

  await openApp(page, "#/skills");
  await page.getByRole("link", { name: "JS", exact: true }).click();
  await page.getByLabel("Merge into", { exact: true }).selectOption({ label: "JavaScript" });
  await page.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "JavaScript" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Evidence" }).getByRole("link", { name: "Club website" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Applications asking for it" }).getByRole("link", { name: "Beta — Front-end help" })).toBeVisible();
  const doc = (await storedDoc(page));
  expect(doc.skills.map((s) => s.name)).toEqual(["JavaScript"]);
  expect(doc.entries[0].skills).toEqual([doc.skills[0].meta.id]);
  expect(doc.applications[0].required_skills).toEqual(["JavaScript"]);
});

test("deleting a skill says what refers to it and can be undone", async ({ page }) => {
  await addEntry(page, { title: "Survey analysis", skills: "Statistics" });
  await openApp(page, "#/skills");
  await page.getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByText("1 portfolio entry and 0 applications refer to this skill.")).toBeVisible();
  const before = (await storedDoc(page));
  await page.getByRole("button", { name: "Delete skill" }).click();
  expect((await storedDoc(page)).entries[0].skills).toEqual([]);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Statistics" })).toBeVisible();
  const after = (await storedDoc(page));
  expect(after.skills).toEqual(before.skills);
  expect(after.entries).toEqual(before.entries);
});

// Regression (issue 19, D): with no active application the gap check
// disappeared without a word. It says what it needs instead.
test("with no active application the gap check says what it needs instead of disappearing", async ({ page }) => {
  await openApp(page, "#/skills");
  const gaps = page.getByRole("region", { name: "Gap check" });
  await expect(gaps).toContainText("you have no application yet");
  await expect(gaps.getByRole("link", { name: "Go to your applications" })).toBeVisible();

  const doc = await fixture();
  for (const a of doc.applications) a.history.push({ stage: "withdrawn", date: inDays(0) });
  await openWithStored(page, doc, "#/skills");
  await expect(gaps).toContainText("none is active now (2 applications are closed or completed)");

  doc.applications[1].history = [{ stage: "saved", date: inDays(0) }];
  doc.applications[1].required_skills = [];
  await openWithStored(page, doc, "#/skills");
  await expect(gaps).toContainText("Your active application lists no required skills.");
});
