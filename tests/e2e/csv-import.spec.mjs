// End-to-end: importing applications from a spreadsheet's CSV. A Google
// Sheets export (comma, US dates, unknown status words), an Excel file
// (byte-order mark, semicolons, day-first dates, a likely duplicate), and
// the app's own CSV export read back into an empty browser. Broken files
// are refused with a clear message and the data untouched; Undo import
// brings the data back as it was.
import { readFile } from "node:fs/promises";
import { expect, fixture, inDays, openApp, openWithStored, readDocument, readStored, settled, storedDoc, test } from "./helpers.mjs";

const asFile = (name, text, mimeType = "text/csv") => ({ name, mimeType, buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

/** "YYYY-MM-DD" as a US spreadsheet writes it: "11/3/2026". */
const us = (iso) => { const [y, m, d] = iso.split("-").map(Number); return `${m}/${d}/${y}`; };
/** "YYYY-MM-DD" as a German Excel writes it: "03.11.2026". */
const dotted = (iso) => iso.split("-").reverse().join(".");

/**
 * The document without the bookkeeping that saving itself changes, its
 * timestamps in one spelling ("…:00Z" as the app writes them, "…:00.000Z"
 * as the fixture is stored).
 */
const content = (d) => {
  const c = JSON.parse(JSON.stringify(d), (_, v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) ? new Date(v).toISOString() : v));
  delete c.revision;
  delete c.updated;
  // The stored fixture is schema 3; what Undo puts back went through the
  // migration to 4 when the app opened it (start-up writes nothing), which
  // adds only empty feedback requests.
  delete c.schema_version;
  for (const e of c.entries ?? []) if (Array.isArray(e.feedback_requests) && e.feedback_requests.length === 0) delete e.feedback_requests;
  return c;
};

const section = (page) => page.getByRole("region", { name: "CSV import" });

async function choose(page, name, text) {
  await page.goto("#/data");
  await page.getByLabel("CSV file").setInputFiles(asFile(name, text));
  await expect(section(page)).toBeVisible();
}

test("a Google Sheets export: columns proposed, unknown statuses mapped, problems left out", { tag: "@dates" }, async ({ page }) => {
  await openApp(page, "#/data");
  const csv = [
    "Company,Position,Status,Date Applied,Job Link,Where found,Notes",
    `Acme Analytics,Data intern,Phone screen,${us(inDays(-20))},acme.example/jobs/1,LinkedIn,"Met at the fair,\nfollow up in a week"`,
    `Borealis,Research assistant,No response,${us(inDays(-40))},,Handshake,`,
    `Cobalt,Survey design,Maybe later,,,,=HYPERLINK("http://x")`,
    `Dunmore,,Applied,${us(inDays(-3))},,,`,
  ].join("\r\n");
  await choose(page, "sheets.csv", csv);
  const region = section(page);
  await expect(region.getByRole("heading", { name: "“sheets.csv”: 4 rows, 7 columns (comma-separated)" })).toBeVisible();
  // Proposed from the headers, with values shown under each.
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("organization");
  await expect(page.getByLabel("Position")).toHaveValue("role");
  await expect(page.getByLabel("Job Link")).toHaveValue("posting-url");
  await expect(page.getByLabel("Where found")).toHaveValue("source");
  await expect(region.getByText("e.g. Acme Analytics · Borealis · Cobalt")).toBeVisible();
  await page.getByLabel("Month first (US): 03/04/2026 is March 4").check();
  // Cobalt's status is unknown until the student maps it.
  const preview = region.getByRole("group", { name: "What the import will do" });
  await expect(preview).toContainText("2 applications will be added.");
  await expect(preview).toContainText("Row 4, Status: “Maybe later”. Choose a stage for “Maybe later” above.");
  await page.getByLabel("Stage for “Maybe later” (1 row)").selectOption("Saved");
  await expect(preview).toContainText("3 applications will be added.");
  await expect(preview).toContainText("Row 5, Position: (empty). Enter the role or project title.");
  await expect(preview).toContainText("Cells that look like formulas");
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 3 applications from “sheets.csv”. 1 row left out." })).toBeVisible();

  const apps = (await storedDoc(page)).applications;
  expect(apps.map((a) => [a.organization, a.role, a.history.at(-1).stage])).toEqual([
    ["Acme Analytics", "Data intern", "interviewing"],
    ["Borealis", "Research assistant", "ghosted"],
    ["Cobalt", "Survey design", "saved"],
  ]);
  expect(apps[0].date_applied).toBe(inDays(-20));
  expect(apps[0].history).toEqual([{ stage: "applied", date: inDays(-20) }, { stage: "interviewing", date: inDays(-20) }]);
  expect(apps[0].posting_url).toBe("https://acme.example/jobs/1");
  expect(apps[0].notes).toBe("Met at the fair,\nfollow up in a week");
  expect(apps[2].notes).toBe('=HYPERLINK("http://x")');
  // Shown in the tracker.
  await page.goto("#/applications");
  await expect(page.getByRole("link", { name: /Data intern/ }).first()).toBeVisible();
});

test("an Excel file: byte-order mark, semicolons, day-first dates; a likely duplicate skipped unless ticked", { tag: "@dates" }, async ({ page }) => {
  await openWithStored(page, await fixture());
  const before = await storedDoc(page);
  const csv = "\u{feff}" + [
    "Organisation;Job title;Stage;Applied;Deadline;Salary",
    `Acme Analytics;Market sizing research (micro-internship);Offer;${dotted(inDays(-30))};;`,
    `Zeller GmbH;Werkstudent Marketing;Interview;${dotted(inDays(-10))};${dotted(inDays(5))};1.250,50 EUR`,
    `Ystad AB;Data clean-up;;${dotted(inDays(-2))};;€400`,
  ].join("\r\n");
  await choose(page, "excel.csv", csv);
  const region = section(page);
  await expect(region.getByRole("heading", { name: /semicolon-separated/ })).toBeVisible();
  await expect(page.getByLabel("Organisation")).toHaveValue("organization");
  await expect(page.getByLabel("Salary")).toHaveValue("fee");
  const preview = region.getByRole("group", { name: "What the import will do" });
  await expect(preview).toContainText("2 applications will be added.");
  const duplicate = page.getByLabel("Add row 2 anyway: Acme Analytics — Market sizing research (micro-internship)");
  await expect(duplicate).not.toBeChecked();
  await duplicate.check();
  await expect(preview).toContainText("3 applications will be added.");
  await duplicate.uncheck();
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported 2 applications from “excel.csv”. 1 row left out.")).toBeVisible();
  const apps = (await storedDoc(page)).applications;
  expect(apps).toHaveLength(4);
  const [zeller, ystad] = apps.slice(2);
  expect([zeller.date_applied, zeller.deadline, zeller.history.at(-1).stage]).toEqual([inDays(-10), inDays(5), "interviewing"]);
  expect(zeller.fee).toEqual({ cents: 125050, currency: "EUR" });
  expect([ystad.history, ystad.fee]).toEqual([[{ stage: "applied", date: inDays(-2) }], { cents: 40000, currency: "EUR" }]);

  // Undo import, even after a reload (the copy is kept in storage).
  await page.reload();
  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByText("Import undone: your data is back as it was before.")).toBeVisible();
  expect(content(await storedDoc(page))).toEqual(content(before));
});

