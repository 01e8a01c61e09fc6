// The duikou extension: starts `duikou lsp` (the path is the `duikou.server.path` setting) and
// connects VS Code to it. Colours, brackets and snippets come from the manifest.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration("duikou");
  const command = config.get("server.path") || "duikou";
  const args = ["lsp", ...(config.get("server.extraArgs") || [])];
  return { command, args, transport: TransportKind.stdio };
}

async function start(context) {
  const clientOptions = {
    documentSelector: [{ language: "duikou" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.dk") },
  };
  client = new LanguageClient("duikou", "duikou", serverOptions(), clientOptions);
  try {
    await client.start();
  } catch (err) {
    const path = serverOptions().command;
    vscode.window.showErrorMessage(
      `duikou: cannot start \`${path} lsp\` (${err.message}). Set \`duikou.server.path\` to the duikou executable.`
    );
  }
}

async function activate(context) {
  await start(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("duikou.server")) {
        if (client) {
          await client.stop();
        }
        await start(context);
      }
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverOptions };
