// The worker: the duikou library compiled to WebAssembly, answering the page's requests.
// It runs off the page's thread, so a large check never freezes the page.
/* global wasm_bindgen, WASM_BASE64 */
"use strict";

function decodeBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

wasm_bindgen.initSync({ module: decodeBase64(WASM_BASE64) });
const { Playground, DataSet } = wasm_bindgen;

let data = new DataSet();

function playground(files) {
  return new Playground(JSON.stringify(files));
}

function withRules(files, work) {
  const rules = playground(files);
  try {
    return work(rules);
  } finally {
    rules.free();
  }
}

const handlers = {
  // The rules as typed: diagnostics, where things are declared, gaps and conflicts.
  rules(msg) {
    return withRules(msg.files, (rules) => {
      const errors = rules.hasErrors();
      return {
        diagnostics: JSON.parse(rules.diagnostics()),
        declared: JSON.parse(rules.declared()),
        hasErrors: errors,
        gaps: errors ? [] : JSON.parse(rules.gaps(undefined)),
        conflicts: errors ? [] : JSON.parse(rules.conflicts()),
      };
    });
  },
  // New data: the files, each as rows of its record type.
  data(msg) {
    data.free();
    data = new DataSet();
    const problems = [];
    for (const f of msg.files) {
      try {
        data.add(f.record, f.name, new Uint8Array(f.buffer));
      } catch (e) {
        problems.push(String(e.message || e));
      }
    }
    return { files: data.len(), problems };
  },
  // Check and score the data with the rules as they stand.
  run(msg) {
    return withRules(msg.files, (rules) => {
      if (rules.hasErrors()) return { rulesHaveErrors: true };
      const phase = (name, share, offset) => (read, total) =>
        postMessage({ type: "progress", phase: name, done: offset + share * (total ? read / total : 1) });
      const check = JSON.parse(rules.check(data, phase("checking", 70, 0)));
      const score = JSON.parse(rules.score(data, undefined, phase("scoring", 30, 70)));
      return { check, score };
    });
  },
};

onmessage = (event) => {
  const msg = event.data;
  try {
    const answer = handlers[msg.type](msg);
    postMessage({ type: msg.type, seq: msg.seq, ok: true, answer });
  } catch (e) {
    postMessage({ type: msg.type, seq: msg.seq, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
