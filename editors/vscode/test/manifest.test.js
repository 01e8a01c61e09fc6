// Checks the manifest and its contributions: the `.dk` language, a grammar that parses, a
// language configuration with comments and brackets, a snippet for each declaration in both
// dialects, and the server path setting.
"use strict";

const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");

const root = path.join(__dirname, "..");
const read = (p) => JSON.parse(fs.readFileSync(path.join(root, p), "utf8"));
const pkg = read("package.json");

test("the language is contributed for .dk files", () => {
  const lang = pkg.contributes.languages[0];
  assert.deepStrictEqual(lang.extensions, [".dk"]);
  const config = read(lang.configuration);
  assert.strictEqual(config.comments.lineComment, "//");
  assert.deepStrictEqual(config.comments.blockComment, ["/*", "*/"]);
  assert.ok(config.brackets.some(([o, c]) => o === "【" && c === "】"));
  assert.ok(config.autoClosingPairs.some((p) => p.open === "`"));
});

test("the grammar is the one the manifest names", () => {
  const g = read(pkg.contributes.grammars[0].path);
  assert.strictEqual(g.scopeName, pkg.contributes.grammars[0].scopeName);
  for (const key of ["comments", "strings", "numbers", "keywords", "backtick-names"]) {
    assert.ok(g.repository[key], key);
  }
});

test("every declaration has a snippet in both dialects", () => {
  const snippets = read(pkg.contributes.snippets[0].path);
  const prefixes = new Set(Object.values(snippets).flatMap((s) => s.prefix));
  const pairs = [
    ["actor", "主体"], ["program", "支援类型"], ["function", "职能"], ["record", "记录"],
    ["document", "文件"], ["article", "条"], ["pair", "结对"], ["duty", "职责"],
    ["rule", "规则"], ["evaluation", "考评"], ["test", "测试"],
  ];
  for (const [en, zh] of pairs) {
    assert.ok(prefixes.has(en), en);
    assert.ok(prefixes.has(zh), zh);
  }
});

test("the client starts `duikou lsp` from the configured path", () => {
  const props = pkg.contributes.configuration.properties;
  assert.strictEqual(props["duikou.server.path"].default, "duikou");
  const source = fs.readFileSync(path.join(root, pkg.main), "utf8");
  assert.match(source, /config\.get\("server\.path"\)/);
  assert.match(source, /\["lsp"/);
});
