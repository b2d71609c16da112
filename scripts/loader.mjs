// Part of scripts/wasm-build.sh: puts the split build's loader into the
// staged index.html: preloads of the main module's JS, the chunks' loader
// and the main wasm (fetched while the CSS is), and the module script that starts the app. The script
// is inline, so scripts/csp.mjs allows it by its hash.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [staging, pkg] = process.argv.slice(2);
const file = join(staging, "index.html");
let html = readFileSync(file, "utf8");
const js = `./${pkg}/microfolio.js`;
const wasm = `./${pkg}/microfolio_bg.wasm`;
const tags = [
  `<link rel="modulepreload" href="${js}" crossorigin="anonymous" />`,
  // The chunks' loader, which the main module's JS imports.
  `<link rel="modulepreload" href="./${pkg}/__wasm_split.js" crossorigin="anonymous" />`,
  `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />`,
  `<script type="module">import init from "${js}"; init({ module_or_path: "${wasm}" });</script>`,
];
if (!html.includes("</head>")) {
  console.error("loader.mjs: no </head> in index.html");
  process.exit(1);
}
html = html.replace(/\s*<link rel="(?:modulepreload|preload)" href="\.\/pkg-[^"]*"[^>]*>/g, "");
html = html.replace(/\s*<script type="module">import init from "\.\/pkg-[^<]*<\/script>/g, "");
html = html.replace("</head>", `  ${tags.join("\n    ")}\n  </head>`);
writeFileSync(file, html);
