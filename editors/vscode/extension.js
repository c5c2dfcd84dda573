// The VS Code side of `sla lsp`. Everything a user sees beyond colours
// (diagnostics, hover, completion, outline...) comes from the server; this file
// only starts it for .sla documents and restarts it when `sla.path` changes, so
// the editor never runs a stale binary after a rebuild moved it.
'use strict';

const path = require('path');
const os = require('os');
const vscode = require('vscode');

let client;
let LanguageClient;

// "sla" stays a PATH lookup; "~/bin/sla" and "build/bin/sla" become absolute,
// the latter against the first workspace folder, because the server's working
// directory is not the user's and a relative path would resolve elsewhere.
function serverCommand() {
  const configured = (vscode.workspace.getConfiguration('sla').get('path') || '').trim() || 'sla';
  if (configured === '~' || configured.startsWith('~/')) {
    return path.join(os.homedir(), configured.slice(1));
  }
  if (path.isAbsolute(configured) || !/[\\/]/.test(configured)) {
    return configured;
  }
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? path.join(folders[0].uri.fsPath, configured) : configured;
}

function createClient(command) {
  // No `transport` here: TransportKind.stdio would append "--stdio" to the
  // arguments, which `sla lsp` does not take; stdio is what an Executable uses anyway.
  const executable = { command, args: ['lsp'] };
  const serverOptions = { run: executable, debug: executable };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sla' },
      { scheme: 'untitled', language: 'sla' },
    ],
  };
  // The id 'sla' is what makes the client read its trace level from `sla.trace.server`.
  return new LanguageClient('sla', 'SLA Language Server', serverOptions, clientOptions);
}

async function start() {
  const command = serverCommand();
  client = createClient(command);
  try {
    await client.start();
  } catch (err) {
    const reason = err && err.message ? err.message : String(err);
    vscode.window.showErrorMessage(
      `SLA: could not start "${command} lsp" (${reason}). Set "sla.path" to the sla executable.`);
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (_) {
      // A server that never started cannot be stopped; there is nothing left to clean up.
    }
  }
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  // The folder works without `npm install` for colours, comments and brackets,
  // which are declared in package.json; only the server needs the client library.
  try {
    ({ LanguageClient } = require('vscode-languageclient/node'));
  } catch (_) {
    vscode.window.showWarningMessage(
      'SLA: highlighting only. Run "npm install" in editors/vscode (or install the packaged .vsix) '
      + 'to get diagnostics, hover and completion from "sla lsp".');
    return;
  }
  context.subscriptions.push(
    vscode.commands.registerCommand('sla.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('sla.path')) return restart();
      return undefined;
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
