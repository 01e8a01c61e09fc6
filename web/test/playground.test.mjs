// The built playground in headless Chromium: diagnostics as the user types, the same violation
// counts as the command line, a 50 MB CSV checked with progress while the page stays responsive,
// and no console errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const web = dirname(fileURLToPath(import.meta.url)).replace(/[/\\]test$/, "");
const root = join(web, "..");
const page_ = join(web, "dist", "index.html");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const typed = "\nrule 坏规则 { over project  require 不存在的字段 > 1 }\n";

let browser;
let page;
const consoleErrors = [];

/** The command line's JSON answer for `args` (it exits non-zero when it finds something). */
function cli(...args) {
  const bin = process.env.DUIKOU_BIN;
  const [cmd, full] = bin ? [bin, args] : ["cargo", ["run", "--quiet", "--locked", "--bin", "duikou", "--", ...args]];
  const r = spawnSync(cmd, full, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.ok(r.stdout, `\`duikou ${args.join(" ")}\` printed nothing: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

before(async () => {
  assert.ok(existsSync(page_), "web/dist/index.html is missing: run `npm run build` in web/ first");
  assert.ok(existsSync(chromium), `no Chromium at ${chromium}: install Debian's \`chromium\` package (apt-get install -y chromium) or set CHROMIUM`);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), "duikou-chromium-")),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1500, height: 1050 });
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  // Opened from disk, as a user who saved the page would.
  await page.goto(pathToFileURL(page_).href);
  await page.waitForFunction(() => document.body.dataset.rules && document.getElementById("rules-status").dataset.state !== "loading", { timeout: 60000 });
});

after(async () => { if (browser) await browser.close(); });

test("the page says that nothing leaves the machine", async () => {
  const text = await page.$eval("#local", (e) => e.textContent);
  assert.match(text, /no server, no upload/);
  assert.match(text, /不上传/);
});

test("the shipped rules load without errors", async () => {
  const status = await page.$eval("#rules-status", (e) => e.textContent);
  assert.match(status, /^0 errors/);
  const tabs = await page.$$eval("#tabs button", (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(tabs, readdirSync(join(root, "rules")).filter((f) => f.endsWith(".dk")).sort());
});

test("a mistake typed in the editor shows the diagnostic the command line gives", async () => {
  const file = await page.$eval("#tabs button.active", (b) => b.textContent);
  await page.click("#source");
  await page.keyboard.down("Control");
  await page.keyboard.press("End");
  await page.keyboard.up("Control");
  await page.keyboard.type(typed);
  await page.waitForFunction(() => document.getElementById("rules-status").dataset.state === "errors", { timeout: 30000 });
  const shown = await page.$$eval("#diagnostics tbody tr", (rows) => rows.map((r) => ({
    severity: r.cells[0].textContent, code: r.cells[1].textContent, where: r.cells[2].textContent, message: r.cells[3].textContent,
  })));
  // The same files with the same mistake, checked by the command line.
  const dir = mkdtempSync(join(tmpdir(), "duikou-rules-"));
  for (const f of readdirSync(join(root, "rules")).filter((f) => f.endsWith(".dk"))) copyFileSync(join(root, "rules", f), join(dir, f));
  appendFileSync(join(dir, file), typed);
  const expected = cli("check", dir, "--format", "json").findings.map((f) => ({
    severity: f.severity, code: f.code, where: `${f.location.file.split(/[/\\]/).pop()}:${f.location.line}`, message: f.message,
  }));
  assert.ok(expected.some((d) => d.severity === "error"), "the typed mistake is an error for the command line");
  assert.deepEqual(shown, expected);
  // The diagnostic's link shows its line in the editor.
  await page.click("#diagnostics tbody tr a.goto");
  const selected = await page.$eval("#source", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selected, typed.trim());
  // Put the rules back as shipped.
  await page.$eval("#source", (t, text) => { t.value = text; t.dispatchEvent(new Event("input")); },
    readFileSync(join(root, "rules", file), "utf8"));
  await page.waitForFunction(() => document.getElementById("rules-status").dataset.state === "ok", { timeout: 30000 });
});

test("the shipped project.csv gives the command line's violation counts", async () => {
  const input = await page.$("#file");
  await input.uploadFile(join(root, "rules", "data", "project.csv"));
  await page.waitForFunction(() => document.body.dataset.checked === "done" && /rows read/.test(document.getElementById("check-summary").textContent), { timeout: 60000 });
  const shown = await page.$$eval("#rule-counts tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, Number(r.cells[4].textContent)]));
  const report = cli("check", "rules", "--data", "project=rules/data/project.csv", "--format", "json");
  const expected = report.rules.map((r) => [r.rule, r.violations]);
  assert.ok(expected.some(([, v]) => v > 0), "the shipped data has violations");
  assert.deepEqual(shown, expected);
  const summary = await page.$eval("#check-summary", (e) => e.textContent);
  assert.match(summary, new RegExp(`^${report.summary.rows_read} rows read, ${report.summary.rows_checked} checked, ${report.summary.rows_rejected} rejected`));
  // The rejected row is reported with the command line's code, line, column and field.
  const rejected = await page.$$eval("#rejected tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent, r.cells[2].textContent]));
  assert.deepEqual(rejected, report.findings.filter((f) => f.field).map((f) =>
    [f.code, `project.csv:${f.location.line}:${f.location.column}`, f.field]));
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT });
  // A finding links to its rule's line in the editor.
  const link = await page.$("#findings tbody tr a.goto");
  const [rule, file, line] = await link.evaluate((a) => [a.dataset.rule, a.dataset.file, Number(a.dataset.line)]);
  await link.click();
  const at = await page.$eval("#source", (t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(await page.$eval("#tabs button.active", (b) => b.textContent), file);
  assert.ok(at.includes(rule), `line ${line} of ${file} (\`${at}\`) declares rule \`${rule}\``);
});

test("gaps, conflicts and scores agree with the command line", async () => {
  for (const view of ["gaps", "conflicts"]) {
    const expected = cli(view, "rules", "--format", "json").findings.map((f) => [f.code, f.message]);
    await page.click(`#result-tabs button[data-view="${view}"]`);
    const shown = await page.$$eval(`#${view} tbody tr`, (rows) => rows.map((r) => [r.cells[1].textContent, r.cells[3].textContent]));
    assert.deepEqual(shown, expected.slice(0, 500), view);
  }
  // The example data (every CSV file of rules/data) scored as `duikou score` scores it.
  const csvs = readdirSync(join(root, "rules", "data")).filter((f) => f.endsWith(".csv")).length;
  await page.click("#example");
  await page.waitForFunction((n) => document.body.dataset.checked === "done" && document.querySelectorAll("#files tbody tr").length === n, { timeout: 60000 }, csvs);
  await page.waitForFunction(() => document.body.dataset.checked === "done", { timeout: 60000 });
  await page.click('#result-tabs button[data-view="score"]');
  const shown = await page.$$eval("#scores tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, r.cells[r.cells.length - 2].textContent]));
  const score = cli("score", "rules", "--data", "rules/data", "--format", "json");
  assert.ok(score.rows.length > 0);
  assert.deepEqual(shown, score.rows.map((r) => [r.rank === null ? "" : String(r.rank), r.score === null ? "" : String(r.score)]));
  await page.click('#result-tabs button[data-view="check"]');
});

test("a picked workbook gives the command line's counts for the same file", async () => {
  // web/test/project.xlsx: the shipped project.csv saved as a workbook.
  const book = join(web, "test", "project.xlsx");
  const input = await page.$("#file");
  await input.uploadFile(book);
  await page.waitForFunction(() => document.body.dataset.checked === "done" && document.querySelectorAll("#files tbody tr").length === 1
    && /project\.xlsx/.test(document.getElementById("files").textContent) && /rows read/.test(document.getElementById("check-summary").textContent), { timeout: 60000 });
  assert.equal(await page.$eval("#data-error", (e) => e.hidden), true);
  const report = cli("check", "rules", "--data", `project=${book}`, "--format", "json");
  assert.ok(report.summary.rows_checked > 50, "the workbook's rows are read");
  const shown = await page.$$eval("#rule-counts tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, Number(r.cells[4].textContent)]));
  assert.deepEqual(shown, report.rules.map((r) => [r.rule, r.violations]));
  const summary = await page.$eval("#check-summary", (e) => e.textContent);
  assert.match(summary, new RegExp(`^${report.summary.rows_read} rows read, ${report.summary.rows_checked} checked, ${report.summary.rows_rejected} rejected`));
  // A rejected row is placed in the workbook's sheet, as the command line places it.
  const rejected = await page.$$eval("#rejected tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, r.cells[2].textContent]));
  assert.deepEqual(rejected, report.findings.filter((f) => f.field).map((f) => [f.code, f.field]));
});

test("a damaged workbook is reported with the command line's code", async () => {
  const dir = mkdtempSync(join(tmpdir(), "duikou-xlsx-"));
  writeFileSync(join(dir, "project.xlsx"), "PK not really a workbook");
  const input = await page.$("#file");
  await input.uploadFile(join(dir, "project.xlsx"));
  await page.waitForFunction(() => document.body.dataset.checked === "done" && /0 rows read/.test(document.getElementById("check-summary").textContent), { timeout: 60000 });
  const expected = cli("check", "rules", "--data", `project=${join(dir, "project.xlsx")}`, "--format", "json")
    .findings.filter((f) => f.code.startsWith("duikou::data::")).map((f) => f.code);
  assert.deepEqual(expected, ["duikou::data::format"]);
  const shown = await page.$$eval("#rejected tbody tr", (rows) => rows.map((r) => r.cells[0].textContent));
  assert.deepEqual(shown, expected);
  const message = await page.$eval("#rejected tbody tr", (r) => r.textContent);
  assert.match(message, /cannot open the workbook/);
});

test("a 50 MB CSV shows progress while the page stays responsive", async () => {
  const csv = readFileSync(join(root, "rules", "data", "project.csv"), "utf8").trim().split("\n");
  const [header, ...rows] = csv;
  const dir = mkdtempSync(join(tmpdir(), "duikou-big-"));
  mkdirSync(dir, { recursive: true });
  const big = join(dir, "project.csv");
  const lines = [header];
  let size = header.length;
  for (let n = 0; size < 50 << 20; n++) {
    const row = rows[n % rows.length].replace(/^[^,]*/, (id) => `${id}-${n}`);
    lines.push(row);
    size += row.length + 1;
  }
  writeFileSync(big, lines.join("\n") + "\n");
  const input = await page.$("#file");
  await input.uploadFile(big);
  await page.waitForFunction(() => document.body.dataset.checked === "running", { timeout: 60000 });
  // While the worker checks, the page answers and the bar moves.
  const seen = new Set();
  while (await page.evaluate(() => document.body.dataset.checked) === "running") {
    const t = Date.now();
    const [phase, value] = await page.evaluate(() => [document.getElementById("progress-text").textContent, document.getElementById("bar").value]);
    assert.ok(Date.now() - t < 5000, "the page answered while checking");
    if (/checking|scoring/.test(phase)) seen.add(Math.floor(value));
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(seen.size >= 3, `the progress bar moved while checking (${[...seen].join(", ")})`);
  const summary = await page.$eval("#check-summary", (e) => e.textContent);
  assert.match(summary, new RegExp(`^${lines.length - 1} rows read`));
});

test("no console errors", () => {
  assert.deepEqual(consoleErrors, []);
});
