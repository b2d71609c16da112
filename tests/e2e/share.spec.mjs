// End-to-end: sharing a portfolio. The share file leaves out what the
// student did not tick in; a share link opens in a fresh browser, read-only,
// without touching that browser's storage; files open by picker and by drag
// and drop; broken, damaged and hostile shares are refused or shown as text.
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { HOSTILE, ORIGIN, expect, openApp, openWithStored, poison, storageKey, test, watch } from "./helpers.mjs";

const fixture = async () => JSON.parse(await readFile(new URL("../fixtures/v3.json", import.meta.url), "utf8"));

async function loadFixture(page) {
  await openWithStored(page, await fixture());
  await page.goto("#/portfolio/share");
  await expect(page.getByRole("heading", { level: 1, name: "Share your portfolio" })).toBeVisible();
}

async function downloadShare(page, within = page) {
  const download = page.waitForEvent("download");
  await within.getByRole("button", { name: "Download share file" }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

/** A link to `share` as the app makes them (raw DEFLATE, base64url). */
const linkTo = (share) => `#/shared/${deflateRawSync(Buffer.from(JSON.stringify(share))).toString("base64url")}`;

test("the share file holds the public portfolio and leaves out what is not ticked in", async ({ page }) => {
  await loadFixture(page);
  await expect(page.getByLabel("Private entries (1)")).not.toBeChecked();
  await expect(page.getByLabel("Fees and payment status (1 left out)")).not.toBeChecked();
  await expect(page.getByLabel("My e-mail address (ada@state.example.edu)")).toBeChecked();

  const { name, text } = await downloadShare(page);
  expect(name).toMatch(/^microfolio-portfolio-ada-student-\d{4}-\d{2}-\d{2}\.json$/);
  const share = JSON.parse(text);
  expect(share.format).toBe("microfolio-portfolio");
  expect(share.entries.map((e) => e.title)).toEqual(["Market sizing deck for a fintech start-up"]);
  expect(share.entries[0].feedback.quote).toBe("Clear, well-sourced and on time.");
  expect(share.people).toEqual([expect.objectContaining({ name: "Grace Okafor", email: "", phone: "", notes: "" })]);
  for (const secret of ["Inventory clean-up", "50000", "grace@acme.example", "555 010", "Project lead", "Learned TAM", "Write production SQL", "not_invoiced"]) {
    expect(text, secret).not.toContain(secret);
  }

  await page.getByLabel(/Fees and payment status/).check();
  await page.getByLabel(/Supervisors’ e-mail and phone/).check();
  await page.getByLabel("My e-mail address (ada@state.example.edu)").uncheck();
  const more = JSON.parse((await downloadShare(page)).text);
  expect(more.entries[0].fee).toEqual({ cents: 50000, currency: "USD" });
  expect(more.people[0]).toMatchObject({ email: "grace@acme.example", phone: "+1 555 010 0199", notes: "" });
  expect(more.profile.email).toBe("");
  expect(more.entries).toHaveLength(1);
});

// Regression (issue 19, C): the Share page said learning objectives are
// "never shared" while the viewer and the printable portfolio showed
// "Objectives met: …". Redaction: an entry's objectives met or partly met
// are shared and shown, and the page says so; the profile's learning
// objectives and objectives not met are never in the file.
test("the Share page and the share agree on objectives: met ones are shown, the profile's learning objectives and unmet ones never", async ({ page }) => {
  const doc = await fixture();
  doc.entries[0].objectives.push({ text: "Never-shown unmet objective", outcome: "not_met" }, { text: "Never-shown open objective", outcome: "not_yet" });
  await openWithStored(page, doc, "#/portfolio/share");
  await expect(page.getByText("Each entry shows the objectives you met or partly met, as “Objectives met”.")).toBeVisible();
  await expect(page.getByText("your profile’s learning objectives, objectives not met or not reflected on yet")).toBeVisible();
  const { text } = await downloadShare(page);
  const share = JSON.parse(text);
  expect(share.entries[0].objectives.map((o) => o.text)).toEqual(["Size a market from public data", "Present to a client"]);
  for (const secret of ["Never-shown", "Write production SQL", "Present findings to a client"]) expect(text, secret).not.toContain(secret);

  await page.getByRole("button", { name: "Preview what they will see" }).click();
  await expect(page.getByText("Objectives met: Size a market from public data; Present to a client (partly)")).toBeVisible();
  await expect(page.getByText(/Never-shown|Write production SQL/)).toHaveCount(0);
  await page.goto("#/portfolio/print");
  await expect(page.getByText("Objectives met: Size a market from public data; Present to a client (partly)")).toBeVisible();
  await expect(page.getByText(/Never-shown|Write production SQL/)).toHaveCount(0);
});

test("a share link opens read-only in a fresh browser whose own storage stays untouched", async ({ page, newContext }) => {
  await loadFixture(page);
  await page.getByRole("button", { name: "Make a share link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link.startsWith(`${ORIGIN}/career-center/microfolio/#/shared/`)).toBe(true);

  const fresh = await newContext();
  const viewer = await fresh.newPage();
  const requests = watch(viewer);
  await viewer.goto(link);
  const bar = viewer.getByRole("complementary", { name: "About this shared portfolio" });
  await expect(bar).toContainText("Read-only portfolio of Ada Student, shared with Microfolio from a share link");
  await expect(viewer.getByRole("heading", { level: 1, name: "Ada Student" })).toBeVisible();
  await expect(viewer.getByRole("heading", { level: 3, name: "Market sizing deck for a fintech start-up" })).toBeVisible();
  await expect(viewer.getByText("“Clear, well-sourced and on time.”")).toBeVisible();
  await expect(viewer.getByText("Inventory clean-up")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  // Read-only: nothing to edit, and the viewer's own storage is empty.
  await expect(viewer.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await viewer.waitForTimeout(600);
  expect(await viewer.evaluate(() => localStorage.length)).toBe(0);
  // The viewer's own (empty) data is still theirs.
  await viewer.getByRole("link", { name: "Go to my Microfolio" }).click();
  await viewer.getByRole("link", { name: "Portfolio", exact: true }).click();
  await expect(viewer.getByText("Market sizing deck")).toHaveCount(0);
  expect(await viewer.evaluate(() => localStorage.length)).toBe(0);
  for (const url of requests) expect(new URL(url).origin).toBe(ORIGIN);
});

test("a shared file opens by picker and by drag and drop; backups and broken files are refused", async ({ page }) => {
  await loadFixture(page);
  const { text } = await downloadShare(page);
  await page.goto("#/data");
  await page.getByRole("link", { name: "Open a shared portfolio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open a shared portfolio" })).toBeVisible();
  const before = await page.evaluate((k) => localStorage.getItem(k), storageKey());

  await page.getByLabel("Shared portfolio file").setInputFiles({ name: "ada.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByText("from the file “ada.json”")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Student" })).toBeVisible();
  await page.getByRole("button", { name: "Close and open another" }).click();

  const drop = async (name, body) => {
    const dt = await page.evaluateHandle(([n, b]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([b], n, { type: "application/json" }));
      return dt;
    }, [name, body]);
    await page.getByRole("region", { name: "Choose the file" }).dispatchEvent("drop", { dataTransfer: dt });
  };
  await drop("dropped.json", text);
  await expect(page.getByText("from the file “dropped.json”")).toBeVisible();
  await page.getByRole("button", { name: "Close and open another" }).click();

  await drop("backup.json", JSON.stringify(await fixture()));
  await expect(page.getByRole("alert")).toContainText("This is a full Microfolio backup, not a shared portfolio");
  await page.getByLabel("Shared portfolio file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{"format": "microfolio-portfolio",') });
  await expect(page.getByRole("alert")).toContainText("“broken.json” cannot be shown. It is not valid JSON (line 1, column");
  expect(await page.evaluate((k) => localStorage.getItem(k), storageKey())).toBe(before);
});

test("a damaged or truncated share link says so", async ({ page }) => {
  await openApp(page, "#/shared/not*base64");
  await expect(page.getByRole("alert")).toContainText("This share link is damaged");
  const share = { format: "microfolio-portfolio" };
  const truncated = linkTo(share).slice(0, -6);
  await page.goto(truncated);
  await expect(page.getByRole("alert")).toContainText("This share link is damaged");
});

test("a portfolio too large for a link is offered as a file", async ({ page }) => {
  await loadFixture(page);
  // Unique, incompressible text: a long reflection on the public entry.
  const doc = await fixture();
  let noise = "";
  for (let i = 0; i < 1200; i++) noise += Math.random().toString(36).slice(2, 8) + " ";
  doc.entries[0].reflection = noise;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), JSON.stringify(doc)]);
  await page.reload();
  await page.getByRole("button", { name: "Make a share link" }).click();
  await expect(page.getByRole("alert")).toContainText("Your portfolio is too large for a link");
  const { text } = await downloadShare(page, page.getByRole("alert"));
  expect(JSON.parse(text).entries[0].reflection === noise).toBe(true);
});

test("a hostile shared portfolio is shown as text, and a script link in it is refused", async ({ page }) => {
  await loadFixture(page);
  const share = JSON.parse((await downloadShare(page)).text);
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(linkTo(poison(share)));
  await expect(page.getByRole("complementary", { name: "About this shared portfolio" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE);
  await expect(page.getByRole("heading", { level: 3 }).first()).toContainText(HOSTILE);
  expect(await page.locator("main img, main script").count()).toBe(0);

  share.entries[0].deliverables = [{ title: "x", description: "", link: " JaVaScRiPt:alert(1)", date: null }];
  await page.goto(linkTo(share));
  await expect(page.getByRole("alert")).toContainText("entries[0].deliverables[0].link");
  expect(await page.locator('a[href*="javascript" i]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
