// End-to-end: accessibility. axe-core (WCAG 2.0–2.2 A/AA and best
// practice) reports nothing on any view, with real data, in light and in
// dark colour schemes; also the board with a Move list open, a share
// link, the CSV import's mapping and preview, a transfer link made and
// opened, the dashboard's charts with sample data, and the shortcuts dialog.
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { deflateRawSync } from "node:zlib";
import { axeViolations as violations, expect, openApp, storageKey, test } from "./helpers.mjs";

const VIEWS = [
  "#/", "#/applications", "#/applications/a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "#/applications/new",
  "#/contacts", "#/contacts/3d0f2a51-6c7e-4b8a-9f10-1a2b3c4d5e6f", "#/portfolio",
  "#/portfolio/e0000000-0000-4000-8000-000000000001", "#/portfolio/e0000000-0000-4000-8000-000000000001/edit",
  "#/portfolio/print", "#/portfolio/share", "#/skills", "#/skills/5a1e0000-0000-4000-8000-000000000001", "#/profile",
  "#/data", "#/shared",
];

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violation on any view (${colorScheme})`, async ({ page }) => {
    // Some twenty views and several of their states, each checked by axe,
    // and a transfer link's PBKDF2: more than the default 30 s.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const doc = await readFile(new URL("../fixtures/v3.json", import.meta.url), "utf8");
    await openApp(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), doc]);
    for (const view of VIEWS) {
      await page.goto(view);
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await violations(page), `${view} (${colorScheme})`).toEqual([]);
    }
    // The board with a card's Move list open.
    await page.goto("#/applications");
    await page.getByRole("button", { name: /^Move .*…$/ }).first().click();
    await expect(page.getByRole("button", { name: /^Move .*…$/, expanded: true })).toHaveCount(1);
    expect(await violations(page), `board with a Move list open (${colorScheme})`).toEqual([]);
    // A share link, with its link field shown first, then opened.
    await page.goto("#/portfolio/share");
    await page.getByRole("button", { name: "Make a share link" }).click();
    const link = await page.getByLabel("Share link").inputValue();
    expect(await violations(page), `share link (${colorScheme})`).toEqual([]);
    await page.goto(link);
    await expect(page.getByRole("complementary", { name: "About this shared portfolio" })).toBeVisible();
    expect(await violations(page), `shared portfolio (${colorScheme})`).toEqual([]);
    // The CSV import's column mapping and preview: a date order to choose,
    // an unknown status, a row left out and a likely duplicate.
    await page.goto("#/data");
    const csv = "Company,Role,Status,Applied\nAcme Analytics,Market sizing research (micro-internship),Maybe,03/04/2026\nBeta,,Applied,\nGamma,Survey,Offer,05/06/2026\n";
    await page.getByLabel("CSV file").setInputFiles({ name: "sheet.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByLabel("Day first: 03/04/2026 is 3 April").check();
    await page.getByLabel("Stage for “Maybe” (1 row)").selectOption("Saved");
    await expect(page.getByRole("region", { name: "CSV import" })).toContainText("Likely duplicates");
    expect(await violations(page), `CSV import mapping and preview (${colorScheme})`).toEqual([]);
    // A transfer link, made, then opened (asking for its passphrase).
    await page.goto("#/data");
    await page.getByRole("button", { name: "Make the link" }).click();
    const transfer = await page.getByRole("textbox", { name: "Transfer link" }).inputValue({ timeout: 30_000 });
    expect(await violations(page), `transfer link (${colorScheme})`).toEqual([]);
    await page.goto(transfer);
    await expect(page.getByRole("heading", { name: "Data from your other device" })).toBeVisible();
    expect(await violations(page), `transfer link opened (${colorScheme})`).toEqual([]);
    // The dashboard with sample data, and the shortcuts dialog open.
    await page.evaluate(() => localStorage.clear());
    await page.goto("#/");
    await page.reload();
    await page.getByRole("button", { name: "Load sample data" }).click();
    await expect(page.getByRole("region", { name: "Sample data" })).toBeVisible();
    expect(await violations(page), `dashboard with sample data (${colorScheme})`).toEqual([]);
    await page.locator("body").press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    expect(await violations(page), `shortcuts dialog (${colorScheme})`).toEqual([]);
  });
}

// Feedback by link (issue 24): the request page, the supervisor's page,
// the student's preview of an answer and the entry showing answers, with
// the v4 fixture (an entry with an answered and an open request).
const pack = (value) => deflateRawSync(Buffer.from(JSON.stringify(value))).toString("base64url");

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violation on the feedback views (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const doc = JSON.parse(await readFile(new URL("../fixtures/v4.json", import.meta.url), "utf8"));
    const entry = doc.entries[0];
    const open = entry.feedback_requests[1];
    await openApp(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), JSON.stringify(doc)]);
    const request = {
      format: "microfolio-feedback-request", version: 1, id: open.id, key: open.key, student: "Ada Student", reply_to: "ada@state.example.edu",
      project: { title: entry.title, organization: entry.organization, start_date: entry.start_date, end_date: entry.end_date, deliverables: entry.deliverables.map((d) => d.title) },
      questions: { overall: true, competencies: ["Communication", "Teamwork"], gained: true },
    };
    // The response's fields in the order the app writes them; sealed with the request's key.
    const response = {
      format: "microfolio-feedback-response", version: 1, id: "fb000000-0000-4000-8000-0000000000f1", request: open.id, answered: entry.end_date,
      name: "Grace Okafor", title: "Head of Research", overall: 4, comment: "Good work.", competencies: [], gained: "", shareable: true, seal: "",
    };
    response.seal = createHmac("sha256", Buffer.from(open.key, "base64url")).update(JSON.stringify(response)).digest("base64url");
    for (const [view, heading] of [
      [`#/portfolio/${entry.meta.id}`, entry.title],
      [`#/portfolio/${entry.meta.id}/feedback`, "Ask for feedback"],
      [`#/feedback/${pack(request)}`, "Feedback for Ada Student"],
      [`#/answer/${pack(response)}`, "Feedback received"],
    ]) {
      await page.goto(view);
      await page.reload();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      expect(await violations(page), `${view.slice(0, 40)} (${colorScheme})`).toEqual([]);
    }
    // The request link made, and the supervisor's answer link.
    await page.goto(`#/portfolio/${entry.meta.id}/feedback`);
    await page.getByRole("button", { name: "Make the request link" }).click();
    await expect(page.getByLabel("Request link")).toBeVisible();
    expect(await violations(page), `request link (${colorScheme})`).toEqual([]);
    await page.goto(`#/feedback/${pack(request)}`);
    await page.getByLabel("Your name").fill("Grace Okafor");
    await page.getByRole("button", { name: "Make my answer link" }).click();
    await expect(page.getByLabel("Answer link")).toBeVisible();
    expect(await violations(page), `answer link (${colorScheme})`).toEqual([]);
  });
}
