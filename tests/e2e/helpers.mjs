// Shared helpers for the end-to-end tests. Every spec imports `test` and
// `expect` from here: `test` runs each page at the fixed test time (NOW)
// and fails on any console error or page exception.
import { test as base, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { ORIGIN, SUBPATH } from "./playwright.config.mjs";

export { ORIGIN, SUBPATH, expect };

// ---- time ------------------------------------------------------------------
//
// Tests never read the machine's clock. Every browser context gets
// Playwright's clock installed at NOW before any page loads (the app's
// `Date`, timers and `performance` run from there), and every date a test
// stores or expects is written relative to it. MICROFOLIO_TEST_NOW moves
// the clock: scripts/test.sh runs the date rules again years ahead.

const DAY = 86_400_000;

/** The time the tests run at (midday UTC, so the local date is the UTC one). */
export const NOW = new Date(process.env.MICROFOLIO_TEST_NOW ?? "2026-11-23T12:00:00Z");
if (Number.isNaN(NOW.getTime())) throw new Error(`MICROFOLIO_TEST_NOW is not a date: ${process.env.MICROFOLIO_TEST_NOW}`);

/** The day the fixtures' dates are written for (tests/fixtures/v3.json). */
const FIXTURE_DAY = Date.UTC(2026, 10, 23);
/** Whole days from FIXTURE_DAY to NOW's day. */
const SHIFT = Math.round((Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate()) - FIXTURE_DAY) / DAY);

const ymd = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The test's today plus `n` days, as "YYYY-MM-DD". */
export const inDays = (n) => ymd(NOW.getTime() + n * DAY);

/** The test's now plus `n` days, as an ISO timestamp. */
export const instantIn = (n) => new Date(NOW.getTime() + n * DAY).toISOString();

/**
 * A date, timestamp or month written for the fixture day ("2026-10-27",
 * "2026-11-10T08:00:00Z", "2027-05"), moved by as many days as NOW is
 * from that day: the same distance from the test's today.
 */
export function shifted(text) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return ymd(Date.parse(`${text}T00:00:00Z`) + SHIFT * DAY);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return new Date(Date.parse(text) + SHIFT * DAY).toISOString();
  if (/^\d{4}-\d{2}$/.test(text)) return ymd(Date.parse(`${text}-15T00:00:00Z`) + SHIFT * DAY).slice(0, 7);
  throw new Error(`not a date: ${text}`);
}

/** `value` with every date, timestamp and month in it `shifted`. */
export function shiftDates(value) {
  if (Array.isArray(value)) return value.map(shiftDates);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v)]));
  if (typeof value === "string" && /^\d{4}-\d{2}(-\d{2}(T[\d:.]+Z)?)?$/.test(value)) return shifted(value);
  return value;
}

/** "YYYY-MM-DD" as the app writes it: "Nov 14, 2026". */
export function longDate(text) {
  const [y, m, d] = text.split("-").map(Number);
  return `${"Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ")[m - 1]} ${d}, ${y}`;
}

/** The month of "YYYY-MM-DD" as the dashboard's charts name it: "Nov 2026". */
export const monthName = (text) => longDate(`${text.slice(0, 7)}-01`).replace(" 1,", "");

/** Milliseconds from NOW to the ISO timestamp `text` (the clock runs on from NOW). */
export const sinceNow = (text) => Date.parse(text) - NOW.getTime();

// ---- the test fixture --------------------------------------------------------

/** Console errors that are not the app's: the browser's line for the optional config.json being absent. */
const expectedError = (m) => /\/config\.json$/.test(m.location().url ?? "");

/** Installs the clock on `context` and collects its console errors and page exceptions into `errors`. */
async function prepare(context, errors, allowed) {
  await context.clock.install({ time: NOW });
  context.on("console", (m) => {
    const text = `${m.text()} ${m.location().url ?? ""}`;
    if (m.type() === "error" && !expectedError(m) && !allowed.some((re) => re.test(text))) errors.push(`console: ${m.text()}`);
  });
  context.on("weberror", (e) => errors.push(`exception: ${e.error().message}`));
}

/**
 * Playwright's `test` with the clock at NOW in every context (`context`,
 * `page`, and those made by `newContext`), failing the test on any console
 * error or page exception (a Rust panic shows as `RuntimeError: unreachable`).
 */
export const test = base.extend({
  /** Console errors a test provokes on purpose (regular expressions); the list is empty unless a test adds to it. */
  allowedConsoleErrors: async ({}, use) => {
    await use([]);
  },
  pageErrors: async ({}, use) => {
    const errors = [];
    await use(errors);
    expect(errors, "console errors and page exceptions").toEqual([]);
  },
  context: async ({ context, pageErrors, allowedConsoleErrors }, use) => {
    await prepare(context, pageErrors, allowedConsoleErrors);
    await use(context);
  },
  /** Opens a fresh browser context (another browser: empty storage), prepared the same way. */
  newContext: async ({ browser, pageErrors, allowedConsoleErrors }, use) => {
    const made = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      await prepare(context, pageErrors, allowedConsoleErrors);
      made.push(context);
      return context;
    });
    for (const c of made) await c.close();
  },
});

// ---- stored data -------------------------------------------------------------

/** The localStorage key of the deployment served at `path`. */
export const storageKey = (path = SUBPATH) => `microfolio:${path}:document`;

/**
 * A fresh copy of the fixture document (tests/fixtures/v3.json; the app
 * reads it through the migration to the current schema), its dates moved
 * to the test's clock.
 */
export const fixture = async () =>
  shiftDates(JSON.parse(await readFile(new URL("../fixtures/v3.json", import.meta.url), "utf8")));

