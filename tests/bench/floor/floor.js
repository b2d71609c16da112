// The vanilla-JS floor page (see index.html): parse the stored document,
// render the rows the app's board renders (the first 25 of each stage,
// most recently updated first), filter on input, save an edit.
const key = new URLSearchParams(location.search).get("key");
const doc = JSON.parse(localStorage.getItem(key) ?? '{"applications":[]}');
const rows = document.getElementById("rows");
const STAGE = (a) => a.history.at(-1)?.stage ?? "saved";

const STAGES = ["saved", "applied", "interviewing", "offered", "in_progress", "completed", "rejected", "withdrawn", "ghosted"];
const PAGE = 25;

function render(all) {
  const sorted = [...all].sort((a, b) => (a.meta.updated < b.meta.updated ? 1 : a.meta.updated > b.meta.updated ? -1 : 0));
  const apps = STAGES.flatMap((s) => sorted.filter((a) => STAGE(a) === s).slice(0, PAGE));
  const body = document.createDocumentFragment();
  for (const a of apps) {
    const tr = document.createElement("tr");
    const link = document.createElement("a");
    link.href = `#/applications/${a.meta.id}`;
    link.textContent = `${a.organization} — ${a.role}`;
    const cells = [link, STAGE(a), a.source, a.deadline ?? ""];
    for (const c of cells) {
      const td = document.createElement("td");
      td.append(c);
      tr.append(td);
    }
    body.append(tr);
  }
  rows.replaceChildren(body);
}

render(doc.applications);
document.getElementById("search").addEventListener("input", (e) => {
  const q = e.target.value.toLowerCase();
  render(doc.applications.filter((a) => `${a.organization} ${a.role} ${a.notes} ${a.tags.join(" ")}`.toLowerCase().includes(q)));
});
// The floor's save after an edit: the whole document, as the app does.
window.floorSave = () => {
  const t0 = performance.now();
  doc.applications[0].notes += ".";
  localStorage.setItem(key, JSON.stringify(doc));
  return performance.now() - t0;
};
