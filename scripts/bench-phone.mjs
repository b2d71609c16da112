// The emulated mid-range phone: part of the benchmark (scripts/bench.mjs
// imports it and writes its figures to BENCHMARKS.md); run alone, it prints
// them and writes nothing:
//
//   RUNS=1 node scripts/bench-phone.mjs      (after `trunk build --release`)
//   PHONE_VIEWS=Portfolio,Data BENCH_PORT=4300 node scripts/bench-phone.mjs
//
// Headless Chromium through the DevTools protocol: the CPU 4× slower
// (`Emulation.setCPUThrottlingRate`), a 150 ms round trip, 1.6 Mbps down and
// 750 kbps up (`Network.emulateNetworkConditions`, on the page and on its
// service worker), a 360×740 touch screen, the build served gzip like GitHub
// Pages (scripts/static-server.mjs --gzip) under a career center's sub-path.
//
// "Shown and usable" is one signal: the view's <h1 id="page-heading"> (the
// PageHeading every page starts with) is rendered, visible, with the view's
// own title, the main navigation has a visible link, and a frame has been
// painted since. The nav's links are plain `#/…` links and the app listens
// for the hash before any view renders, so from then on a tap changes view.
// Nothing here knows the build's file names: they are found in dist/ (and
// its sub-folders), and the first-load figure is what a first visit
// requested until that signal.
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { shippedFiles } from "./bench-report.mjs";