test("the app's own CSV export imported into an empty browser gives the same applications; Undo import", { tag: "@dates" }, async ({ page }) => {
  const doc = await fixture();
  doc.applications[0].notes = 'Ask about "scope", budget\nand timing';
  doc.applications[1].organization = '=HYPERLINK("http://x")';
  await openWithStored(page, doc, "#/data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download applications (CSV)" }).click();
  const text = await readFile(await (await download).path(), "utf8");

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles(asFile("microfolio-applications.csv", text));
  const preview = section(page).getByRole("group", { name: "What the import will do" });
  await expect(preview).toContainText("2 applications will be added.");
  await expect(page.getByLabel("Created")).toHaveValue("ignore");
  await preview.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/^Imported 2 applications/)).toBeVisible();

  const apps = (await storedDoc(page)).applications;
  const contactName = (id) => doc.contacts.find((c) => c.meta.id === id).name;
  doc.applications.forEach((before, i) => {
    const { meta, history, contacts, notes, ...fields } = before;
    const after = apps[i];
    expect(after).toMatchObject(fields);
    expect(after.history.at(-1).stage).toBe(history.at(-1).stage);
    // No contacts in an empty browser: their names are kept in the notes.
    expect(after.notes).toBe([notes, ...contacts.map((id) => `Contact: ${contactName(id)}`)].filter(Boolean).join("\n\n"));
  });

  await page.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByText("Import undone: your data is back as it was before.")).toBeVisible();
  expect((await storedDoc(page)).applications).toEqual([]);
});

for (const [what, name, body, message] of [
  ["empty", "empty.csv", "", "“empty.csv” cannot be imported. The file is empty."],
  ["a JSON backup", "backup.csv", '{"format":"microfolio"}', "It is a JSON file, not a CSV file."],
  ["an Excel workbook", "book.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), "It is an Excel workbook, not a CSV file."],
  ["without a known column", "colours.csv", "Colour,Size\nred,9\n", "None of its column headers is one the app knows"],
  ["over the size cap", "huge.csv", Buffer.alloc(2 * 1024 * 1024 + 1, "a"), "“huge.csv” is 2.0 MiB (2,097,153 bytes), 1 byte over the limit of 2.0 MiB (2,097,152 bytes)"],
]) {
  test(`a file that is ${what} is refused with its reason, and nothing changes`, async ({ page }) => {
    await openWithStored(page, await fixture(), "#/data");
    await settled(page);
    const stored = await readStored(page);
    const before = await readDocument(page);
    await page.getByLabel("CSV file").setInputFiles(asFile(name, body));
    const alert = page.getByRole("alert");
    await expect(alert).toContainText(message);
    await expect(alert).toContainText("Nothing was changed.");
    await expect(section(page)).toHaveCount(0);
    await settled(page);
    expect(await readStored(page)).toBe(stored);
    expect(await readDocument(page)).toEqual(before);
  });
}

test("a CSV file dropped on the section opens its mapping; a broken one dropped is refused", async ({ page }) => {
  await openApp(page, "#/data");
  const zone = page.getByRole("region", { name: "Import applications from a spreadsheet" });
  const drop = async (name, body) => {
    const dt = await page.evaluateHandle(([n, b]) => {
      const t = new DataTransfer();
      t.items.add(new File([b], n, { type: "text/csv" }));
      return t;
    }, [name, body]);
    await zone.dispatchEvent("drop", { dataTransfer: dt });
  };
  await drop("dropped.csv", "Employer\tTitle\tStage\nAcme\tAnalyst\tOffer\n");
  await expect(section(page).getByRole("heading", { name: "“dropped.csv”: 1 row, 3 columns (tab-separated)" })).toBeVisible();
  await drop("notes.csv", "just some text\nwith no columns\n");
  await expect(page.getByRole("alert")).toContainText("“notes.csv” cannot be imported. None of its column headers is one the app knows");
});
