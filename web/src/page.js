// The page: the rule editor, the data picker and the result tables. The work is done by two
// workers built from the same source: one answers for the rules as they are typed, the other
// checks the data, so a long check never holds up the diagnostics or the page.
"use strict";

const $ = (id) => document.getElementById(id);
const workerUrl = URL.createObjectURL(new Blob([$("worker-source").textContent], { type: "text/javascript" }));

/** A worker with numbered requests answered by promises. */
function startWorker(name, onProgress) {
  const worker = new Worker(workerUrl, { name });
  const waiting = new Map();
  let seq = 0;
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") return onProgress && onProgress(data);
    const p = waiting.get(data.seq);
    waiting.delete(data.seq);
    if (data.ok) p.resolve(data.answer); else p.reject(new Error(data.error));
  };
  worker.onerror = (e) => console.error(`the ${name} worker failed: ${e.message}`);
  return (msg, transfer = []) => new Promise((resolve, reject) => {
    msg.seq = ++seq;
    waiting.set(msg.seq, { resolve, reject });
    worker.postMessage(msg, transfer);
  });
}

const state = {
  files: SHIPPED.rules.map(([name, text]) => ({ name, text })),
  current: 0,
  diagnostics: [],
  declared: { rules: [], records: [], evaluations: [] },
  hasErrors: true,
  picked: [],
  dataBytes: 0,
  ruleVersion: 0,
};

const askRules = startWorker("rules");
const askData = startWorker("data", showProgress);

// ---- editor ----------------------------------------------------------------------------------

function drawTabs() {
  const tabs = $("tabs");
  tabs.textContent = "";
  state.files.forEach((f, i) => {
    const b = document.createElement("button");
    b.textContent = f.name;
    b.className = (i === state.current ? "active " : "") +
      (state.diagnostics.some((d) => d.severity === "error" && d.location && d.location.file === f.name) ? "bad" : "");
    b.onclick = () => openFile(i);
    tabs.append(b);
  });
}

function drawGutter() {
  const f = state.files[state.current];
  const marks = new Map();
  for (const d of state.diagnostics) {
    if (!d.location || d.location.file !== f.name) continue;
    if (d.severity === "error" || !marks.has(d.location.line)) marks.set(d.location.line, d.severity === "error" ? "bad" : "warn");
  }
  const lines = f.text.split("\n").length;
  const gutter = $("gutter");
  gutter.textContent = "";
  for (let n = 1; n <= lines; n++) {
    const s = document.createElement("span");
    s.textContent = n + "\n";
    s.dataset.line = n;
    if (marks.has(n)) s.className = marks.get(n);
    gutter.append(s);
  }
  gutter.scrollTop = $("source").scrollTop;
}

function openFile(i) {
  state.current = i;
  $("source").value = state.files[i].text;
  drawTabs();
  drawGutter();
}

/** Shows `line` of rule file `file` in the editor, selected. */
function goTo(file, line) {
  const i = state.files.findIndex((f) => f.name === file);
  if (i < 0) return;
  if (i !== state.current) openFile(i);
  const text = state.files[i].text;
  let start = 0;
  for (let n = 1; n < line && start >= 0; n++) start = text.indexOf("\n", start) + 1;
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  const source = $("source");
  source.focus();
  source.setSelectionRange(start, end);
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
  source.scrollTop = Math.max(0, (line - 5) * lineHeight);
  $("gutter").scrollTop = source.scrollTop;
  for (const s of $("gutter").querySelectorAll(".here")) s.classList.remove("here");
  const mark = $("gutter").querySelector(`[data-line="${line}"]`);
  if (mark) mark.classList.add("here");
}

function link(location) {
  if (!location || !location.file) return document.createTextNode("");
  const a = document.createElement("a");
  a.className = "goto";
  a.textContent = `${location.file}:${location.line}`;
  a.dataset.file = location.file;
  a.dataset.line = location.line;
  a.onclick = () => goTo(location.file, location.line);
  return a;
}

let typing = 0;
$("source").addEventListener("input", () => {
  state.files[state.current].text = $("source").value;
  drawGutter();
  clearTimeout(typing);
  typing = setTimeout(updateRules, 200);
});
$("source").addEventListener("scroll", () => { $("gutter").scrollTop = $("source").scrollTop; });

// ---- rules: diagnostics, gaps, conflicts -----------------------------------------------------

