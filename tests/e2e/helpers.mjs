// Shared helpers for the end-to-end tests.
import { expect } from "@playwright/test";
import { ORIGIN, SUBPATH } from "./playwright.config.mjs";

export { ORIGIN, SUBPATH };

/** The localStorage key of the deployment served at `path`. */
export const storageKey = (path = SUBPATH) => `microfolio:${path}:document`;

/** Opens the app at `hash` (e.g. "#/profile") and waits until it runs. */
export async function openApp(page, hash = "") {
  await page.goto(hash);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/**
 * Records every request the page makes, and every console error (except
 * the browser's own log line for the optional config.json being absent).
 */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (/\/config\.json$/.test(m.location().url ?? "")) return;
    errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { requests, errors };
}

/** The raw stored text under `key`, or null. */
export const readStored = (page, key = storageKey()) =>
  page.evaluate((k) => localStorage.getItem(k), key);

/** Waits until the app has written every pending change. */
export async function settled(page) {
  await page.waitForFunction(() => !document.documentElement.hasAttribute("data-save-pending"));
}

/** The stored document, once pending changes are written. */
export async function storedDoc(page) {
  await settled(page);
  return JSON.parse(await readStored(page));
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
