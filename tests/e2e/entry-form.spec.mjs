// End-to-end: the portfolio entry form's own flows (issue 19, item 6): a
// supervisor who is not a contact yet is added without leaving the entry.
import { expect, openApp, storedDoc, settled, test } from "./helpers.mjs";

test("the entry editor's Supervisor list offers only existing contacts: a new supervisor is added without leaving the form", async ({ page }) => {
  await openApp(page, "#/portfolio/new");
  await page.getByLabel("Title", { exact: true }).fill("Market sizing deck");
  await page.getByLabel("Organization", { exact: true }).fill("Acme Analytics");
  await page.getByRole("button", { name: "Add a new contact" }).click();
  const name = page.getByLabel("Their name");
  await expect(name).toBeFocused();

  // Enter here adds the contact (or says what is missing); it never saves the entry.
  await name.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /^Name: / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "New portfolio entry" })).toBeVisible();

  await name.fill("Grace Okafor");
  await expect(page.getByLabel("Kind of contact")).toHaveValue("supervisor");
  await page.getByLabel("Their organization").fill("Acme Analytics");
  await page.getByRole("button", { name: "Add and choose them" }).click();
  await expect(page.getByLabel("Supervisor", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Supervisor", { exact: true }).locator("option:checked")).toHaveText("Grace Okafor (Supervisor)");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Market sizing deck");

  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Market sizing deck" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Okafor" })).toBeVisible();
  await settled(page);
  const doc = await storedDoc(page);
  expect(doc.contacts.map((c) => [c.name, c.kind, c.organization])).toEqual([["Grace Okafor", "supervisor", "Acme Analytics"]]);
  expect(doc.entries[0].supervisor).toBe(doc.contacts[0].meta.id);
});
