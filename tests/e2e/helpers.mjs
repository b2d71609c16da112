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

/** Records every request the page makes, and every console error. */
export function watch(page) {
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
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