async function updateRules() {
  const version = ++state.ruleVersion;
  $("rules-status").dataset.state = "loading";
  $("rules-status").textContent = "checking…";
  const files = state.files.map((f) => [f.name, f.text]);
  const answer = await askRules({ type: "rules", files });
  if (version !== state.ruleVersion) return;
  Object.assign(state, { diagnostics: answer.diagnostics, declared: answer.declared, hasErrors: answer.hasErrors });
  const errors = answer.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = answer.diagnostics.filter((d) => d.severity === "warning").length;
  $("rules-status").dataset.state = errors ? "errors" : "ok";
  $("rules-status").textContent = `${errors} errors, ${warnings} warnings`;
  $("diag-count").textContent = `(${answer.diagnostics.length})`;
  fill("diagnostics", answer.diagnostics, (d) => [sev(d.severity), d.code, link(d.location), d.message, d.help || ""]);
  drawTabs();
  drawGutter();
  drawFindingsOf("gaps", answer.gaps, errors, (d) => d.years ? JSON.stringify(d.years) : "");
  drawFindingsOf("conflicts", answer.conflicts, errors, (d) => d.resolution ? d.resolution.reason || JSON.stringify(d.resolution) : "");
  refreshRecordChoices();
  $("run").disabled = !!errors || state.picked.length === 0;
  document.body.dataset.rules = String(version);
  if (!errors && state.picked.length && state.dataBytes < (2 << 20)) runCheck();
}

function drawFindingsOf(id, list, errors, extra) {
  $(`${id}-summary`).textContent = errors
    ? "Fix the errors in the rules first."
    : list.length ? `${list.length} found` : `none: the rules have no ${id}`;
  fill(id, list, (d) => [sev(d.severity), d.code, link(d.location), d.message, extra(d)]);
}

// ---- tables ----------------------------------------------------------------------------------

const SHOWN = 500;

function sev(s) {
  const span = document.createElement("span");
  span.className = `sev-${s}`;
  span.textContent = s;
  return span;
}

/** Fills table `id` with one row per item (the first SHOWN), cells from `cells(item)`. */
function fill(id, items, cells) {
  const body = $(id).tBodies[0];
  body.textContent = "";
  for (const item of items.slice(0, SHOWN)) {
    const tr = body.insertRow();
    for (const c of cells(item)) {
      const td = tr.insertCell();
      if (c instanceof Node) td.append(c);
      else { td.textContent = c === null || c === undefined ? "" : String(c); if (typeof c === "number") td.className = "num"; }
    }
  }
  if (items.length > SHOWN) {
    const td = body.insertRow().insertCell();
    td.colSpan = 9;
    td.className = "more";
    td.textContent = `… ${items.length - SHOWN} more not shown`;
  }
}

function ruleLink(name) {
  const at = state.declared.rules.find((r) => r.name === name);
  if (!at) return document.createTextNode(name);
  const a = link(at.location);
  a.textContent = name;
  a.title = `${at.location.file}:${at.location.line}`;
  a.dataset.rule = name;
  return a;
}

function place(file, line, column) {
  return file ? `${file}${line ? ":" + line : ""}${column ? ":" + column : ""}` : "";
}

function groupText(group) {
  return Object.entries(group || {}).map(([k, v]) => `${k}=${v}`).join(", ");
}

function drawCheck(report) {
  const s = report.summary;
  const violations = s.rules.reduce((n, r) => n + r.violations, 0);
  $("check-summary").textContent =
    `${s.rows_read} rows read, ${s.rows_checked} checked, ${s.rows_rejected} rejected; ${violations} violations`;
  fill("rule-counts", s.rules, (r) => [ruleLink(r.rule), r.article || "", r.checked, r.passed, r.violations, r.undetermined, r.exempted, r.not_in_force, r.overridden]);
  for (const tr of $("rule-counts").tBodies[0].rows) {
    if (tr.cells[4] && tr.cells[4].textContent !== "0") tr.cells[4].classList.add("hot");
  }
  $("finding-count").textContent = `(${report.findings.length})`;
  fill("findings", report.findings, (f) => [ruleLink(f.rule), f.kind, f.record || groupText(f.group), place(f.file, f.line), f.message]);
  $("rejected-count").textContent = `(${report.rejected.length})`;
  fill("rejected", report.rejected, (r) => [r.code, place(r.file, r.line, r.column), r.field || "", r.message, r.help || ""]);
}

function drawScore(score) {
  const head = $("scores").tHead;
  head.textContent = "";
  if (!score) {
    $("score-summary").textContent = "The rules declare no evaluation.";
    $("scores").tBodies[0].textContent = "";
    return;
  }
  const indicators = score.rows.length ? Object.keys(score.rows[0].indicators) : [];
  const groupKeys = score.rows.length ? Object.keys(score.rows[0].group) : [];
  const tr = head.insertRow();
  for (const h of ["rank", ...groupKeys, ...indicators, "score", "grade"]) {
    const th = document.createElement("th");
    th.textContent = h;
    tr.append(th);
  }
  $("score-summary").textContent =
    `${score.evaluation}: ${score.summary.groups} groups, ${score.summary.scored} scored, ${score.summary.undetermined} undetermined`;
  fill("scores", score.rows, (r) => [
    r.rank, ...groupKeys.map((k) => r.group[k]),
    ...indicators.map((i) => { const v = r.indicators[i]; return v.attainment === null ? `${v.value ?? "?"}` : `${v.value ?? ""} (${v.attainment})`; }),
    r.score, r.grade || "",
  ]);
}