/**
 * `n` copies of `record`, copy `i` changed by the fields `change(i)`
 * returns (its `meta` fields merged into the record's).
 */
export function copies(record, n, change) {
  return Array.from({ length: n }, (_, i) => {
    const { meta, ...fields } = change(i);
    return { ...structuredClone(record), ...fields, meta: { ...record.meta, ...meta } };
  });
}

/** Opens the app at `hash` (e.g. "#/profile") and waits until it runs. */
export async function openApp(page, hash = "") {
  await page.goto(hash);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/**
 * Opens the app with `doc` stored under this deployment's key (an object,
 * or text stored as it is), as a returning student's browser holds it;
 * then at `hash`, if given.
 */
export async function openWithStored(page, doc, hash) {
  await openApp(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [storageKey(), typeof doc === "string" ? doc : JSON.stringify(doc)]);
  if (hash !== undefined) await page.goto(hash);
  await page.reload();
}

/** Every request the page makes, as a list of URLs that grows. */
export function watch(page) {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  return requests;
}

/** The raw stored text under `key`, or null. */
export const readStored = (page, key = storageKey()) =>
  page.evaluate((k) => localStorage.getItem(k), key);

/** Waits until the app has written every pending change. */
export async function settled(page) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-save-pending"));
}

/**
 * The JSON text of a packed part (`z<bytes>:` then 15 bits per character
 * from U+1000, DEFLATE inside): read here independently of the app's Rust.
 */
export function unpackPart(stored) {
  const m = /^z(\d+):/.exec(stored);
  if (!m) throw new Error(`not a packed part: ${stored.slice(0, 40)}`);
  const bytes = Buffer.alloc(Number(m[1]));
  let acc = 0, bits = 0, n = 0;
  for (const ch of stored.slice(m[0].length)) {
    acc = ((acc << 15) | (ch.codePointAt(0) - 0x1000)) >>> 0;
    bits += 15;
    while (bits >= 8 && n < bytes.length) {
      bits -= 8;
      bytes[n++] = (acc >>> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return inflateRawSync(bytes).toString("utf8");
}

/** `json` packed as the app stores a part (the inverse of `unpackPart`). */
export function packPart(json) {
  const bytes = deflateRawSync(Buffer.from(json, "utf8"));
  let out = `z${bytes.length}:`, acc = 0, bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) >>> 0;
    bits += 8;
    if (bits >= 15) {
      bits -= 15;
      out += String.fromCodePoint(0x1000 + ((acc >>> bits) & 0x7fff));
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out += String.fromCodePoint(0x1000 + ((acc << (15 - bits)) & 0x7fff));
  return out;
}

/** The head and every part stored under this deployment's key, as text. */
export const storedParts = (page, key = storageKey()) =>
  page.evaluate((k) => {
    const parts = {};
    for (const other of Object.keys(localStorage)) if (other.startsWith(k.replace(/document$/, "part:"))) parts[other] = localStorage.getItem(other);
    return { head: localStorage.getItem(k), parts };
  }, key);

/**
 * The stored document as one object: a plain document as it is, or the
 * packed layout (a head under the document key naming its parts) put
 * together.
 */
export async function readDocument(page, key = storageKey()) {
  const { text, parts } = await page.evaluate((k) => {
    const text = localStorage.getItem(k);
    const parts = {};
    for (const other of Object.keys(localStorage)) if (other.startsWith(k.replace(/document$/, "part:"))) parts[other] = localStorage.getItem(other);
    return { text, parts };
  }, key);
  if (text === null) return null;
  const head = JSON.parse(text);
  if (head.format !== "microfolio-store") return head;
  const core = head.parts.find((p) => p.kind === "core");
  const doc = JSON.parse(unpackPart(parts[core.key]));
  doc.revision = head.revision;
  for (const p of head.parts) {
    if (p.kind === "core") continue;
    const records = JSON.parse(unpackPart(parts[p.key]));
    expect(records).toHaveLength(p.records);
    doc[p.kind].push(...records);
  }
  return doc;
}

/** The stored document, once pending changes are written. */
export async function storedDoc(page) {
  await settled(page);
  return readDocument(page);
}

/** Text that would run if the app ever treated data as HTML. */
export const HOSTILE = `<img src=x onerror="alert('xss')"><script>alert('xss')</script>`;

/** Replaces every string that is not an id, date, enum or link with HOSTILE. */
export function poison(value, key = "") {
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  const keep = /^(id|created|updated|last_backup|date|due|start_date|end_date|deadline|date_found|date_applied|next_follow_up|graduation|stage|kind|category|arrangement|payment|visibility|outcome|format|currency|exported|url|link|posting_url|portfolio_url|linkedin_url|github_url|supervisor|application|contacts|skills|email)$/;
  if (typeof value === "string" && !keep.test(key) && !/^[0-9a-f-]{36}$/.test(value)) return `${HOSTILE} ${value}`;
  return value;
}

/** Fills the origin's storage with other keys, to the last character; returns how many. */
export const fillStorage = (page) =>
  page.evaluate(() => {
    let n = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = "x".repeat(size);
      try {
        for (;;) localStorage.setItem(`filler-${n++}`, chunk);
      } catch {
        n--;
      }
    }
    return n;
  });

/** Removes what `fillStorage` stored. */
export const freeStorage = (page) =>
  page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
  });

// ---- accessibility -----------------------------------------------------------

/** axe-core's WCAG 2.x A/AA and best-practice violations on the page, one line each. */
export async function axeViolations(page) {
  // Evaluated over the DevTools protocol: the app's CSP (rightly) blocks
  // an injected <script>.
  const axe = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  await page.evaluate(await readFile(axe, "utf8"));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
