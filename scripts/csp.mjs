// Trunk post_build hook: adds the Content Security Policy to the built
// index.html as a <meta> tag (GitHub Pages cannot send headers). Scripts
// may come only from the app's own origin, plus Trunk's inline loader,
// allowed by its SHA-256 hash (it changes with every build, hence a hook).
// Release builds only: `trunk serve` injects a live-reload script of its own.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const file = join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
let html = readFileSync(file, "utf8");
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");

const hashes = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)]
  .map((m) => m[1])
  .filter((body) => body.trim() !== "")
  .map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
if (hashes.length === 0) {
  console.error("csp.mjs: no inline loader script found in index.html");
  process.exit(1);
}

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

html = html.replace(
  /(<meta charset="utf-8"\s*\/?>)/i,
  `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
if (!html.includes("Content-Security-Policy")) {
  console.error("csp.mjs: could not place the CSP meta tag (no <meta charset>?)");
  process.exit(1);
}
writeFileSync(file, html);
console.log(`csp.mjs: Content-Security-Policy added (${hashes.length} inline script hash)`);
