// End-to-end: sending one's data to another device in an encrypted link.
// A link made in one browser opens in a fresh one with the passphrase and
// everything arrives (then Undo import puts the fresh data back); a wrong
// passphrase, one changed character, a cut link and an oversized link are
// refused with the data untouched; no request leaves the origin; the
// passphrase is in no storage and not in the link.
import { ORIGIN, SUBPATH, copies, expect, fixture, openApp, openWithStored, readDocument, storedParts, test, watch } from "./helpers.mjs";

const SLOW = { timeout: 30_000 }; // PBKDF2 with 600,000 rounds is real CPU time.

/** Makes a transfer link on the Data view with `passphrase` (or the proposed one); returns both. */
async function makeLink(page, passphrase) {
  await page.goto("#/data");
  const field = page.getByLabel("Passphrase for the link");
  if (passphrase !== undefined) await field.fill(passphrase);
  const secret = await field.inputValue();
  await page.getByRole("button", { name: "Make the link" }).click();
  const link = page.getByRole("textbox", { name: "Transfer link" });
  await expect(link).toHaveValue(/#\/transfer\/[A-Za-z0-9_-]+$/, SLOW);
  return { secret, link: await link.inputValue() };
}

/** Every value the origin keeps in localStorage, sessionStorage, cookies and IndexedDB's names, as one text. */
const everythingStored = (page) =>
  page.evaluate(async () => {
    const all = (s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join("\n");
    const dbs = (await indexedDB.databases()).map((d) => d.name).join("\n");
    return [all(localStorage), all(sessionStorage), document.cookie, dbs].join("\n");
  });

const ids = (records) => records.map((r) => r.id).sort();

test("a link made in one browser opens in a fresh one with the passphrase, and everything arrives", async ({ page, newContext }) => {
  const doc = await fixture();
  const requests = watch(page);
  await openWithStored(page, doc);
  const { secret, link } = await makeLink(page);
  // A proposal: six words from the list, strong enough as it is.
  expect(secret).toMatch(/^[a-z]+( [a-z]+){5}$/);
  expect(link.startsWith(`${ORIGIN}${SUBPATH}#/transfer/`)).toBe(true);
  await expect(page.getByText(`The link is ${link.length} characters long`)).toBeVisible();

  const other = await newContext();
  const fresh = await other.newPage();
  const freshRequests = watch(fresh);
  await fresh.goto(link);
  await expect(fresh.getByRole("heading", { name: "Data from your other device" })).toBeVisible();
  await fresh.getByLabel("The link’s passphrase").fill(secret);
  await fresh.getByRole("button", { name: "Unlock" }).click();
  const preview = fresh.getByRole("region", { name: "Import preview" });
  await expect(preview).toContainText(`applications: ${doc.applications.length} in the file — ${doc.applications.length} new`, SLOW);
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(fresh.getByRole("status").filter({ hasText: /^Merged the data from the link: \d+ records added/ })).toBeVisible();

  await expect.poll(async () => (await readDocument(fresh))?.applications.length).toBe(doc.applications.length);
  const stored = await readDocument(fresh);
  for (const kind of ["applications", "contacts", "entries", "skills"]) expect(ids(stored[kind]), kind).toEqual(ids(doc[kind]));
  expect(stored.entries.map((e) => e.title).sort()).toEqual(doc.entries.map((e) => e.title).sort());
  expect(stored.profile.name).toBe(doc.profile.name);

  // The passphrase is in no storage, on either side, and was never in a URL.
  for (const p of [page, fresh]) expect(await everythingStored(p)).not.toContain(secret);
  for (const url of [...requests, ...freshRequests]) {
    expect(url.startsWith(ORIGIN + "/"), url).toBe(true);
    expect(decodeURIComponent(url)).not.toContain(secret);
  }

  // Undo import: the fresh browser's data is as it was, empty.
  await fresh.getByRole("button", { name: "Undo import" }).click();
  await expect(fresh.getByText("Import undone: your data is back as it was before.")).toBeVisible();
  await expect.poll(async () => (await readDocument(fresh))?.applications.length ?? 0).toBe(0);
});

test("a short link is also shown as a QR code; a weak passphrase is refused before any link is made", async ({ page }) => {
  await openApp(page, "#/data");
  const field = page.getByLabel("Passphrase for the link");
  const proposed = await field.inputValue();
  await page.getByRole("button", { name: "New words" }).click();
  await expect(field).not.toHaveValue(proposed);
  await field.fill("password");
  await expect(page.getByRole("alert")).toContainText("This passphrase is too easy to guess.");
  await expect(page.getByRole("button", { name: "Make the link" })).toBeDisabled();

  // An empty document's link is short: it fits in a QR code.
  const { link } = await makeLink(page, "My dog Rex, 2019!");
  expect(link.length).toBeLessThan(2953);
  await expect(page.getByRole("img", { name: "QR code of the transfer link" })).toBeVisible();
  // Changing the passphrase takes the old link away.
  await field.fill("My dog Rex, 2020!");
  await expect(page.getByRole("textbox", { name: "Transfer link" })).toHaveCount(0);
});

test("a wrong passphrase, one changed character, a cut link and an oversized link are refused, the data untouched", async ({ page, newContext }) => {
  // Sixty applications more: a link too long for a QR code.
  const doc = await fixture();
  doc.applications.push(
    ...copies(doc.applications[0], 60, (i) => ({
      meta: { id: `b1b2c3d4-e5f6-4a7b-8c9d-${String(i).padStart(12, "0")}` },
      organization: `Bulk Org ${i}`,
      notes: `Notes that differ: ${i * 7919}`,
      contacts: [],
    })),
  );
  await openWithStored(page, doc);
  const { secret, link } = await makeLink(page, "correct horse battery staple");
  expect(link.length).toBeGreaterThan(2953);
  await expect(page.getByText("Too long for a QR code")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code of the transfer link" })).toHaveCount(0);

  // The receiving browser has data of its own.
  const theirs = await fixture();
  theirs.profile.name = "Someone Else";
  theirs.applications = theirs.applications.slice(0, 1);
  const other = await newContext();
  const there = await other.newPage();
  await openWithStored(there, theirs, "#/data");
  await expect(there.getByRole("heading", { level: 1 })).toBeVisible();
  const before = await storedParts(there);
  expect(before.head).not.toBeNull();

  const tryLink = async (url, passphrase) => {
    await there.goto(url);
    await there.reload();
    await expect(there.getByRole("heading", { name: "Data from your other device" })).toBeVisible();
    if (passphrase !== undefined) {
      await there.getByLabel("The link’s passphrase").fill(passphrase);
      await there.getByRole("button", { name: "Unlock" }).click();
    }
    const alert = there.getByRole("alert");
    await expect(alert).toBeVisible(SLOW);
    await expect(there.getByRole("region", { name: "Import preview" })).toHaveCount(0);
    return alert;
  };

  await expect(await tryLink(link, "correct horse battery stapler")).toContainText("The passphrase is wrong, or the link was changed");
  // One character of the ciphertext changed, to another base64url character.
  const at = link.length - 40;
  const changed = link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
  await expect(await tryLink(changed, secret)).toContainText("The passphrase is wrong, or the link was changed");
  // Cut short, or not base64url: refused before any passphrase is asked.
  await expect(await tryLink(link.slice(0, link.indexOf("#/transfer/") + 30))).toContainText("This transfer link is damaged");
  await expect(there.getByLabel("The link’s passphrase")).toHaveCount(0);
  // Longer than any link the app makes or opens.
  const huge = `${link.slice(0, link.indexOf("#/transfer/"))}#/transfer/${"A".repeat(1_000_001)}`;
  await expect(await tryLink(huge)).toContainText("This transfer link is too long (1000001 characters");

  expect(await storedParts(there)).toEqual(before);
  expect(await everythingStored(there)).not.toContain(secret);
  expect((await readDocument(there)).profile.name).toBe("Someone Else");
});

const SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("the Data view says where data is at risk: no file API, and Safari outside a home-screen app", async ({ page, newContext }) => {
  // Chromium on a computer: a synced file works, nothing to warn about.
  await openApp(page, "#/data");
  await expect(page.getByRole("heading", { name: "Keep a synced copy in a file" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Keeping your data in this browser" })).toHaveCount(0);

  const noFileApi = await newContext();
  await noFileApi.addInitScript(() => {
    delete window.showSaveFilePicker;
    delete window.showOpenFilePicker;
  });
  const plain = await noFileApi.newPage();
  await openApp(plain, "#/data");
  const risk = plain.getByRole("region", { name: "Keeping your data in this browser" });
  await expect(risk).toContainText("This browser cannot keep a synced copy in a file");
  await expect(risk).toContainText("a transfer link to send your data to another device, and backup files");
  await expect(risk).not.toContainText("Safari");
  await expect(plain.getByRole("heading", { name: "Keep a synced copy in a file" })).toHaveCount(0);

  const safari = await newContext({ userAgent: SAFARI });
  const phone = await safari.newPage();
  await openApp(phone, "#/data");
  await expect(phone.getByRole("region", { name: "Keeping your data in this browser" })).toContainText(
    "Safari removes a site's data when the site has not been used for 7 days",
  );

  const installed = await newContext({ userAgent: SAFARI });
  await installed.addInitScript(() => Object.defineProperty(navigator, "standalone", { value: true }));
  const home = await installed.newPage();
  await openApp(home, "#/data");
  await expect(home.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();
  await expect(home.getByText("Safari removes a site's data")).toHaveCount(0);
});
