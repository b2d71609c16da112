// End-to-end: exports for other tools, each read back by an independent
// parser: JSON Resume validated against the official JSON Schema
// (@jsonresume/schema), the calendar parsed by ical.js, the CSV by
// csv-parse.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import ICAL from "ical.js";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, fixture, openApp, shifted, storageKey, test } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const resumeSchema = require("@jsonresume/schema/schema.json");

async function loadFixture(page) {
  const doc = await fixture();
  // A follow-up and a quote-and-comma note, to exercise both formats.
  doc.applications[0].next_follow_up = shifted("2026-12-01");
  doc.applications[0].notes = 'Ask about "scope", budget\nand timing';
  doc.applications[1].organization = "=HYPERLINK(\"http://x\")";
  await openApp(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), JSON.stringify(doc)]);
  await page.reload();
  await page.goto("#/data");
  return doc;
}

async function downloadText(page, button) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("the JSON Resume export validates against the official schema", { tag: "@dates" }, async ({ page }) => {
  await loadFixture(page);
  const { name, text } = await downloadText(page, "Download JSON Resume");
  expect(name).toMatch(/^resume-\d{4}-\d{2}-\d{2}\.json$/);
  const resume = JSON.parse(text);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(resumeSchema);
  expect(validate(resume), JSON.stringify(validate.errors)).toBe(true);
  expect(resume.basics.name).toBe("Ada Student");
  expect(resume.basics.profiles).toEqual([{ network: "LinkedIn", url: "https://www.linkedin.com/in/ada-student" }]);
  // Public entries only, as micro-internships, with skills and deliverables.
  expect(resume.projects).toHaveLength(1);
  expect(resume.projects[0]).toMatchObject({
    name: "Market sizing deck for a fintech start-up",
    entity: "Acme Analytics",
    type: "micro-internship",
    roles: ["Research analyst (micro-intern)"],
    keywords: ["Excel", "Market research"],
    startDate: shifted("2026-11-03"),
    endDate: shifted("2026-11-14"),
  });
  expect(resume.projects[0].highlights[0]).toBe("Market sizing deck: 10 slides: TAM, SAM, SOM with sources");
  expect(resume.skills).toContainEqual({ name: "Excel", level: "Competent", keywords: ["Tool"] });
  expect(resume.references).toEqual([{ name: "Grace Okafor, Acme Analytics", reference: "Clear, well-sourced and on time." }]);
  expect(text).not.toContain("Inventory clean-up");
});

test("the calendar export parses with an independent ICS parser", { tag: "@dates" }, async ({ page }) => {
  await loadFixture(page);
  const { name, text } = await downloadText(page, "Download calendar (ICS)");
  expect(name).toMatch(/\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const summaries = events.map((e) => `${e.startDate.toString()} ${e.summary}`);
  expect(summaries).toEqual([
    `${shifted("2026-10-27")} Interviewing: Acme Analytics — Market sizing research (micro-internship)`,
    `${shifted("2026-11-28")} Application deadline: =HYPERLINK("http://x") — Donor database clean-up`,
    `${shifted("2026-12-01")} Follow up: Acme Analytics — Market sizing research (micro-internship)`,
  ]);
  const followUp = events.find((e) => e.summary.startsWith("Follow up"));
  expect(followUp.description).toBe('Ask about "scope", budget\nand timing');
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
});

test("the applications CSV reads back row for row", async ({ page }) => {
  await loadFixture(page);
  const { text } = await downloadText(page, "Download applications (CSV)");
  const rows = parseCsv(text, { bom: true, columns: true });
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({
    Organization: "Acme Analytics",
    Stage: "Accepted / In progress",
    "Fixed fee": "500.00",
    Currency: "USD",
    "Required skills": "Excel; Market research",
    Contacts: "Grace Okafor",
    Notes: 'Ask about "scope", budget\nand timing',
  });
  // A spreadsheet formula in the data is defused, not run.
  expect(rows[1].Organization).toBe("'=HYPERLINK(\"http://x\")");
});
