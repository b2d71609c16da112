// End-to-end: categories of skills (issue 19, item 7). Skills created from
// a portfolio entry get a proposed category, shown and changeable in the
// form; the Skills list changes level, target and category of many skills
// without opening each.
import { expect, openApp, storedDoc, test } from "./helpers.mjs";

async function entryWithSkills(page, skills, choose = {}) {
  await openApp(page, "#/portfolio/new");
  await page.getByLabel("Title", { exact: true }).fill("Client onboarding guide");
  await page.getByLabel("Organization", { exact: true }).fill("Acme Analytics");
  await page.getByLabel("Skills shown").fill(skills);
  for (const [name, category] of Object.entries(choose)) {
    await page.getByLabel(`Category of “${name}”`).selectOption({ label: category });
  }
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Client onboarding guide" })).toBeVisible();
}

test("skills created from an entry all land in Technical no more: each new one shows a proposed category the student can change", async ({ page }) => {
  await openApp(page, "#/portfolio/new");
  await page.getByLabel("Skills shown").fill("client communication, Excel, Forecasting");
  await expect(page.getByLabel("Category of “client communication”")).toHaveValue("soft");
  await expect(page.getByLabel("Category of “Excel”")).toHaveValue("tool");
  await expect(page.getByLabel("Category of “Forecasting”")).toHaveValue("technical");

  await entryWithSkills(page, "client communication, Excel, Forecasting", { Forecasting: "Domain knowledge" });
  const doc = await storedDoc(page);
  expect(Object.fromEntries(doc.skills.map((s) => [s.name, s.category]))).toEqual({
    "client communication": "soft",
    Excel: "tool",
    Forecasting: "domain",
  });
  await openApp(page, "#/skills");
  await expect(page.getByRole("region", { name: "Soft skill" }).getByRole("link", { name: "client communication" })).toBeVisible();
});

test("the Skills list changes level, target and category of several skills without opening each", async ({ page }) => {
  await entryWithSkills(page, "Excel, Forecasting");
  await openApp(page, "#/skills");
  await page.getByRole("button", { name: "Change levels, targets and categories" }).click();
  await page.getByLabel("Level of Excel").selectOption("3");
  await page.getByLabel("Target for Excel").selectOption("4");
  await page.getByLabel("Category of Forecasting").selectOption({ label: "Domain knowledge" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Updated 2 skills.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Tool" }).getByRole("img", { name: "Level 3 of 5, target 4" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Domain knowledge" }).getByRole("link", { name: "Forecasting" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change levels, targets and categories" })).toBeFocused();
});
