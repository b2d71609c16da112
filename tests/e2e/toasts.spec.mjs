// End-to-end: toasts belong to the view that raised them (issue 19, item
// 10). A toast without Undo goes when the student leaves its view; an Undo
// toast stays its time, and the page leaves room so it covers nothing.
import { expect, openApp, test } from "./helpers.mjs";

const nav = (page, name) => page.getByRole("navigation").getByRole("link", { name, exact: true }).click();

async function addContact(page, name) {
  await openApp(page, "#/contacts/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("toasts stay after navigating: a toast without Undo goes with its view", async ({ page }) => {
  await addContact(page, "Ada Lovelace");
  const toast = page.getByRole("status").filter({ hasText: "Added Ada Lovelace." });
  await expect(toast).toBeVisible();
  await nav(page, "Applications");
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await expect(page.getByText("Added Ada Lovelace.")).toHaveCount(0);
});

test("an Undo toast stays on the next view and covers none of its content", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await addContact(page, "Grace Hopper");
  await page.getByRole("button", { name: "Delete contact" }).click();
  await expect(page.getByText("Deleted Grace Hopper.")).toBeVisible();
  await page.getByRole("link", { name: "Add contact", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New contact" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();

  // Scrolled to the end, the view's content ends above the toast.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const gap = await page.evaluate(() => {
    const toast = document.querySelector(".toast").getBoundingClientRect();
    const main = document.querySelector("main").getBoundingClientRect();
    return toast.top - main.bottom;
  });
  expect(gap).toBeGreaterThanOrEqual(0);
  await page.getByLabel("Name").fill("Katherine Johnson");
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Katherine Johnson" })).toBeVisible();
});
