// A plain static file server, like GitHub Pages: no rewrites, no SPA
// fallback. `/base` redirects to `/base/`, a directory serves its
// index.html, anything else is a file or a 404. Binds to 127.0.0.1 only.
//
//   node scripts/static-server.mjs --dir dist --port 8080 [--base /a/ --base /b/] [--gzip]
//
// Each --base mounts the same directory under another path (two career
// centers on one origin); the default is `/`. With --gzip, text and wasm
// go out as `Content-Encoding: gzip` (zlib level 9, compressed once per
// file version) to a request that accepts it, as GitHub Pages serves them.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dir = resolve(opt("--dir", "dist"));
const port = Number(opt("--port", "8080"));
const bases = args
  .flatMap((a, i) => (a === "--base" ? [args[i + 1]] : []))
  .map((b) => (b.endsWith("/") ? b : b + "/"))
  .map((b) => (b.startsWith("/") ? b : "/" + b));
if (bases.length === 0) bases.push("/");
const gzip = args.includes("--gzip");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};
// What --gzip compresses (images like PNG are compressed already).
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".webmanifest", ".txt"]);
/** file → { mtime, size, body }: each file's gzip, made when first asked. */
const gzipped = new Map();

/** Whether an Accept-Encoding header allows gzip (`gzip`, `*`, not `q=0`). */
function acceptsGzip(header = "") {
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (name === "gzip" || name === "*") && !(q && Number(q.slice(2)) === 0);
  });
}

async function gzipOf(file) {
  const info = await stat(file);
  const kept = gzipped.get(file);
  if (kept && kept.mtime === info.mtimeMs && kept.size === info.size) return kept.body;
  const body = gzipSync(await readFile(file), { level: 9 });
  gzipped.set(file, { mtime: info.mtimeMs, size: info.size, body });
  return body;
}

async function fileFor(path) {
  const target = resolve(join(dir, path));
  if (target !== dir && !target.startsWith(dir + sep)) return null;
  try {
    const info = await stat(target);
    if (info.isDirectory()) return { dir: true, file: join(target, "index.html") };
    return { dir: false, file: target };
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  const path = decodeURIComponent(url.pathname);
  const base = bases.find((b) => path.startsWith(b) || path + "/" === b);
  if (!base) return send(res, 404, "Not found");
  if (path + "/" === base) {
    res.writeHead(301, { Location: base + url.search });
    return res.end();
  }
  const found = await fileFor(path.slice(base.length));
  if (!found) return send(res, 404, "Not found");
  if (found.dir && !path.endsWith("/")) {
    res.writeHead(301, { Location: path + "/" + url.search });
    return res.end();
  }
  try {
    const type = TYPES[extname(found.file)] ?? "application/octet-stream";
    if (gzip && COMPRESSIBLE.has(extname(found.file))) {
      const zipped = acceptsGzip(req.headers["accept-encoding"]);
      const body = zipped ? await gzipOf(found.file) : await readFile(found.file);
      res.writeHead(200, {
        "Content-Type": type,
        "Cache-Control": "no-cache",
        Vary: "Accept-Encoding",
        ...(zipped ? { "Content-Encoding": "gzip" } : {}),
        "Content-Length": body.length,
      });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    const body = await readFile(found.file);
    res.writeHead(200, {
      "Content-Type": type,
      "Cache-Control": "no-cache",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    send(res, 404, "Not found");
  }
});

function send(res, status, text) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

server.listen(port, "127.0.0.1", () => {
  for (const b of bases) console.log(`Microfolio is at http://127.0.0.1:${port}${b}`);
});