export const PHONE = { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 };
export const SUBPATH = "/career-center/microfolio/";
/** How the benchmark launches Chromium (scripts/bench.mjs too). */
export const BROWSER = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info", "--js-flags=--expose-gc",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};
const CONTEXT = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const NETWORK = { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.down, uploadThroughput: PHONE.up };
/** What a new visitor sees first: the dashboard's greeting. */
const FIRST = "^Welcome (to Microfolio|back, )";
/** The views opened from the first one: the link's name and the view's heading. */
export const VIEWS = [
  { link: "Applications", heading: "Applications" },
  { link: "Portfolio", heading: "Portfolio" },
  { link: "Skills", heading: "Skills" },
  { link: "More", heading: "More" },
  { link: "Contacts", heading: "Contacts" },
  { link: "Profile", heading: "Your profile" },
  { link: "Data", heading: "Your data" },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs in every document: sets `__phone.shown` (ms since navigation start)
 * once the first view is shown and usable, records clicks, and offers
 * `__phone.watch(title)`, which sets `__phone.opened` when that view is.
 */
function signal(first) {
  const phone = (window.__phone = { shown: null, opened: null, clicks: [] });
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const navReady = () => [...document.querySelectorAll('nav[aria-label="Main"] a[href]')].some(visible);
  const titled = (test) => () => {
    const h = document.querySelector("main h1#page-heading");
    return visible(h) && test(h.textContent.trim()) && navReady();
  };
  // Once `ok`, the time after the next frame has been rendered.
  const when = (ok, set) => {
    const obs = new MutationObserver(() => {
      if (!ok()) return;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
    });
    obs.observe(document, { childList: true, subtree: true, characterData: true });
  };
  when(titled((t) => new RegExp(first).test(t)), (t) => (phone.shown = t));
  phone.watch = (title) => {
    phone.opened = null;
    when(titled((t) => t === title), (t) => (phone.opened = t));
  };
  addEventListener("click", (e) => phone.clicks.push(e.timeStamp), true);
}

/**
 * Applies the phone to `page` and to its service worker: the page's
 * network conditions do not cover the worker's own fetches (the precache,
 * the network-first page), so the session auto-attaches to the worker
 * (non-flat: Playwright gives no session for a worker), holds it at its
 * start, sends it the same conditions and lets it run. Returns the page's
 * requests as they are made, and `settle()`, which waits for a quiet network.
 */
async function emulate(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpu });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  let id = 0;
  const toChild = (sessionId, method, params = {}) =>
    cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id: ++id, method, params }) });
  const net = { requests: new Map(), workers: 0, last: Date.now() };
  cdp.on("Target.attachedToTarget", async ({ sessionId, targetInfo }) => {
    if (targetInfo.type === "service_worker") {
      await toChild(sessionId, "Network.enable");
      await toChild(sessionId, "Network.emulateNetworkConditions", NETWORK);
      net.workers++;
    }
    await toChild(sessionId, "Runtime.runIfWaitingForDebugger");
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  const update = (e, fields) => {
    net.last = Date.now();
    Object.assign(net.requests.get(e.requestId) ?? {}, fields);
  };
  cdp.on("Network.requestWillBeSent", (e) => {
    net.last = Date.now();
    if (!net.requests.has(e.requestId)) net.requests.set(e.requestId, { url: e.request.url, type: e.type, at: e.wallTime * 1000 });
  });
  cdp.on("Network.responseReceived", (e) => update(e, { status: e.response.status }));
  cdp.on("Network.loadingFinished", (e) => update(e, { bytes: e.encodedDataLength, done: true }));
  cdp.on("Network.loadingFailed", (e) => update(e, { done: true, failed: true }));
  net.settle = async () => {
    const end = Date.now() + 20000;
    const busy = () => [...net.requests.values()].some((r) => !r.done);
    while (Date.now() < end && (busy() || Date.now() - net.last < 500)) await sleep(100);
  };
  return net;
}

async function waitShown(page) {
  await page.waitForFunction(() => window.__phone?.shown != null, null, { timeout: 90000, polling: 100 });
  return page.evaluate(() => ({ shown: window.__phone.shown, origin: performance.timeOrigin }));
}

/**
 * Waits until the service worker is active and controls the page, and
 * every shipped file (`paths`, "./" for the page) is in Cache Storage.
 * Returns the files still missing after two minutes.
 */
async function precached(page, paths) {
  return page.evaluate(async (paths) => {
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const reg = await navigator.serviceWorker.ready;
    const end = Date.now() + 120000;
    while ((!navigator.serviceWorker.controller || reg.active?.state !== "activated") && Date.now() < end) await sleep(100);
    for (;;) {
      const missing = [];
      for (const p of paths) if (!(await caches.match(new URL(p, location.href).href))) missing.push(p);
      if (missing.length === 0 || Date.now() > end) return missing;
      await sleep(250);
    }
  }, paths);
}

/**
 * Opens `view` from the nav (through More when its link is not in the tab
 * bar) and returns the milliseconds from the click to its heading shown.
 */
async function openView(page, net, view) {
  const nav = page.getByRole("navigation", { name: "Main" });
  let link = nav.getByRole("link", { name: view.link, exact: true });
  if (!(await link.isVisible())) {
    await openView(page, net, { link: "More", heading: "More" });
    await net.settle();
    link = page.getByRole("main").getByRole("link", { name: new RegExp(`^${view.link}\\b`) });
  }
  await page.evaluate((title) => window.__phone.watch(title), view.heading);
  await link.click();
  await page.waitForFunction(() => window.__phone.opened != null, null, { timeout: 60000, polling: 100 });
  return page.evaluate(() => window.__phone.opened - window.__phone.clicks.at(-1));
}

/**
 * What a first visit requested from the app's folder before its first view
 * was usable (the service worker's script aside: the view does not need
 * it), each with the size of the shipped file it names.
 */
function firstLoad(requests, until, base, files) {
  const prefix = new URL(base).pathname;
  return [...requests.values()]
    .filter((r) => r.at <= until && r.url.startsWith(base))
    .map((r) => {
      let path = decodeURIComponent(new URL(r.url).pathname.slice(prefix.length));
      if (path === "" || path.endsWith("/")) path += "index.html";
      const file = files.find((f) => f.path === path);
      return { path, type: r.type, status: r.status, transferred: r.bytes ?? 0, raw: file?.raw ?? 0, gz: file?.gz ?? 0, shipped: !!file };
    })
    .filter((r) => r.path !== "sw.js");
}

/**
 * The phone figures, medians over `runs`: first visit; repeat visit (the
 * same context once the service worker holds every file, reloaded); each
 * of `views` opened from the first view, over the network (service worker
 * blocked, a fresh context per view) and from the worker's cache (the
 * app opened again in that context); and the first load (the first run's
 * requests).
 */
export async function phoneFigures(browser, { dist = "dist", port = 4194, runs = 7, views = VIEWS } = {}) {
  const args = ["scripts/static-server.mjs", "--dir", dist, "--port", String(port), "--base", SUBPATH, "--gzip"];
  const server = spawn("node", args, { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}${SUBPATH}`;
  for (let i = 0; i < 100 && !(await fetch(url).then((r) => r.ok, () => false)); i++) await sleep(100);
  const files = shippedFiles(dist);
  const cachePaths = ["./", ...files.map((f) => f.path).filter((p) => p !== "sw.js" && p !== "index.html")];
  const out = { first: [], repeat: [], network: views.map(() => []), cached: views.map(() => []), missing: [], workers: 0 };
  const newPage = async (serviceWorkers) => {
    const context = await browser.newContext({ ...CONTEXT, serviceWorkers });
    await context.addInitScript(signal, FIRST);
    const page = await context.newPage();
    return { context, page, net: await emulate(page) };
  };
  try {
    for (let run = 0; run < runs; run++) {
      const { context, page, net } = await newPage("allow");
      await page.goto(url, { waitUntil: "commit" });
      const { shown, origin } = await waitShown(page);
      out.first.push(shown);
      if (run === 0) out.firstLoad = firstLoad(net.requests, origin + shown, url, files);
      out.missing = await precached(page, cachePaths);
      out.workers = Math.max(out.workers, net.workers);
      await page.reload({ waitUntil: "commit" });
      out.repeat.push((await waitShown(page)).shown);
      for (const [k, view] of views.entries()) {
        await page.goto(url, { waitUntil: "commit" }); // the last view's hash gone
        await waitShown(page);
        await net.settle();
        out.cached[k].push(await openView(page, net, view));
      }
      await context.close();
      for (const [k, view] of views.entries()) {
        const fresh = await newPage("block");
        await fresh.page.goto(url, { waitUntil: "commit" });
        await waitShown(fresh.page);
        await fresh.net.settle();
        out.network[k].push(await openView(fresh.page, fresh.net, view));
        await fresh.context.close();
      }
    }
  } finally {
    server.kill();
  }
  const loaded = new Set(out.firstLoad.map((r) => r.path));
  return {
    runs,
    phone: PHONE,
    subpath: SUBPATH,
    firstVisit: median(out.first),
    repeatVisit: median(out.repeat),
    views: views.map((v, k) => ({ ...v, network: median(out.network[k]), cached: median(out.cached[k]) })),
    firstLoad: out.firstLoad,
    firstLoadGz: out.firstLoad.reduce((a, r) => a + r.gz, 0),
    firstLoadTransferred: out.firstLoad.reduce((a, r) => a + r.transferred, 0),
    chunks: files.filter((f) => f.path.endsWith(".wasm")).map((f) => ({ ...f, atStart: loaded.has(f.path) })),
    precacheMissing: out.missing,
    workersThrottled: out.workers,
  };
}

/** PHONE_VIEWS=Portfolio,Data (link names) picks views; all by default. */
export function pickViews(list) {
  if (!list) return VIEWS;
  return list.split(",").map((name) => {
    const view = VIEWS.find((v) => v.link.toLowerCase() === name.trim().toLowerCase());
    if (!view) throw new Error(`PHONE_VIEWS: no view "${name}" (${VIEWS.map((v) => v.link).join(", ")})`);
    return view;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import("playwright-core");
  const { phoneMarkdown, phoneRows, firstLoadRow } = await import("./bench-report.mjs");
  const browser = await chromium.launch(BROWSER);
  const port = Number(process.env.BENCH_PORT ?? 4191) + 3;
  const figures = await phoneFigures(browser, { runs: Number(process.env.RUNS ?? 7), port, views: pickViews(process.env.PHONE_VIEWS) });
  await browser.close();
  const rows = [firstLoadRow(figures, 0), ...phoneRows(figures)].map((r) => `| ${r[0]} | ${r[1]} | ${r[5]} | ${r[6]} |`);
  console.log(["| measure | Microfolio | target | |", "| --- | --- | --- | --- |", ...rows].join("\n"));
  console.log(`\n${phoneMarkdown(figures)}\n\nservice workers throttled: ${figures.workersThrottled}`);
}
