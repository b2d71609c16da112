// End-to-end: feedback by link (issue 24). Three browsers: the student
// makes a request on an entry; the supervisor, in a fresh phone-sized
// browser, answers it and gets a link back, with nothing written to their
// storage; the student opens the answer, previews it and adds it to the
// entry. A second copy is a duplicate, a changed answer and an answer
// this browser never asked for are refused with nothing changed; hostile
// request and answer links show their text as text or are refused.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { HOSTILE, ORIGIN, expect, fixture, openApp, openWithStored, readStored, settled, test, watch } from "./helpers.mjs";

const ENTRY = "e0000000-0000-4000-8000-000000000001";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const KEY = Buffer.alloc(32, 7).toString("base64url");
const shots = process.env.MICROFOLIO_SCREENSHOTS;

const data = (link) => link.split(/#\/(?:feedback|answer)\//)[1];
const unpack = (link) => JSON.parse(inflateRawSync(Buffer.from(data(link), "base64url")).toString("utf8"));
const pack = (value) => deflateRawSync(Buffer.from(JSON.stringify(value))).toString("base64url");

async function expectNoSideways(page, what) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `${what}: nothing scrolls sideways`).toBeLessThanOrEqual(inner);
}

/** The student asks for feedback on the fixture's first entry; returns the request link. */
async function makeRequest(page) {
  await openWithStored(page, await fixture(), `#/portfolio/${ENTRY}`);
  await page.getByRole("link", { name: "Ask for feedback by link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask for feedback" })).toBeVisible();
  // Two of the eight NACE competencies.
  const competencies = page.getByRole("group", { name: "Competencies to rate" });
  await expect(competencies.getByRole("checkbox")).toHaveCount(8);
  for (const name of ["Career & Self-Development", "Critical Thinking", "Equity & Inclusion", "Leadership", "Professionalism", "Technology"]) {
    await competencies.getByLabel(name).uncheck();
  }
  await page.getByText("Rate yourself first (optional)").click();
  await page.getByRole("group", { name: "Communication" }).getByLabel("3 · Developing").check();
  await expect(page.getByLabel("Supervisor’s e-mail")).toHaveValue("grace@acme.example");
  if (shots) await page.screenshot({ path: `test-results/feedback-request-${page.viewportSize().width}.png`, fullPage: true });
  await page.getByRole("button", { name: "Make the request link" }).click();
  const link = await page.getByLabel("Request link").inputValue();
  expect(link.startsWith(`${ORIGIN}/career-center/microfolio/#/feedback/`)).toBe(true);
  const mail = await page.getByRole("link", { name: "Open the ready e-mail" }).getAttribute("href");
  expect(mail.startsWith("mailto:grace@acme.example?subject=Feedback%20on%20")).toBe(true);
  expect(decodeURIComponent(mail)).toContain(link);
  await settled(page);
  return link;
}