// ---- data ------------------------------------------------------------------------------------

function showProgress({ phase, done }) {
  $("progress").hidden = false;
  $("bar").value = done;
  $("progress-text").textContent = `${phase} ${Math.floor(done)}%`;
}

function recordOf(name) {
  const stem = name.replace(/\.[^.]*$/, "");
  return stem;
}

function refreshRecordChoices() {
  for (const sel of document.querySelectorAll("#files select")) {
    const keep = sel.value;
    sel.textContent = "";
    const names = state.declared.records.map((r) => r.name);
    if (!names.includes(keep)) names.unshift(keep);
    for (const n of names) sel.add(new Option(n, n, false, n === keep));
  }
}

function drawFiles() {
  fill("files", state.picked, (p) => {
    const sel = document.createElement("select");
    sel.add(new Option(p.record, p.record, true, true));
    sel.onchange = () => { p.record = sel.value; loadData(); };
    const size = p.bytes.byteLength;
    return [p.name, size < 1048576 ? `${(size / 1024).toFixed(1)} KB` : `${(size / 1048576).toFixed(1)} MB`, sel, ""];
  });
  refreshRecordChoices();
}

/** Reads a picked file in slices, showing how far it has got. */
async function readFile(file, index, count) {
  const out = new Uint8Array(file.size);
  const slice = 4 << 20;
  for (let at = 0; at < file.size; at += slice) {
    const part = new Uint8Array(await file.slice(at, at + slice).arrayBuffer());
    out.set(part, at);
    showProgress({ phase: `reading ${file.name}`, done: ((index + Math.min(1, (at + slice) / file.size)) / count) * 100 });
  }
  return out;
}

$("file").addEventListener("change", async (e) => {
  const files = [...e.target.files];
  if (!files.length) return;
  const picked = [];
  for (const [i, f] of files.entries()) {
    picked.push({ name: f.name, record: recordOf(f.name), bytes: await readFile(f, i, files.length) });
  }
  state.picked = picked;
  e.target.value = "";
  drawFiles();
  await loadData();
});

$("example").addEventListener("click", async () => {
  state.picked = SHIPPED.data.map(([name, text]) => ({ name, record: recordOf(name), bytes: new TextEncoder().encode(text) }));
  drawFiles();
  await loadData();
});

async function loadData() {
  state.dataBytes = state.picked.reduce((n, p) => n + p.bytes.byteLength, 0);
  const files = state.picked.map((p) => ({ name: p.name, record: p.record, buffer: p.bytes.slice().buffer }));
  const answer = await askData({ type: "data", files }, files.map((f) => f.buffer));
  $("data-error").hidden = answer.problems.length === 0;
  $("data-error").textContent = answer.problems.join("\n");
  $("run").disabled = state.hasErrors || answer.files === 0;
  if (answer.files === 0) {
    $("check-summary").textContent = "No data to check: pick a CSV, JSON, JSON Lines or XLSX file.";
    for (const id of ["rule-counts", "findings", "rejected", "scores"]) $(id).tBodies[0].textContent = "";
    return;
  }
  await runCheck();
}

let running = null;
async function runCheck() {
  if (running) { running.again = true; return; }
  running = { again: false };
  document.body.dataset.checked = "running";
  $("run").disabled = true;
  showProgress({ phase: "checking", done: 0 });
  try {
    const answer = await askData({ type: "run", files: state.files.map((f) => [f.name, f.text]) });
    if (answer.rulesHaveErrors) {
      $("check-summary").textContent = "The rules have errors: fix them before checking data.";
    } else {
      drawCheck(answer.check);
      drawScore(answer.score);
    }
    showProgress({ phase: "done", done: 100 });
  } catch (e) {
    $("check-summary").textContent = `the check failed: ${e.message}`;
  }
  const again = running.again;
  running = null;
  $("run").disabled = state.hasErrors || state.picked.length === 0;
  document.body.dataset.checked = "done";
  if (again) runCheck();
}

$("run").addEventListener("click", runCheck);

for (const b of document.querySelectorAll("#result-tabs button")) {
  b.onclick = () => {
    for (const o of document.querySelectorAll("#result-tabs button")) o.classList.toggle("active", o === b);
    for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== `view-${b.dataset.view}`;
  };
}

openFile(0);
updateRules();
