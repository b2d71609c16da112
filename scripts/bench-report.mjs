// The benchmark's sizes and the phone's part of BENCHMARKS.md: every
// shipped file under dist/ (sub-folders too) with its raw, gzip -9 and
// brotli 11 size, and the rows, tables and method text for the figures of
// scripts/bench-phone.mjs. Used by scripts/bench.mjs and bench-phone.mjs.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const ms = (x) => `${x.toFixed(1)} ms`;
export const kib = (x) => `${(x / 1024).toFixed(1)} KiB`;
export const met = (ok) => (ok ? "met" : "**not met**");
const s = (x) => `${(x / 1000).toFixed(2)} s`;
/** A file's name with its build hash elided (`main-….css`, `pkg-…/…`). */
export const short = (path) => path.replace(/-[0-9a-f]{16,}/g, "-…");

/** Every file under `dir` (sub-folders too, no source maps), with its raw, gzip -9 and brotli 11 size. */
export function shippedFiles(dir = "dist") {
  const walk = (sub) =>
    readdirSync(join(dir, sub)).sort().flatMap((name) => {
      const path = sub ? `${sub}/${name}` : name;
      return statSync(join(dir, path)).isDirectory() ? walk(path) : [path];
    });
  return walk("")
    .filter((f) => !f.endsWith(".map"))
    .map((path) => {
      const data = readFileSync(join(dir, path));
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return { path, raw: data.length, gz: gzipSync(data, { level: 9 }).length, br };
    });
}

const table = (head, align, rows) =>
  [`| ${head.join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

export const sizeTable = (files) =>
  table(["file", "raw", "gzip -9", "brotli 11"], ["---", "---:", "---:", "---:"], files.map((f) => [short(f.path), f.raw, f.gz, f.br]));

/** The first-load row of the main table (its columns), `leptosGz` the Leptos floor's. */
export function firstLoadRow(p, leptosGz) {
  const label = `First load: what the first view requests before it is usable (${p.firstLoad.length} files, gzip -9)`;
  return [label, kib(p.firstLoadGz), "—", "—", kib(leptosGz), "≤ 200 KiB (aim 150 KiB)", met(p.firstLoadGz <= 200 * 1024)];
}

/** The phone's timing rows of the main table. */
export function phoneRows(p) {
  const n = p.views.length;
  const slowest = (key) => Math.max(...p.views.map((v) => v[key]));
  return [
    ["First visit, emulated phone: navigation to the first view shown and usable", s(p.firstVisit), "≤ 2.0 s", p.firstVisit <= 2000],
    ["Repeat visit, emulated phone (the service worker's copy)", s(p.repeatVisit), "≤ 0.6 s", p.repeatVisit <= 600],
    [`Opening a view not loaded yet, emulated phone, over the network (slowest of ${n})`, ms(slowest("network")), "≤ 300 ms", slowest("network") <= 300],
    [`Opening a view not loaded yet, emulated phone, from the service worker's cache (slowest of ${n})`, ms(slowest("cached")), "≤ 300 ms", slowest("cached") <= 300],
  ].map(([label, value, target, ok]) => [label, value, "—", "—", "—", target, met(ok)]);
}

/** The phone's part of BENCHMARKS.md: its tables (views, first load, wasm modules) and how its figures are taken. */
export function phoneMarkdown(p) {
  const views = table(
    ["view opened from the first view (median)", "over the network", "from the service worker's cache"],
    ["---", "---:", "---:"],
    [...p.views.map((v) => [v.link, ms(v.network), ms(v.cached)]),
      ["slowest", ms(Math.max(...p.views.map((v) => v.network))), ms(Math.max(...p.views.map((v) => v.cached)))]],
  );
  const first = table(
    ["requested before the first view was usable", "type", "raw", "gzip -9", "transferred"],
    ["---", "---", "---:", "---:", "---:"],
    [...p.firstLoad.map((r) => [r.shipped ? short(r.path) : `${r.path} (not shipped, HTTP ${r.status ?? "—"})`, r.type, r.raw, r.gz, r.transferred]),
      ["total", "", p.firstLoad.reduce((a, r) => a + r.raw, 0), p.firstLoadGz, p.firstLoadTransferred]],
  );
  const chunks = table(
    ["wasm module", "raw", "gzip -9", "brotli 11", "the first view loads it"],
    ["---", "---:", "---:", "---:", "---"],
    p.chunks.map((c) => [short(c.path), c.raw, c.gz, c.br, c.atStart ? "yes" : "no, when a view needs it"]),
  );
  const single = p.chunks.length === 1
    ? ["This build ships a single wasm module, loaded at start: opening a view loads nothing more, so the times above are the view's own rendering on the phone's CPU."]
    : [];
  const missing = p.precacheMissing.length
    ? [`**The service worker did not hold every shipped file within two minutes** (missing: ${p.precacheMissing.map(short).join(", ")}); the repeat visit was measured anyway.`]
    : [];
  const method = `How the phone figures are taken (\`scripts/bench-phone.mjs\`, ${p.runs} run${p.runs === 1 ? "" : "s"}, medians): headless Chromium emulating a mid-range phone through the DevTools protocol, the CPU ${p.phone.cpu}× slower (\`Emulation.setCPUThrottlingRate\`), ${p.phone.latency} ms added to every request's round trip, ${(p.phone.down * 8) / 1e6} Mbps down and ${(p.phone.up * 8) / 1e3} kbps up (\`Network.emulateNetworkConditions\`, on the page and on its service worker, whose own fetches the page's conditions do not cover), a 360×740 touch screen; the release build served by \`scripts/static-server.mjs --gzip\` (gzip -9, as GitHub Pages compresses) under \`${p.subpath}\`. A view counts as shown and usable when its heading (\`h1#page-heading\` with the view's title; a new visitor's first view is the dashboard, "Welcome to Microfolio") is visible, the main navigation has a visible link, and the frame showing them has been rendered: the nav's links are plain hash links and the app listens for the hash before any view renders, so a tap works from then on. First visit: a fresh context (empty storage, HTTP cache and Cache Storage), from navigation start to that signal. Repeat visit: the same context once the service worker is active, controls the page and holds every shipped file, reloaded. Opening a view: once the first view is shown and the network quiet, its link is clicked (on the phone's tab bar; Contacts, Profile and Data through More, timed from the click on their link there), from the click to its heading shown; over the network with the service worker blocked, a fresh context per view, so none of it is loaded; from the service worker's cache once the app is opened again in the repeat-visit context (its files held, none of its code in the page). First load: the files the first visit requested from the app's folder until the signal (the service worker's script aside), at their gzip -9 size; "transferred" is what the emulated network carried, headers included.`;
  return [
    "The emulated phone: each view opened from the first one (a view not loaded yet; the target, ≤ 300 ms, holds for the slowest):",
    views,
    "What the first load counts: every file the first visit requested before its first view was usable (bytes):",
    first,
    "Every wasm module (the main module and each chunk; bytes):",
    chunks,
    ...single,
    ...missing,
    method,
  ].join("\n\n");
}