/** The supervisor answers `link` in a fresh phone-sized browser; returns the answer link. */
async function answer(newContext, link, comment = "Clear story. " + HOSTILE) {
  const context = await newContext({ viewport: PHONE });
  const page = await context.newPage();
  const requests = watch(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Feedback for Ada Student" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByText("Market sizing deck for a fintech start-up")).toBeVisible();
  await expect(page.getByText("Source spreadsheet")).toBeVisible();
  await expect(page.getByRole("group", { name: "Leadership" })).toHaveCount(0);
  await page.getByRole("group", { name: "Overall" }).getByText("5 · Exemplary").click();
  await page.getByLabel("Overall comment").fill("Well-sourced and on time.");
  await page.getByRole("group", { name: "Communication" }).getByLabel("4 · Proficient").check();
  await page.getByLabel("Comment on Communication").fill(comment);
  await page.getByLabel("What did your organization gain from the project?").fill("A market model we now use.");
  await expectNoSideways(page, "supervisor page");
  // Typed feedback is not lost silently: leaving asks first, until the link is made.
  const asks = () => page.evaluate(() => {
    const e = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
  expect(await asks()).toBe(true);
  if (shots) await page.screenshot({ path: "test-results/feedback-supervisor-360.png", fullPage: true });
  // The name is needed.
  await page.getByRole("button", { name: "Make my answer link" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByLabel("Your name")).toBeFocused();
  await page.getByLabel("Your name").fill("Grace Okafor");
  await page.getByLabel("Your title").fill("Head of Research");
  await page.getByRole("button", { name: "Make my answer link" }).click();
  const back = await page.getByLabel("Answer link").inputValue();
  expect(back.startsWith(`${ORIGIN}/career-center/microfolio/#/answer/`)).toBe(true);
  const mail = await page.getByRole("link", { name: "E-mail it back to ada@state.example.edu" }).getAttribute("href");
  expect(mail.startsWith("mailto:ada@state.example.edu?subject=")).toBe(true);
  expect(await asks()).toBe(false);
  // Nothing written to the supervisor's browser, nothing asked of another origin.
  await page.waitForTimeout(600);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  for (const url of requests) expect(new URL(url).origin).toBe(ORIGIN);
  if (shots) {
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: "test-results/feedback-supervisor-1280.png", fullPage: true });
  }
  return back;
}

test("a supervisor answers a request on a phone and the answer comes home to the entry", async ({ page, newContext }) => {
  const link = await makeRequest(page);
  // Only what the supervisor needs.
  const request = unpack(link);
  expect(Object.keys(request).sort()).toEqual(["format", "id", "key", "project", "questions", "reply_to", "student", "version"]);
  expect(request).toMatchObject({ format: "microfolio-feedback-request", version: 1, student: "Ada Student" });
  expect(request.project.deliverables).toEqual(["Market sizing deck", "Source spreadsheet"]);
  expect(JSON.stringify(request)).not.toMatch(/"fee"|reflection|Grace|tags|skills/i);
  expect(request.questions).toEqual({ overall: true, competencies: ["Communication", "Teamwork"], gained: true });

  const back = await answer(newContext, link);
  await page.goto(back);
  await expect(page.getByRole("heading", { level: 1, name: "Feedback received" })).toBeVisible();
  await expect(page.getByText("From the name “Grace Okafor, Head of Research”")).toBeVisible();
  if (shots) await page.screenshot({ path: `test-results/feedback-preview-${page.viewportSize().width}.png`, fullPage: true });
  await page.getByRole("button", { name: "Add to the entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Market sizing deck for a fintech start-up" })).toBeVisible();
  const section = page.getByRole("region", { name: "Feedback by link" });
  await expect(section.getByRole("heading", { name: /^Received by link on / })).toBeVisible();
  await expect(section.getByText("A link does not prove who wrote the answer")).toBeVisible();
  // Hostile text is text.
  await expect(section.getByText("Clear story. " + HOSTILE)).toBeVisible();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  const row = section.getByRole("row", { name: /Communication/ });
  await expect(row.getByRole("cell")).toHaveText(["3", "—", "4"]);
  // Rating oneself after the work.
  await section.getByText("Rate yourself after the work").click();
  await section.getByRole("group", { name: "Communication" }).getByLabel("4 · Proficient").check();
  await section.getByRole("button", { name: "Save my ratings" }).click();
  await expect(row.getByRole("cell")).toHaveText(["3", "4", "4"]);
  await settled(page);

  // The same answer again is a duplicate; nothing changes.
  const before = await readStored(page);
  await page.goto(back);
  await expect(page.getByRole("alert")).toContainText("This answer is already on the entry “Market sizing deck for a fintech start-up”");
  // A changed answer is refused.
  const changed = unpack(back);
  changed.competencies[0].rating = 5;
  await page.goto(`#/answer/${pack(changed)}`);
  await expect(page.getByRole("alert")).toContainText("This answer was changed after it was made");
  expect(await readStored(page)).toBe(before);

  // A second, different answer is flagged: it replaces the first only when asked.
  const second = await answer(newContext, link, "Second thoughts.");
  await page.goto(second);
  await expect(page.getByRole("alert")).toContainText("This request already has a different answer");
  await page.getByRole("button", { name: "Replace the earlier answer" }).click();
  await expect(page.getByRole("region", { name: "Feedback by link" }).getByText("Second thoughts.")).toBeVisible();
});

test("an answer this browser never asked for is refused, and damaged links say so", async ({ page, newContext }) => {
  const link = await makeRequest(page);
  const back = await answer(newContext, link);
  const other = await (await newContext()).newPage();
  await openApp(other);
  await other.goto(back);
  await expect(other.getByRole("alert")).toContainText("This answer is for a feedback request that this browser did not make");
  expect(await other.evaluate(() => localStorage.length)).toBe(0);
  await other.goto("#/answer/not*base64");
  await expect(other.getByRole("alert")).toContainText("This feedback answer link is damaged");
  await other.goto("#/feedback/not*base64");
  await expect(other.getByRole("alert")).toContainText("This feedback request link is damaged");
  await other.goto(`#/feedback/${"A".repeat(30_000)}`);
  await expect(other.getByRole("alert")).toContainText("is too long");
  // A share's data is not a request.
  await other.goto(`#/feedback/${pack({ format: "microfolio-portfolio", schema_version: 1 })}`);
  await expect(other.getByRole("alert")).toContainText("It is not a Microfolio feedback request link");
});

test("a hostile request shows its text as text and a malformed one is refused", async ({ newContext }) => {
  const context = await newContext({ viewport: PHONE });
  const page = await context.newPage();
  page.on("dialog", (d) => { throw new Error(`dialog: ${d.message()}`); });
  const request = {
    format: "microfolio-feedback-request", version: 1, id: "fb000000-0000-4000-8000-0000000000aa", key: KEY,
    student: HOSTILE, reply_to: "", questions: { overall: true, competencies: [HOSTILE], gained: false },
    project: { title: `javascript:alert(1) ${HOSTILE}`, organization: "https://evil.example", start_date: null, end_date: null, deliverables: [HOSTILE] },
  };
  await page.goto(`#/feedback/${pack(request)}`);
  await expect(page.getByRole("heading", { level: 1, name: `Feedback for ${HOSTILE}` })).toBeVisible();
  await expect(page.getByRole("group", { name: HOSTILE })).toBeVisible();
  await expect(page.getByText("https://evil.example")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link")).toHaveCount(0);
  await expect(page.locator("main img, main script")).toHaveCount(0);
  await expectNoSideways(page, "hostile request");
  for (const bad of [
    { ...request, fee: 500 },
    { ...request, version: 2 },
    { ...request, key: "short" },
    { ...request, questions: { overall: false, competencies: [], gained: false } },
    { ...request, project: { ...request.project, deliverables: Array(30).fill("x") } },
  ]) {
    await page.goto(`#/feedback/${pack(bad)}`);
    await expect(page.getByRole("heading", { level: 1, name: "This feedback request cannot be opened" })).toBeVisible();
    await expect(page.getByRole("alert")).toBeVisible();
  }
  // Something that inflates far past any request is refused unread.
  const bomb = deflateRawSync(Buffer.alloc(5_000_000, 32)).toString("base64url");
  await page.goto(`#/feedback/${bomb}`);
  await expect(page.getByRole("alert")).toContainText(/unpacks to far more|too long/);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

// Screenshots for review (MICROFOLIO_SCREENSHOTS=1): the student's views at
// phone and desktop size, light and dark; nothing scrolls sideways.
for (const [viewport, colorScheme] of [[PHONE, "light"], [PHONE, "dark"], [DESKTOP, "dark"]]) {
  test(`the student's feedback views fit ${viewport.width}px (${colorScheme})`, async ({ page, newContext }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    const name = `${viewport.width}-${colorScheme}`;
    const link = await makeRequest(page);
    await expectNoSideways(page, "request page");
    if (shots) await page.screenshot({ path: `test-results/feedback-request-made-${name}.png`, fullPage: true });
    const back = await answer(newContext, link);
    await page.goto(back);
    await expect(page.getByRole("heading", { level: 1, name: "Feedback received" })).toBeVisible();
    await expectNoSideways(page, "preview");
    if (shots) await page.screenshot({ path: `test-results/feedback-preview-${name}.png`, fullPage: true });
    await page.getByRole("button", { name: "Add to the entry" }).click();
    const section = page.getByRole("region", { name: "Feedback by link" });
    await expect(section.getByRole("row", { name: /Communication/ })).toBeVisible();
    await expectNoSideways(page, "entry");
    if (shots) await section.screenshot({ path: `test-results/feedback-entry-${name}.png` });
  });
}
