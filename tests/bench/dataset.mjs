// Seeded, realistic Microfolio documents for the benchmark: names, dates
// and notes of real length, built on the shape of tests/fixtures/v3.json.
import { readFileSync } from "node:fs";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/v3.json", import.meta.url), "utf8"));

/** mulberry32: a small seeded PRNG, so every run gets the same data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGS = ["Acme Analytics", "Northwind Traders", "Contoso Health", "Fabrikam Foods", "Tailspin Travel", "Litware Labs", "Adatum Energy", "Woodgrove Bank", "Proseware", "Wide World Importers", "Blue Yonder Air", "Coho Winery", "Lucerne Publishing", "Margie's Travel", "Trey Research", "Alpine Ski House"];
const ROLES = ["Market sizing research", "Survey data clean-up", "Competitor pricing scan", "Social media audit", "SQL reporting sprint", "Customer interview notes", "Pitch deck polish", "Grant research", "Website copy review", "Sales pipeline analysis", "Event logistics plan", "Product teardown"];
const SOURCES = ["Parker Dewey", "Handshake", "LinkedIn", "Career services", "Indeed", "Referral", "Company website", "Upwork"];
const STAGES = ["saved", "applied", "interviewing", "offered", "in_progress", "completed"];
const WORDS = "the client wants a short deck with sources and a clear recommendation by friday follow up with the hiring manager about scope budget and timeline remote work with weekly check ins data in a shared spreadsheet needs cleaning before analysis interview went well asked about my sql experience and a past project".split(" ");

/**
 * `lean`: short notes and no optional links or tags, for a dataset that
 * must fit the storage quota to be measured at all.
 */
export function makeDocument({ applications, entries, skills, contacts = 50, seed = 42, noteWords = [30, 90], lean = false }) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const hex = (n) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  const text = (lo, hi) => Array.from({ length: int(lo, hi) }, () => pick(WORDS)).join(" ");
  const day = (offset) => new Date(Date.UTC(2024, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
  const time = (offset) => new Date(Date.UTC(2024, 0, 1) + offset * 86400000).toISOString().replace(".000Z", "Z");

  const doc = structuredClone(fixture);
  doc.contacts = Array.from({ length: contacts }, (_, i) => ({
    ...structuredClone(fixture.contacts[0]),
    meta: { id: uuid(), created: time(i), updated: time(i) },
    name: `${pick(["Grace", "Alan", "Ada", "Linus", "Barbara", "Ken"])} ${pick(["Okafor", "Turing", "Hopper", "Liskov", "Thompson"])}`,
    organization: pick(ORGS),
    notes: text(5, 20),
  }));
  doc.skills = Array.from({ length: skills }, (_, i) => ({
    meta: { id: uuid(), created: time(i), updated: time(i) },
    name: `Skill ${i + 1} ${pick(["analysis", "writing", "SQL", "Excel", "research", "design"])}`,
    category: pick(["technical", "tool", "soft", "domain"]),
    level: int(1, 5),
    target: r() < 0.5 ? int(2, 5) : null,
    notes: text(0, 12),
    evidence: [],
  }));
  doc.applications = Array.from({ length: applications }, (_, i) => {
    const found = int(0, 900);
    const reached = int(0, STAGES.length - 1);
    const history = STAGES.slice(0, reached + 1).map((stage, k) => ({ stage, date: day(found + k * 5) }));
    if (r() < 0.15) history.push({ stage: "rejected", date: day(found + history.length * 5) });
    return {
      ...structuredClone(fixture.applications[0]),
      meta: { id: uuid(), created: time(found), updated: time(found + 3) },
      organization: pick(ORGS),
      role: `${pick(ROLES)} #${i + 1}`,
      source: pick(SOURCES),
      date_found: day(found),
      date_applied: reached >= 1 ? day(found + 5) : null,
      deadline: r() < 0.6 ? day(found + int(3, 30)) : null,
      start_date: null,
      end_date: null,
      next_follow_up: r() < 0.3 ? day(found + int(5, 20)) : null,
      required_skills: [pick(doc.skills)?.name ?? "Excel"],
      tags: [pick(["research", "remote", "paid", "data", "writing"])],
      notes: text(...noteWords),
      contacts: r() < 0.3 ? [pick(doc.contacts).meta.id] : [],
      history,
      ...(lean ? { posting_url: null, location: "", tags: [], required_skills: [], fee: null, estimated_hours: null } : {}),
    };
  });
  doc.entries = Array.from({ length: entries }, (_, i) => ({
    ...structuredClone(fixture.entries[0]),
    meta: { id: uuid(), created: time(i * 2), updated: time(i * 2) },
    title: `${pick(ROLES)} deliverable ${i + 1}`,
    organization: pick(ORGS),
    start_date: day(i * 2),
    end_date: day(i * 2 + 10),
    logged_hours: int(5, 40),
    reflection: text(30, 80),
    supervisor: pick(doc.contacts).meta.id,
    skills: [pick(doc.skills).meta.id],
    application: null,
    ...(lean ? { deliverables: [], milestones: [], objectives: [], reflection: text(0, 5) } : {}),
  }));
  return doc;
}
