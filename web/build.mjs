// Builds the playground: the WebAssembly crate, its JavaScript glue, and one self-contained
// `dist/index.html` that opens from disk (file://) or from any static server.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = dirname(fileURLToPath(import.meta.url));
const root = join(web, "..");
const crate = join(root, "bindings", "wasm");
const out = join(web, "build");
const dist = join(web, "dist");

function run(cmd, args, cwd) {
  console.log(`$ ${cmd} ${args.join(" ")}`);
  execFileSync(cmd, args, { cwd, stdio: "inherit" });
}

run("cargo", ["build", "--locked", "--release", "--target", "wasm32-unknown-unknown"], crate);
mkdirSync(out, { recursive: true });
const wasmFile = join(crate, "target", "wasm32-unknown-unknown", "release", "duikou_wasm.wasm");
run("wasm-bindgen", ["--target", "no-modules", "--no-typescript", "--out-dir", out, wasmFile], web);

const read = (p) => readFileSync(p, "utf8");
// The shipped example rules and data, in name order.
const shipped = (dir, ext) =>
  readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => [f, read(join(dir, f))]);
const examples = { rules: shipped(join(root, "rules"), ".dk"), data: shipped(join(root, "rules", "data"), ".csv") };

const wasm = readFileSync(join(out, "duikou_wasm_bg.wasm")).toString("base64");
const worker = [
  read(join(out, "duikou_wasm.js")),
  `const WASM_BASE64 = "${wasm}";`,
  read(join(web, "src", "worker.js")),
].join("\n");
// Text inside a <script> element must not close it.
const inScript = (text) => text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
const html = read(join(web, "src", "index.html"))
  .replace("/*STYLE*/", () => read(join(web, "src", "style.css")))
  .replace("/*WORKER*/", () => inScript(worker))
  .replace("/*SHIPPED*/", () => inScript(JSON.stringify(examples)))
  .replace("/*PAGE*/", () => inScript(read(join(web, "src", "page.js"))));
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "index.html"), html);
console.log(`wrote ${join("web", "dist", "index.html")} (${(html.length / 1048576).toFixed(1)} MB)`);
