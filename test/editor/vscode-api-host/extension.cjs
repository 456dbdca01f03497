// A test-only extension: on its command, runs the @vscode/test-electron suite (test/vscode/suite/index.cjs) in
// this extension host, so the offline editor tests exercise it too, and writes its results where the driver
// (test/editor/vscode.mjs) reads them. suite.json, written next to this file when it is installed, says where.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

exports.activate = (context) => {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'suite.json'), 'utf8'));
  context.subscriptions.push(
    vscode.commands.registerCommand('pressMarkupTests.runApiSuite', async () => {
      let outcome;
      try {
        outcome = { results: await require(config.suite).runChecks() };
      } catch (error) {
        outcome = { error: String(error?.stack ?? error) };
      }
      fs.writeFileSync(config.result, JSON.stringify(outcome));
    }),
  );
};
