// Shared helpers for the end-to-end tests.
import { expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { ORIGIN, SUBPATH } from "./playwright.config.mjs";

export { ORIGIN, SUBPATH };

/** The localStorage key of the deployment served at `path`. */
export const storageKey = (path = SUBPATH) => `microfolio:${path}:document`;

/** A fresh copy of the current-version fixture document (tests/fixtures/v3.json). */
export const fixture = async () => JSON.parse(await readFile(new URL("../fixtures/v3.json", import.meta.url), "utf8"));

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
