// End-to-end: the viewer is a page for its recipient (issue 20, items 7
// and 2). A share link, an opened file and the student's own Preview show
// the portfolio alone: the student's name first, a slim read-only bar with
// Print, none of the app's header, navigation, banners or footer; the
// file picker keeps the app's shell. No view scrolls sideways at 360 px,
// light or dark, with a very long profile link, deliverable link, name
// and e-mail address.
import { readFile } from "node:fs/promises";
import { expect, fixture, openWithStored, test } from "./helpers.mjs";

const NAME = "Ada Konstantinopoulou-Montgomery Student";
const LINKEDIN = `https://www.linkedin.com/in/ada-konstantinopoulou-montgomery-student-${"x".repeat(140)}`;
const DELIVERABLE = `https://example.org/decks/market-sizing-${"0123456789abcdef".repeat(10)}.pdf`;
const EMAIL = "ada.konstantinopoulou.montgomery.student@state-university.example.edu";

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The fixture with a long name, e-mail, profile link and deliverable link. */
async function longDoc() {
  const doc = await fixture();
  doc.profile.name = NAME;
  doc.profile.email = EMAIL;
  doc.profile.linkedin_url = LINKEDIN;
  doc.entries[0].deliverables[0].link = DELIVERABLE;
  return doc;
}

async function openShare(page, viewport, colorScheme) {
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  await openWithStored(page, await longDoc(), "#/portfolio/share");
  await expect(page.getByRole("heading", { level: 1, name: "Share your portfolio" })).toBeVisible();
}

/** The page is as wide as the window: nothing scrolls sideways. */
async function expectNoSideways(page, what) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `${what}: scrollWidth ${scroll} within innerWidth ${inner}`).toBeLessThanOrEqual(inner);
}

/** A shared portfolio shown as its recipient's page. */
async function expectRecipientPage(page, viewport, what) {
  const name = page.getByRole("heading", { level: 1, name: NAME });
  await expect(name).toBeVisible();
  const bar = page.getByRole("complementary", { name: "About this shared portfolio" });
  await expect(bar).toContainText("read-only", { ignoreCase: true });
  await expect(bar.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toHaveCount(0);
  await expect(page.getByLabel("Theme")).toHaveCount(0);
  await expect(page.locator(".app-header, .app-footer")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Sample data" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: LINKEDIN })).toBeVisible();
  await expect(page.getByRole("link", { name: DELIVERABLE })).toBeVisible();
  // The name is on the first screen.
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await name.boundingBox();
  expect(box.y, `${what}: the name's top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: the name's bottom within the first screen`).toBeLessThanOrEqual(viewport.height);
  await expectNoSideways(page, what);
}

for (const [size, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
  for (const colorScheme of ["light", "dark"]) {
    const at = `${viewport.width}×${viewport.height}, ${colorScheme}`;

    test(`a share link opens as the recipient's page, the name first and nothing sideways (${at})`, async ({ page, newContext }) => {
      await openShare(page, viewport, colorScheme);
      await page.getByRole("button", { name: "Make a share link" }).click();
      const link = await page.getByLabel("Share link").inputValue();

      const fresh = await newContext({ viewport, colorScheme });
      const viewer = await fresh.newPage();
      await viewer.goto(link);
      await expectRecipientPage(viewer, viewport, `share link (${at})`);
      const bar = viewer.getByRole("complementary", { name: "About this shared portfolio" });
      await expect(bar).toContainText(`Read-only portfolio of ${NAME}, shared with Microfolio from a share link`);
      await expect(bar.getByRole("button", { name: "Close and open another" })).toBeVisible();
      await expect(bar.getByRole("link", { name: "Go to my Microfolio" })).toBeVisible();
      await viewer.screenshot({ path: `test-results/viewer-link-${size}-${colorScheme}.png` });
      await viewer.screenshot({ path: `test-results/viewer-link-${size}-${colorScheme}-full.png`, fullPage: true });
      // The shortcuts are the app's: not on the recipient's page.
      await viewer.locator("body").press("n");
      await expect(viewer.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
      // Back in the viewer's own Microfolio, the app's shell is there.
      await bar.getByRole("link", { name: "Go to my Microfolio" }).click();
      await expect(viewer.getByRole("navigation")).toHaveCount(1);
      await expect(viewer.getByRole("button", { name: "Keyboard shortcuts" })).toBeVisible();
    });

    test(`an opened file and the Preview are the recipient's page; the file picker keeps the app (${at})`, async ({ page, newContext }) => {
      await openShare(page, viewport, colorScheme);
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download share file" }).click();
      const text = await readFile(await (await download).path(), "utf8");

      // The student's own Preview, with its way back.
      await page.getByRole("button", { name: "Preview what they will see" }).click();
      await expectRecipientPage(page, viewport, `preview (${at})`);
      await expect(page.getByRole("complementary", { name: "About this shared portfolio" })).toContainText("Preview of your share, as a recipient sees it: read-only.");
      await page.screenshot({ path: `test-results/viewer-preview-${size}-${colorScheme}.png` });
      await page.getByRole("link", { name: "Back to sharing" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Share your portfolio" })).toBeVisible();
      await expect(page.getByRole("navigation")).toHaveCount(1);
      await expectNoSideways(page, `share page (${at})`);

      // A file opened in another browser: the picker is part of the app.
      const fresh = await newContext({ viewport, colorScheme });
      const viewer = await fresh.newPage();
      await viewer.goto("#/shared");
      await expect(viewer.getByRole("heading", { level: 1, name: "Open a shared portfolio" })).toBeVisible();
      await expect(viewer.getByRole("navigation")).toHaveCount(1);
      await expect(viewer.getByRole("button", { name: "Keyboard shortcuts" })).toBeVisible();
      await viewer.getByLabel("Shared portfolio file").setInputFiles({ name: "ada.json", mimeType: "application/json", buffer: Buffer.from(text) });
      await expectRecipientPage(viewer, viewport, `opened file (${at})`);
      await expect(viewer.getByRole("complementary", { name: "About this shared portfolio" })).toContainText("shared with Microfolio from the file “ada.json”");
      await viewer.getByRole("button", { name: "Close and open another" }).click();
      await expect(viewer.getByRole("heading", { level: 1, name: "Open a shared portfolio" })).toBeVisible();
      await expect(viewer.getByRole("navigation")).toHaveCount(1);
    });
  }
}

for (const colorScheme of ["light", "dark"]) {
  test(`the printable portfolio and the Share page do not scroll sideways at 360 px (${colorScheme})`, async ({ page }) => {
    await openShare(page, PHONE, colorScheme);
    await expect(page.getByLabel(`My e-mail address (${EMAIL})`)).toBeVisible();
    await expectNoSideways(page, `share page (${colorScheme})`);
    await page.getByRole("button", { name: "Make a share link" }).click();
    await expect(page.getByLabel("Share link")).toBeVisible();
    await expectNoSideways(page, `share page with its link (${colorScheme})`);
    await page.goto("#/portfolio/print");
    await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
    await expect(page.getByRole("link", { name: LINKEDIN })).toBeVisible();
    await expect(page.getByRole("link", { name: DELIVERABLE })).toBeVisible();
    await expectNoSideways(page, `printable portfolio (${colorScheme})`);
    await page.screenshot({ path: `test-results/print-phone-${colorScheme}.png`, fullPage: true });
  });
}
